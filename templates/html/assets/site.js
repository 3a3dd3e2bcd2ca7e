/* The programme site's enhancements. Everything works without this file; it adds
   local times, a filter, expand-all for abstracts, a now/next marker and "my schedule"
   (stars kept in localStorage, a view of the starred talks, their calendar, a #my= link).
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

  // The page's dates read "Wednesday 13 July": English in the page's own order, not the US one.
  const dateLang = /^en(-US)?$/i.test(lang) ? "en-GB" : lang;
  const clock = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const zoneName = new Intl.DateTimeFormat(lang, { timeZoneName: "short" });
  const shortDate = new Intl.DateTimeFormat(dateLang, { weekday: "short", day: "numeric", month: "long" });
  const first = Math.min(...slots.map((s) => Date.parse(s.dataset.start)));
  const isoDate = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" });
  // The tz database's abbreviations on the programme's dates ("JST"), written by the build:
  // browsers name most zones "GMT+9".
  const zoneTable = (window.namconvertZones && window.namconvertZones[localZone]) || {};

  const store = {
    get() { try { return window.localStorage.getItem(STORE_KEY); } catch { return null; } },
    set(value) { try { window.localStorage.setItem(STORE_KEY, value); } catch { /* private mode */ } },
  };

  function offsetName(date) {
    const minutes = -date.getTimezoneOffset();
    const sign = minutes < 0 ? "-" : "+";
    const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0");
    return `UTC${sign}${hours}:${String(Math.abs(minutes) % 60).padStart(2, "0")}`;
  }

  // The reader's zone at DATE, named as the venue's is: "JST", else the browser's letters, else "UTC+09:00".
  function abbreviation(date) {
    const known = zoneTable[String(-date.getTimezoneOffset())];
    if (known) return known;
    const part = zoneName.formatToParts(date).find((p) => p.type === "timeZoneName");
    return part && /^[A-Za-z]{2,6}$/.test(part.value) ? part.value : offsetName(date);
  }
  const zoneLabel = (date) => `${localZone} (${abbreviation(date)})`;

  function dateNote(date, isoDay) {
    if (!isoDay || isoDate.format(date) === isoDay) return null;
    const note = document.createElement("span");
    note.className = "local-date";
    note.textContent = shortDate.format(date);
    return note;
  }

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
    const note = dateNote(start, day && day.dataset.date);
    if (note) time.append(note);
  }

  // The day's hours and the overview's times, as the slots'.
  const windows = Array.from(document.querySelectorAll(".day-window[data-start]"));
  const glanceTimes = Array.from(document.querySelectorAll(".glance-time[data-start]"));
  for (const el of [...windows, ...glanceTimes]) el.dataset.venueHtml = el.innerHTML;

  function showWindow(el, local) {
    el.innerHTML = el.dataset.venueHtml; // the page's own markup, kept from load
    if (!local) return;
    const start = new Date(el.dataset.start);
    const end = new Date(el.dataset.end);
    el.querySelector(".start").textContent = clock.format(start);
    el.querySelector(".end").textContent = clock.format(end);
    el.querySelector(".zone").textContent = zoneLabel(start);
    const day = el.closest(".day");
    const note = dateNote(start, day && day.dataset.date);
    if (note) el.append(" ", note);
  }

  function showGlanceTime(el, local) {
    el.innerHTML = el.dataset.venueHtml;
    if (!local) return;
    const start = new Date(el.dataset.start);
    el.textContent = clock.format(start);
    const day = el.closest(".day");
    const note = dateNote(start, day && day.dataset.date);
    if (note) el.append(" ", note);
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
    mine.textContent = zoneLabel(new Date(first));
    const venue = document.createElement("strong");
    const venueLabel = status.querySelector("strong");
    venue.textContent = venueLabel ? venueLabel.textContent : venueZone;
    status.replaceChildren("Times in your time zone, ", mine, ". Venue time: ", venue);
  }

  const weekday = new Intl.DateTimeFormat(lang, { weekday: "short" });
  const indexTimes = Array.from(document.querySelectorAll(".when[data-start]"));
  for (const el of indexTimes) el.dataset.venueText = el.textContent;

  function applyZone(local) {
    for (const slot of slots) {
      for (const note of slot.querySelectorAll(".local-date")) note.remove();
      if (local) showLocal(slot); else showVenue(slot);
    }
    for (const el of windows) showWindow(el, local);
    for (const el of glanceTimes) showGlanceTime(el, local);
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
    tzName.textContent = zoneLabel(new Date(first || Date.now()));
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
  const dayChoice = document.getElementById("filter-day");
  const kindChoice = document.getElementById("filter-kind");
  const dayOf = new Map(slots.map((slot) => [slot, (slot.closest(".day") || { dataset: {} }).dataset.date || ""]));
  const MARKED = [".title", ".speakers", ".abstract-text"];

  // TEXT folded as the filter folds, with each folded character's place in TEXT.
  function foldWithPlaces(text) {
    let folded = "";
    const places = [];
    for (let i = 0; i < text.length; i += 1) {
      const f = fold(text[i]);
      folded += f;
      for (let k = 0; k < f.length; k += 1) places.push(i);
    }
    return { folded, places };
  }

  function unmark(root) {
    for (const mark of Array.from(root.querySelectorAll("mark.match"))) {
      mark.replaceWith(document.createTextNode(mark.textContent));
    }
    root.normalize();
  }

  // Each place in ROOT's text where a term matches, wrapped in <mark class="match">.
  function mark(root, terms) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const { folded, places } = foldWithPlaces(node.data);
      const spans = [];
      for (const term of terms) {
        for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
          spans.push([places[at], places[at + term.length - 1] + 1]);
        }
      }
      if (!spans.length) continue;
      spans.sort((a, b) => a[0] - b[0]);
      const merged = [spans[0]];
      for (const [a, b] of spans.slice(1)) {
        const last = merged[merged.length - 1];
        if (a <= last[1]) last[1] = Math.max(last[1], b); else merged.push([a, b]);
      }
      for (const [a, b] of merged.reverse()) { // from the end: earlier offsets stay right
        const range = document.createRange();
        range.setStart(node, a);
        range.setEnd(node, b);
        const wrap = document.createElement("mark");
        wrap.className = "match";
        range.surroundContents(wrap);
      }
    }
  }

  // The filter's text, day and kind in the address (?q=&day=&kind=), to be shared or kept.
  function keepInAddress(raw) {
    const params = new URLSearchParams(window.location.search);
    const wanted = { q: raw, day: dayChoice ? dayChoice.value : "", kind: kindChoice ? kindChoice.value : "" };
    for (const [name, value] of Object.entries(wanted)) {
      if (value) params.set(name, value); else params.delete(name);
    }
    const query = params.toString();
    const address = window.location.pathname + (query ? `?${query}` : "") + window.location.hash;
    if (address !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", address);
    }
  }

  function takeAddress() {
    const params = new URLSearchParams(window.location.search);
    if (filter && params.has("q")) filter.value = params.get("q");
    const choose = (select, value) => {
      if (select && value && Array.from(select.options).some((o) => o.value === value)) select.value = value;
    };
    choose(dayChoice, params.get("day"));
    choose(kindChoice, params.get("kind"));
  }

  function applyFilter() {
    const raw = filter ? filter.value.trim() : "";
    const terms = fold(raw).split(/\s+/).filter(Boolean);
    const day = dayChoice ? dayChoice.value : "";
    const kind = kindChoice ? kindChoice.value : "";
    let shown = 0;
    for (const slot of slots) {
      const hay = haystacks.get(slot);
      const match = terms.every((t) => hay.all.includes(t))
        && (!day || dayOf.get(slot) === day) && (!kind || slot.dataset.kind === kind);
      slot.hidden = !match || (my.viewing && !my.has(slot));
      if (match) shown += 1;
      for (const sel of MARKED) {
        const el = slot.querySelector(sel);
        if (!el) continue;
        if (el.querySelector("mark.match")) unmark(el);
        if (match && terms.length) mark(el, terms);
      }
      // Open an abstract that holds a match, so the reader sees why the talk is listed.
      const details = slot.querySelector("details.abstract");
      if (details) {
        const inAbstract = terms.length > 0 && match && terms.some((t) => hay.abstract.includes(t));
        if (inAbstract && !details.open) { details.open = true; details.dataset.byFilter = "1"; }
        if (!inAbstract && details.dataset.byFilter) { details.open = false; delete details.dataset.byFilter; }
      }
    }
    const narrowed = terms.length > 0 || Boolean(day) || Boolean(kind) || my.viewing;
    for (const group of document.querySelectorAll(".session, .day")) {
      group.hidden = narrowed && !group.querySelector(".slot:not([hidden])");
    }
    // The day at a glance lists every talk: narrowed, the page shows only the chosen ones.
    for (const el of document.querySelectorAll(".glance")) el.hidden = narrowed;
    my.report();
    const chosen = [day && dayChoice.selectedOptions[0].textContent,
      kind && kindChoice.selectedOptions[0].textContent.toLowerCase()].filter(Boolean).join(", ");
    const what = [raw && `“${raw}”`, chosen && `(${chosen})`].filter(Boolean).join(" ");
    filterStatus.textContent = !what ? ""
      : shown === 0 ? `No talk matches ${what}.`
      : `${shown} of ${slots.length} programme items match ${what}.`;
    keepInAddress(raw);
  }

  if (filter && filterStatus) {
    filter.addEventListener("input", applyFilter);
    for (const select of [dayChoice, kindChoice]) if (select) select.addEventListener("change", applyFilter);
    takeAddress();
  }

  /* ---- My schedule: stars, a view of the starred slots, their calendar, a #my= link ---- */

  const my = (() => {
    const key = `${document.body.dataset.store || "namconvert:my"}`;
    const byKey = new Map(slots.map((slot) => [slot.dataset.key, slot]));
    const viewButton = document.getElementById("my-view");
    const count = document.getElementById("my-count");
    const calendarLink = document.getElementById("my-calendar");
    const shareLink = document.getElementById("my-link");
    const myStatus = document.getElementById("my-status");
    const stamp = document.body.dataset.stamp || "19700101T000000Z";
    const title = (document.querySelector("h1") || { textContent: "" }).textContent.trim();

    function load() {
      try {
        const stored = JSON.parse(window.localStorage.getItem(key) || "[]");
        return Array.isArray(stored) ? stored.filter((k) => byKey.has(k)) : [];
      } catch { return []; }
    }
    const starred = new Set(load());

    function save() {
      try { window.localStorage.setItem(key, JSON.stringify([...starred])); } catch { /* private mode */ }
    }

    // RFC 5545: escaped text, lines folded at 75 octets, CRLF.
    const escape = (text) => text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r?\n/g, "\\n");
    const encoder = new TextEncoder();
    function fold(line) {
      const lines = [];
      let current = "";
      let octets = 0;
      for (const char of line) {
        const size = encoder.encode(char).length;
        if (octets + size > 75) { lines.push(current); current = " "; octets = 1; }
        current += char;
        octets += size;
      }
      lines.push(current);
      return lines.join("\r\n");
    }
    const instant = (iso) => iso.replace(/[-:]/g, "").replace(/\.\d+/, "");
    const text = (el) => (el ? el.textContent.replace(/\s+/g, " ").trim() : "");

    function vevent(slot) {
      const speakers = Array.from(slot.querySelectorAll(".speaker"), (el) => text(el));
      const session = slot.closest(".session");
      const abstract = slot.querySelector(".abstract-text");
      const about = [];
      if (speakers.length) about.push(`Speakers: ${speakers.join(", ")}`);
      if (session) about.push(`Session: ${text(session.querySelector("h3"))}`);
      if (abstract) about.push("", abstract.innerText.trim() || text(abstract));
      const page = `${window.location.href.split("#")[0]}#${slot.id}`;
      const lines = ["BEGIN:VEVENT", `UID:${slot.dataset.uid}`, `DTSTAMP:${stamp}`,
        `DTSTART:${instant(slot.dataset.start)}`, `DTEND:${instant(slot.dataset.end)}`,
        `SUMMARY:${escape(text(slot.querySelector(".title")))}`, `DESCRIPTION:${escape(about.join("\n"))}`];
      if (slot.dataset.location) lines.push(`LOCATION:${escape(slot.dataset.location)}`);
      lines.push(`URL:${slot.dataset.url || page}`, "END:VEVENT");
      return lines;
    }

    function calendar(chosen) {
      const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//namconvert//my schedule//EN",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escape(`My schedule: ${title}`)}`,
        ...chosen.flatMap(vevent), "END:VCALENDAR"];
      return `${lines.map(fold).join("\r\n")}\r\n`;
    }

    const api = {
      viewing: false,
      has: (slot) => starred.has(slot.dataset.key),
      report() {
        if (!myStatus) return;
        const shown = slots.filter((s) => !s.hidden).length;
        myStatus.textContent = !api.viewing ? ""
          : starred.size === 0 ? "My schedule is empty: star a talk with ☆ to add it."
          : `My schedule: ${shown} of ${starred.size} starred programme items shown.`;
      },
    };

    function update() {
      const chosen = slots.filter((s) => starred.has(s.dataset.key));
      for (const slot of slots) {
        const on = starred.has(slot.dataset.key);
        slot.classList.toggle("is-starred", on);
        const star = slot.querySelector(".star");
        if (star) {
          star.setAttribute("aria-pressed", String(on));
          star.querySelector(".star-icon").textContent = on ? "★" : "☆";
        }
      }
      for (const entry of document.querySelectorAll(".glance-entry[data-key]")) {
        entry.classList.toggle("is-starred", starred.has(entry.dataset.key));
      }
      if (count) count.textContent = String(chosen.length);
      const keys = chosen.map((s) => s.dataset.key).join(".");
      if (calendarLink) {
        calendarLink.hidden = chosen.length === 0;
        calendarLink.download = "my-schedule.ics";
        calendarLink.type = "text/calendar";
        calendarLink.href = `data:text/calendar;charset=utf-8,${encodeURIComponent(calendar(chosen))}`;
      }
      if (shareLink) {
        shareLink.hidden = chosen.length === 0;
        shareLink.href = `#my=${keys}`;
      }
    }

    function setView(on) {
      api.viewing = on;
      if (viewButton) viewButton.setAttribute("aria-pressed", String(on));
      document.documentElement.dataset.view = on ? "my" : "all";
    }

    // A #my= link (shared, or moved to a phone) adds its talks to this reader's stars. Opened,
    // it leaves the address bar (a reload would bring back a star since removed); followed
    // on the page, it stays there to be copied.
    function takeLink(opened) {
      const match = /^#my=([0-9a-f.]*)$/i.exec(window.location.hash);
      if (!match) return false;
      for (const k of match[1].toLowerCase().split(".")) if (byKey.has(k)) starred.add(k);
      save();
      if (opened) window.history.replaceState(null, "", window.location.pathname + window.location.search);
      setView(true);
      return true;
    }

    for (const slot of slots) {
      const star = slot.querySelector(".star");
      if (!star) continue;
      star.hidden = false;
      star.addEventListener("click", () => {
        const k = slot.dataset.key;
        if (starred.has(k)) starred.delete(k); else starred.add(k);
        save();
        update();
        if (api.viewing) applyFilter();
      });
    }
    if (viewButton) {
      viewButton.addEventListener("click", () => {
        setView(!api.viewing);
        applyFilter();
      });
    }
    window.addEventListener("hashchange", () => {
      if (takeLink(false)) { update(); applyFilter(); }
    });
    window.addEventListener("storage", (event) => { // another tab starred something
      if (event.key !== key) return;
      starred.clear();
      for (const k of load()) starred.add(k);
      update();
      applyFilter();
    });
    api.start = () => {
      takeLink(true);
      update();
      applyFilter();
    };
    return api;
  })();

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
    const zone = entry.slot.querySelector(".time .zone");
    item.append(badge(kind, label), link,
      at ? ` (${at.textContent}${zone ? ` ${zone.textContent}` : ""})` : "");
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

  // The overview and the options are open where there is room; a tap away on a phone, so
  // its first screen reaches the first talk.
  if (window.matchMedia && window.matchMedia("(min-width: 48rem)").matches) {
    for (const d of document.querySelectorAll("details.glance, details#options")) d.open = true;
  }

  my.start();
  applyZone(Boolean(tzBox && tzBox.checked));
  window.setInterval(updateNowNext, 30000);
})();
