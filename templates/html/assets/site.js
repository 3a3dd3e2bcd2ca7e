/* The programme site's enhancements. Everything works without this file; it adds
   local times, a filter, expand-all for abstracts and a now/next marker.
   Loaded with `defer` from the site's own folder (the CSP forbids inline scripts). */
(() => {
  "use strict";

  const STORE_KEY = "namconvert:times"; // "local" or "venue"
  const controls = document.getElementById("controls");
  const status = document.getElementById("tz-status");
  if (!controls || !status) return;
  controls.hidden = false;

  const lang = document.documentElement.lang || "en";
  const slots = Array.from(document.querySelectorAll(".slot[data-start]"));
  const venueZone = status.dataset.venueZone || "";
  const venueStatus = Array.from(status.childNodes, (n) => n.cloneNode(true));
  const localZone = (Intl.DateTimeFormat().resolvedOptions().timeZone) || "";

  const clock = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const zoneName = new Intl.DateTimeFormat(lang, { timeZoneName: "short" });
  const shortDate = new Intl.DateTimeFormat(lang, { weekday: "short", day: "numeric", month: "short" });
  const isoDate = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" });

  const store = {
    get() { try { return window.localStorage.getItem(STORE_KEY); } catch { return null; } },
    set(value) { try { window.localStorage.setItem(STORE_KEY, value); } catch { /* private mode */ } },
  };

  const abbreviation = (date) =>
    (zoneName.formatToParts(date).find((p) => p.type === "timeZoneName") || { value: localZone }).value;

  // Each slot's venue-time text is kept so the toggle can put it back.
  for (const slot of slots) {
    for (const el of slot.querySelectorAll(".time .start, .time .end, .time .zone")) {
      el.dataset.venueText = el.textContent;
      if (el.title) el.dataset.venueTitle = el.title;
    }
  }

  /* ---- Times in the reader's zone ---- */

  const tzBox = document.getElementById("tz-local");
  const tzName = document.getElementById("tz-local-name");

  function showLocal(slot) {
    const start = new Date(slot.dataset.start);
    const end = new Date(slot.dataset.end);
    const time = slot.querySelector(".time");
    time.querySelector(".start").textContent = clock.format(start);
    time.querySelector(".end").textContent = clock.format(end);
    const zone = time.querySelector(".zone");
    zone.textContent = abbreviation(start);
    zone.title = localZone;
    const day = slot.closest(".day");
    if (day && isoDate.format(start) !== day.dataset.date) {
      const note = document.createElement("span");
      note.className = "local-date";
      note.textContent = shortDate.format(start);
      time.append(note);
    }
  }

  function showVenue(slot) {
    for (const el of slot.querySelectorAll(".time .start, .time .end, .time .zone")) {
      el.textContent = el.dataset.venueText;
      if (el.dataset.venueTitle) el.title = el.dataset.venueTitle;
    }
  }

  function setStatus(local) {
    if (!local) {
      status.replaceChildren(...venueStatus.map((n) => n.cloneNode(true)));
      return;
    }
    const mine = document.createElement("strong");
    mine.textContent = localZone;
    const venue = document.createElement("strong");
    venue.textContent = venueZone;
    status.replaceChildren("Times are shown in your time zone, ", mine,
      ". The venue’s time zone is ", venue, ".");
  }

  const weekday = new Intl.DateTimeFormat(lang, { weekday: "short" });
  const indexTimes = Array.from(document.querySelectorAll(".when[data-start]"));
  for (const el of indexTimes) el.dataset.venueText = el.textContent;

  function applyZone(local) {
    for (const slot of slots) {
      for (const note of slot.querySelectorAll(".local-date")) note.remove();
      if (local) showLocal(slot); else showVenue(slot);
    }
    for (const el of indexTimes) {
      const start = new Date(el.dataset.start);
      el.textContent = local
        ? `${weekday.format(start)} ${clock.format(start)} ${abbreviation(start)}`
        : el.dataset.venueText;
    }
    setStatus(local);
    document.documentElement.dataset.times = local ? "local" : "venue";
    updateNowNext();
  }

  if (tzBox && tzName) {
    tzName.textContent = localZone;
    if (!localZone || localZone === venueZone) {
      tzBox.closest("label").hidden = true; // nothing to convert to
    } else {
      tzBox.checked = store.get() === "local";
      tzBox.addEventListener("change", () => {
        store.set(tzBox.checked ? "local" : "venue");
        applyZone(tzBox.checked);
      });
    }
  }

  /* ---- Filter ---- */

  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const haystacks = new Map(slots.map((slot) => {
    const parts = [".title", ".speakers", ".abstract-text"].map((sel) => {
      const el = slot.querySelector(sel);
      return el ? el.textContent : "";
    });
    return [slot, { all: fold(parts.join(" ")), abstract: fold(parts[2]) }];
  }));
  const filter = document.getElementById("filter");
  const filterStatus = document.getElementById("filter-status");

  function applyFilter() {
    const raw = filter.value.trim();
    const terms = fold(raw).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const slot of slots) {
      const hay = haystacks.get(slot);
      const match = terms.every((t) => hay.all.includes(t));
      slot.hidden = !match;
      if (match) shown += 1;
      // Open an abstract that holds a match, so the reader sees why the talk is listed.
      const details = slot.querySelector("details.abstract");
      if (details) {
        const inAbstract = terms.length > 0 && match && terms.some((t) => hay.abstract.includes(t));
        if (inAbstract && !details.open) { details.open = true; details.dataset.byFilter = "1"; }
        if (!inAbstract && details.dataset.byFilter) { details.open = false; delete details.dataset.byFilter; }
      }
    }
    for (const group of document.querySelectorAll(".session, .day")) {
      group.hidden = terms.length > 0 && !group.querySelector(".slot:not([hidden])");
    }
    filterStatus.textContent = terms.length
      ? `${shown} of ${slots.length} programme items match “${raw}”.`
      : "";
  }

  if (filter && filterStatus) filter.addEventListener("input", applyFilter);

  /* ---- Abstracts: expand or collapse all; open all for printing ---- */

  const allDetails = Array.from(document.querySelectorAll("details.abstract"));
  const toggle = document.getElementById("toggle-abstracts");
  if (toggle) {
    if (!allDetails.length) toggle.hidden = true;
    const label = () => {
      toggle.textContent = allDetails.every((d) => d.open) ? "Collapse all abstracts" : "Expand all abstracts";
    };
    toggle.addEventListener("click", () => {
      const open = !allDetails.every((d) => d.open);
      for (const d of allDetails) { d.open = open; delete d.dataset.byFilter; }
      label();
    });
    for (const d of allDetails) d.addEventListener("toggle", label);
  }

  let closedBeforePrint = [];
  window.addEventListener("beforeprint", () => {
    closedBeforePrint = allDetails.filter((d) => !d.open);
    for (const d of closedBeforePrint) d.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const d of closedBeforePrint) d.open = false;
    closedBeforePrint = [];
  });

  /* ---- Now / next, while the programme runs ---- */

  const nowNext = document.getElementById("now-next");
  const times = slots.map((slot) => ({
    slot, start: Date.parse(slot.dataset.start), end: Date.parse(slot.dataset.end),
  }));
  const first = Math.min(...times.map((t) => t.start));
  const last = Math.max(...times.map((t) => t.end));

  function badge(kind, text) {
    const el = document.createElement("span");
    el.className = `badge badge-${kind}`;
    el.textContent = text;
    return el;
  }

  function mention(label, kind, entry) {
    const title = entry.slot.querySelector(".title");
    const link = document.createElement("a");
    link.href = `#${entry.slot.id}`;
    link.textContent = title ? title.textContent.trim() : entry.slot.id;
    const at = entry.slot.querySelector(".time .start");
    const item = document.createElement("span");
    item.className = "now-next-item";
    item.append(badge(kind, label), link, at ? ` (${at.textContent})` : "");
    return item;
  }

  function updateNowNext() {
    if (!nowNext) return;
    for (const el of document.querySelectorAll(".slot .badge")) el.remove();
    for (const slot of slots) slot.classList.remove("is-now", "is-next");
    const now = Date.now();
    if (!times.length || now < first || now >= last) {
      nowNext.hidden = true;
      return;
    }
    const current = times.filter((t) => t.start <= now && now < t.end);
    const upcoming = times.filter((t) => t.start > now);
    const soonest = Math.min(...upcoming.map((t) => t.start));
    const next = upcoming.filter((t) => t.start === soonest);
    const parts = [];
    for (const t of current) {
      t.slot.classList.add("is-now");
      t.slot.querySelector(".time").append(badge("now", "Now"));
      parts.push(mention("Now", "now", t));
    }
    for (const t of next) {
      t.slot.classList.add("is-next");
      t.slot.querySelector(".time").append(badge("next", "Next"));
      parts.push(mention("Next", "next", t));
    }
    nowNext.replaceChildren(...parts);
    nowNext.hidden = parts.length === 0;
  }

  applyZone(Boolean(tzBox && tzBox.checked));
  window.setInterval(updateNowNext, 30000);
})();
