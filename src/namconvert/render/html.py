"""``index.html``: the hosted programme site, static and self-contained.

Everything a reader needs is in the HTML; ``assets/site.js`` only enhances it
(local times, filter, now/next, my schedule). The page loads nothing but its own
files, and its Content-Security-Policy says so, which is why no script or style
is inline.

The page links only to files its output folder holds: the build says which formats
it writes (``Options.extra[WRITTEN]``, set by :func:`namconvert.build.write_outputs`);
any other format is linked only when its file is already there from an earlier build.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import re
import zoneinfo
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import quote, urlsplit

from ..config import Options
from ..errors import TemplateNotFound
from ..events import is_web_url, location_name
from ..model import Day, Programme, Session
from ..output import OutputWriter
from ..schedule import (
    PlacedSlot,
    date_range,
    day_heading,
    kinds_in,
    placed_slots,
    speaker_index,
    zone_abbreviation,
)
from ..templating import make_environment, render_template, search_path
from .ics import day_path, slot_path

NAME = "html"
SUFFIX = ".html"
MEDIA_TYPE = "text/html"
TITLE = "Web page"
OUTPUT = "index.html"

ASSETS = ("style.css", "site.js", "icon.svg")
# The script begins with this build's table of zone abbreviations (see zones_script).
SCRIPT = "site.js"

# Options.extra key: the formats this build writes (the build sets it; see the module doc).
WRITTEN = "namconvert.formats"

# Only the site's own files; data: images let the CSS use inline SVG if a template wants it.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'none'")

# Where the calendar format writes one file per slot.
CALENDAR_FORMAT = "ics"
# What most readers want to download; the machine formats go to "Data and feeds".
PRIMARY_DOWNLOADS = ("pdf", "epub", "ics")
# Their labels on the page, short enough for one row on a phone.
LABELS = {"pdf": "PDF booklet", "epub": "E-book (EPUB)", "ics": "Calendar"}

Present = Callable[[str, str], bool]  # (format, file) -> will the output folder hold it?


@dataclass(frozen=True)
class SlotView:
    placed: PlacedSlot
    start_utc: str
    end_utc: str
    zone: str  # the venue zone's abbreviation at this slot, e.g. "BST"
    calendar_href: str
    calendar_file: str | None  # a download name, when the link is a data: URL
    key: str  # short and stable: what "my schedule" stores and its #my= link carries
    location: str | None  # as programme.ics says it


@dataclass(frozen=True)
class GlanceCell:
    """One slot in a day's overview, spanning the rows its time covers."""

    slots: tuple[SlotView, ...]
    rowspan: int
    colspan: int


@dataclass(frozen=True)
class GlanceRow:
    start: dt.datetime
    start_utc: str
    cells: tuple[GlanceCell | None, ...]  # None: a free cell; cells spanned from above are left out


@dataclass(frozen=True)
class Glance:
    """A day at a glance: start times down, parallel sessions or rooms across."""

    columns: tuple[str, ...]  # headings, when there are several columns
    rows: tuple[GlanceRow, ...]


@dataclass(frozen=True)
class SessionView:
    session: Session
    slots: tuple[SlotView, ...]


@dataclass(frozen=True)
class DayView:
    day: Day
    anchor: str
    heading: str
    short: str  # for the day navigation: "Wed 13 July"
    calendar_href: str | None  # the day's calendar file, when the calendar format is built
    sessions: tuple[SessionView, ...]
    glance: Glance
    window_start_utc: str | None  # the day's hours, for the reader's zone
    window_end_utc: str | None
    window_zone: str | None  # "Europe/London (BST)"


def utc_instant(moment: dt.datetime) -> str:
    """The UTC ISO instant the page's script converts to the reader's zone."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def day_anchor(day: Day) -> str:
    return f"day-{day.date.isoformat()}"


def day_short(day: Day) -> str:
    return f"{day.date:%a} {day.date.day} {day.date:%B}"


def _ics_text(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """RFC 5545 lines are at most 75 octets; continuation lines start with a space."""
    lines, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > 75:
            lines.append(current)
            current = " "
        current += char
    return [*lines, current]


def calendar_data_url(placed: PlacedSlot, options: Options) -> str:
    """A one-event calendar as a data: URL, used while no ``ics`` format is registered."""
    stamp = dt.datetime.fromtimestamp(options.source_date_epoch or 0, dt.UTC)
    fmt = "%Y%m%dT%H%M%SZ"
    slot = placed.slot
    speakers = ", ".join(s.name for s in slot.speakers)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//namconvert//programme//EN",
             "BEGIN:VEVENT", f"UID:{slot.uid}", f"DTSTAMP:{stamp:{fmt}}",
             f"DTSTART:{placed.start.astimezone(dt.UTC):{fmt}}",
             f"DTEND:{placed.end.astimezone(dt.UTC):{fmt}}",
             f"SUMMARY:{_ics_text(slot.title + (f' ({speakers})' if speakers else ''))}",
             f"DESCRIPTION:{_ics_text(placed.session.title)}",
             "END:VEVENT", "END:VCALENDAR"]
    body = "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"
    return "data:text/calendar;charset=utf-8," + quote(body, safe="")


def slot_keys(uids: Sequence[str]) -> list[str]:
    """A short key per slot from its UID: six hex digits, more where two would clash.

    Keys depend on the UID alone (not on the slot's position), so a #my= link made
    before a rebuild still names the same talks after it.
    """
    digests = [hashlib.sha256(uid.encode("utf-8")).hexdigest() for uid in uids]
    length = 6
    while len({d[:length] for d in digests}) < len(set(digests)) and length < 64:
        length += 2
    return [d[:length] for d in digests]


def _slot_view(placed: PlacedSlot, programme: Programme, options: Options, key: str,
               present: Present) -> SlotView:
    slot_id = placed.slot.id
    if present(CALENDAR_FORMAT, slot_path(slot_id)):
        href, name = slot_path(slot_id), None
    else:
        href, name = calendar_data_url(placed, options), f"{slot_id}.ics"
    return SlotView(placed, utc_instant(placed.start), utc_instant(placed.end),
                    zone_abbreviation(placed.start), href, name, key,
                    location_name(placed, programme))


def _overlapping(views: Sequence[SlotView]) -> list[tuple[int, int]]:
    """Every pair of slots (indices into VIEWS) whose times overlap, by a sweep over starts:
    linear in the slots times how many run at once, not quadratic."""
    order = sorted(range(len(views)), key=lambda i: (views[i].placed.start, views[i].placed.end))
    pairs: list[tuple[int, int]] = []
    running: list[int] = []
    for i in order:
        start = views[i].placed.start
        running = [j for j in running if views[j].placed.end > start]
        pairs += [(j, i) for j in running]
        running.append(i)
    return pairs


def _columns(day: Day, views: Sequence[SlotView],
             pairs: Sequence[tuple[int, int]]) -> tuple[tuple[str, ...], list[int]]:
    """Column headings and each slot's column: one column unless slots run in parallel;
    then one per room when the parallel slots all name a room, else one per track of
    sessions that never overlap each other."""
    if not pairs:
        return (), [0] * len(views)
    parallel = {i for pair in pairs for i in pair}

    def room(v: SlotView) -> str | None:
        return v.placed.slot.room or v.placed.session.room

    if all(room(views[i]) for i in parallel):
        rooms = list(dict.fromkeys(room(v) or "" for v in views if room(v)))
        index = {name: n for n, name in enumerate(rooms)}
        return tuple(rooms), [index[room(v) or ""] if room(v) else -1 for v in views]
    spans: dict[int, tuple[dt.datetime, dt.datetime]] = {}
    for v in views:
        key = id(v.placed.session)
        start, end = spans.get(key, (v.placed.start, v.placed.end))
        spans[key] = (min(start, v.placed.start), max(end, v.placed.end))
    tracks: list[list[Session]] = []
    ends: list[dt.datetime] = []  # each track's last end: sessions are placed in start order
    for session in sorted((s for s in day.sessions if id(s) in spans),
                          key=lambda s: spans[id(s)]):
        start, end = spans[id(session)]
        for n, last in enumerate(ends):
            if last <= start:
                tracks[n].append(session)
                ends[n] = end
                break
        else:
            tracks.append([session])
            ends.append(end)
    column = {id(s): n for n, track in enumerate(tracks) for s in track}
    headings = tuple(" / ".join(s.title for s in track) for track in tracks)
    return headings, [column[id(v.placed.session)] for v in views]


def glance(day: Day, views: Sequence[SlotView]) -> Glance:
    """The day's overview grid. A slot with nothing beside it in the other columns
    (a keynote, a break) spans them all; one that runs past later starts spans their rows;
    one that overlaps another in its own column shares that one's cell."""
    pairs = _overlapping(views)
    headings, place = _columns(day, views, pairs)
    width = max(len(headings), 1)
    place = [max(c, 0) for c in place]
    beside = {i for i, j in pairs if place[i] != place[j]} | \
        {j for i, j in pairs if place[i] != place[j]}
    starts = sorted({v.placed.start for v in views})
    row_of = {start: n for n, start in enumerate(starts)}
    owner: list[list[int | None]] = [[None] * width for _ in starts]  # index into cells
    cells: list[tuple[int, int, int, int, list[SlotView]]] = []  # top, first, rows, span, slots
    for i in sorted(range(len(views)), key=lambda i: (views[i].placed.start, place[i])):
        view, column = views[i], place[i]
        top = row_of[view.placed.start]
        rows = max(bisect.bisect_left(starts, view.placed.end) - top, 1)

        def free(first: int, span: int, rows: int, top: int = top) -> bool:
            return all(owner[r][c] is None for r in range(top, top + rows)
                       for c in range(first, first + span))

        if width > 1 and i not in beside and free(0, width, rows):
            first, span = 0, width
        elif (taken := owner[top][column]) is not None:
            cells[taken][4].append(view)
            continue
        else:
            first, span = column, 1
            while not free(first, 1, rows):
                rows -= 1
        for r in range(top, top + rows):
            for c in range(first, first + span):
                owner[r][c] = len(cells)
        cells.append((top, first, rows, span, [view]))
    glance_rows = []
    for top, start in enumerate(starts):
        row: list[GlanceCell | None] = []
        for c in range(width):
            index = owner[top][c]
            if index is None:
                row.append(None)
                continue
            cell_top, first, rows, span, slots = cells[index]
            if (cell_top, first) == (top, c):
                row.append(GlanceCell(tuple(slots), rows, span))
        glance_rows.append(GlanceRow(start, utc_instant(start), tuple(row)))
    return Glance(headings if width > 1 else (), tuple(glance_rows))


def day_views(programme: Programme, options: Options,
              present: Present) -> list[DayView]:
    """Days > sessions > slots, each slot with its UTC instants and calendar link."""
    placed = list(placed_slots(programme))
    keys = slot_keys([p.slot.uid for p in placed])
    views = {p.slot.id: _slot_view(p, programme, options, key, present)
             for p, key in zip(placed, keys, strict=True)}
    tz = zoneinfo.ZoneInfo(programme.timezone)
    days = []
    for day in programme.days:
        sessions = tuple(SessionView(s, tuple(views[slot.id] for slot in s.slots))
                         for s in day.sessions)
        window_start = window_end = zone_name = None
        if day.start and day.end:
            start = dt.datetime.combine(day.date, day.start, tz)
            window_start = utc_instant(start)
            window_end = utc_instant(dt.datetime.combine(day.date, day.end, tz))
            zone_name = f"{programme.timezone} ({zone_abbreviation(start)})"
        calendar = day_path(day.date.isoformat())
        days.append(DayView(day, day_anchor(day), day_heading(day), day_short(day),
                            calendar if present(CALENDAR_FORMAT, calendar) else None, sessions,
                            glance(day, [v for s in sessions for v in s.slots]),
                            window_start, window_end, zone_name))
    return days


def zone_label(programme: Programme) -> str:
    """"Europe/London (BST, UTC+01:00)": the IANA name plus what the programme's dates use."""
    seen: dict[str, str] = {}
    for placed in placed_slots(programme):
        offset = placed.start.strftime("%z")
        seen.setdefault(zone_abbreviation(placed.start), f"UTC{offset[:3]}:{offset[3:]}")
    if len(seen) != 1:  # the clocks change during the programme: each slot names its own
        return programme.timezone
    ((abbr, offset),) = seen.items()
    return f"{programme.timezone} ({abbr if abbr == offset else f'{abbr}, {offset}'})"


def page_description(programme: Programme) -> str:
    parts = [programme.description.strip().rstrip("."), date_range(programme)]
    if programme.location:
        parts.append(programme.location)
    return ". ".join(p for p in parts if p) + "."


_LETTERS = re.compile(r"[A-Za-z]{2,6}")


def zone_names(programme: Programme, zones: Iterable[str] | None = None) -> dict[str, dict[int, str]]:
    """Each IANA zone's letter abbreviation ("JST") on the programme's dates, by UTC offset
    in minutes: what the page names the reader's zone with, since browsers call most zones
    "GMT+9". Zones whose abbreviation is only a number ("+09") are left out."""
    # Each day's first start and last end: enough to catch a change of clocks between days.
    spans: dict[int, tuple[dt.datetime, dt.datetime]] = {}
    for placed in placed_slots(programme):
        start, end = spans.get(id(placed.day), (placed.start, placed.end))
        spans[id(placed.day)] = (min(start, placed.start), max(end, placed.end))
    instants = {moment.astimezone(dt.UTC) for span in spans.values() for moment in span}
    names: dict[str, dict[int, str]] = {}
    for name in sorted(zoneinfo.available_timezones() if zones is None else zones):
        try:
            tz = zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue
        for instant in sorted(instants):
            local = instant.astimezone(tz)
            abbr, offset = local.tzname() or "", local.utcoffset()
            if offset is not None and _LETTERS.fullmatch(abbr):
                names.setdefault(name, {})[int(offset.total_seconds() // 60)] = abbr
    return names


def zones_script(programme: Programme) -> bytes:
    data = json.dumps(zone_names(programme), sort_keys=True, separators=(",", ":"))
    return (f"/* Time zone abbreviations on this programme's dates, from the tz database. */\n"
            f"window.namconvertZones = {data};\n").encode()


def presence(options: Options, out: OutputWriter) -> Present:
    """Whether the output folder will hold a file once this build is in place: its format
    is written by this build, or it is already there. Not told which formats the build
    writes, only what is already there counts."""
    building = frozenset(options.extra.get(WRITTEN) or ())

    def present(fmt: str, relative: str) -> bool:
        return fmt in building or out.final_path(relative).is_file()

    return present


def _asset(name: str, options: Options) -> bytes:
    for root in search_path(options.templates):
        path = root / NAME / "assets" / name
        if path.is_file():
            return path.read_bytes()
    raise TemplateNotFound(f"asset {NAME}/assets/{name} not found (searched: "
                           f"{', '.join(str(p) for p in search_path(options.templates))})")


# Ids the page always has, besides its days, sessions and slots.
PAGE_IDS = frozenset({"programme", "speakers", "data", "controls"})


def linkable(url: str | None, ids: frozenset[str] | set[str]) -> bool:
    """Whether URL leads somewhere from this page: a web address with a host, mail, or an
    element of the page. A link the source made relative to its own site ("/slides/a.pdf",
    "#opening") does not resolve here, so the page shows its text without the link."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    if parts.scheme in ("http", "https"):
        return bool(parts.netloc)
    if parts.scheme in ("mailto", "tel"):
        return True
    if not parts.scheme and not parts.netloc and not parts.path and not parts.query:
        return parts.fragment in ids
    return False


_ANCHOR = re.compile(r"<a\b([^>]*)>(.*?)</a\s*>", re.S | re.I)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def unlink_unresolved(markup: str, ids: frozenset[str] | set[str]) -> str:
    """Sanitised HTML with every link that would not resolve (see :func:`linkable`) made
    plain text; the others as they were."""
    if "<a" not in markup.lower():
        return markup

    def swap(match: re.Match[str]) -> str:
        href = _HREF.search(match.group(1))
        url = unescape(next((g for g in href.groups() if g is not None), "")) if href else ""
        if href is None or linkable(url, ids):
            return match.group(0)
        return f'<span class="unlinked">{match.group(2)}</span>'

    return _ANCHOR.sub(swap, markup)


def page_ids(days: Sequence[DayView]) -> frozenset[str]:
    found = set(PAGE_IDS)
    for day in days:
        found |= {day.anchor, f"{day.anchor}-heading", f"{day.anchor}-glance"}
        for session in day.sessions:
            found |= {session.session.id, f"{session.session.id}-heading"}
            found |= {v.placed.slot.id for v in session.slots}
    return frozenset(found)


def storage_key(programme: Programme) -> str:
    """Where the reader's stars are kept: one programme's apart from another's on one host."""
    return "namconvert:my:" + hashlib.sha256(programme.title.encode("utf-8")).hexdigest()[:12]


def render(programme: Programme, options: Options, out: OutputWriter) -> list[Path]:
    from . import downloads

    present = presence(options, out)
    offered = [r for r in downloads(NAME) if present(r.name, r.output)]
    assets = {name: _asset(name, options) for name in ASSETS}
    assets[SCRIPT] = zones_script(programme) + assets[SCRIPT]
    # A content hash in each asset URL: a rebuilt site never pairs new HTML with cached CSS.
    asset_urls = {name: f"assets/{name}?v={hashlib.sha256(data).hexdigest()[:10]}"
                  for name, data in assets.items()}
    built = dt.datetime.fromtimestamp(options.source_date_epoch or 0, dt.UTC)
    env = make_environment(options.templates)
    days = day_views(programme, options, present)
    speakers = speaker_index(programme)
    ids = page_ids(days) | {entry.anchor for entry in speakers}
    page = render_template(
        env, f"{NAME}/index.html.jinja", programme=programme, options=options,
        days=days, linkable=lambda url: linkable(url, ids),
        unlinked=lambda markup: unlink_unresolved(markup or "", ids),
        speakers=speakers, speaker_ids={e.name: e.anchor for e in speakers},
        kinds=kinds_in(programme), csp=CSP, labels=LABELS, utc=utc_instant,
        abbreviation=zone_abbreviation,
        downloads=[r for name in PRIMARY_DOWNLOADS for r in offered if r.name == name],
        other_downloads=[r for r in offered if r.name not in PRIMARY_DOWNLOADS],
        assets=asset_urls, zone_label=zone_label(programme), dates=date_range(programme),
        description=page_description(programme), built=built,
        base_url=(options.base_url or "").rstrip("/") if is_web_url(options.base_url) else None,
        stamp=built.strftime("%Y%m%dT%H%M%SZ"), storage_key=storage_key(programme))
    written = [out.write_text(OUTPUT, page)]
    written += [out.write_bytes(f"assets/{name}", data) for name, data in assets.items()]
    return written
