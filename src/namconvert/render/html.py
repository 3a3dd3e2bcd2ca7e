"""``index.html``: the hosted programme site, static and self-contained.

Everything a reader needs is in the HTML; ``assets/site.js`` only enhances it
(local times, filter, now/next, my schedule). The page loads nothing but its own
files, and its Content-Security-Policy says so, which is why no script or style
is inline.

The page links only to files its output folder holds: the build says which formats
it writes (``View.formats``); any other format is linked only when its file is already
there from an earlier build.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import quote

from ..links import allowed_url, is_web_url
from ..model import Day, Programme, Session
from ..output import OutputWriter
from ..templating import make_environment, render_template, template_asset
from ..views import DayShape, View, labels
from ..views.schedule import Event
from ..views.slots import PlacedSlot
from .ics import day_path, slot_path

NAME = "html"
SUFFIX = ".html"
MEDIA_TYPE = "text/html"
TITLE = "Web page"
OUTPUT = "index.html"

ASSETS = ("style.css", "site.js", "icon.svg")
# The script begins with this build's table of zone abbreviations (see zones_script).
SCRIPT = "site.js"

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


def calendar_data_url(event: Event, view: View) -> str:
    """The slot's own calendar as a data: URL, for a build that writes no calendar files."""
    from ..calendar import calendar, to_bytes

    body = to_bytes(calendar(view.programme, [event], event.title, view.build_time))
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


def _slot_view(event: Event, view: View, key: str, present: Present) -> SlotView:
    placed = event.placed
    slot_id = placed.slot.id
    if present(CALENDAR_FORMAT, slot_path(slot_id)):
        href, name = slot_path(slot_id), None
    else:
        href, name = calendar_data_url(event, view), f"{slot_id}.ics"
    return SlotView(placed, labels.utc_instant(placed.start), labels.utc_instant(placed.end),
                    labels.zone_abbreviation(placed.start), href, name, key, event.location)


Best = list[tuple[dt.datetime, Hashable]]  # the two best times so far, of two groups


def _better(best: Best, time: dt.datetime, group: Hashable, later: bool) -> Best:
    """BEST with (TIME, GROUP) taken in: the latest (LATER) or earliest time of each group,
    the two best of them."""
    kept = [(t, g) for t, g in best if g != group]
    own = [t for t, g in best if g == group] + [time]
    kept.append((max(own) if later else min(own), group))
    return sorted(kept, key=lambda entry: entry[0], reverse=later)[:2]


def _overlapping(views: Sequence[SlotView], groups: Sequence[Hashable]) -> set[int]:
    """The slots (indices into VIEWS) whose times overlap a slot of another group (GROUPS[i]
    is slot i's). Two sweeps over the slots in start order, each keeping the two latest ends
    before (the two earliest starts after) of two different groups: linear after the sort,
    however many slots run at once."""
    spans = [(v.placed.start, v.placed.end) for v in views]
    order = sorted(range(len(views)), key=lambda i: spans[i])
    found: set[int] = set()
    ends: Best = []
    for i in order:  # an earlier slot of another group ends after this one starts
        if any(g != groups[i] and end > spans[i][0] for end, g in ends):
            found.add(i)
        ends = _better(ends, spans[i][1], groups[i], later=True)
    starts: Best = []
    for i in reversed(order):  # a later slot of another group starts before this one ends
        if any(g != groups[i] and start < spans[i][1] for start, g in starts):
            found.add(i)
        starts = _better(starts, spans[i][0], groups[i], later=False)
    return found


def _columns(day: Day, views: Sequence[SlotView]) -> tuple[tuple[str, ...], list[int]]:
    """Column headings and each slot's column: one column unless slots run in parallel;
    then one per room when the parallel slots all name a room, else one per track of
    sessions that never overlap each other."""
    parallel = _overlapping(views, range(len(views)))
    if not parallel:
        return (), [0] * len(views)

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
    headings, place = _columns(day, views)
    width = max(len(headings), 1)
    place = [max(c, 0) for c in place]
    beside = _overlapping(views, place) if width > 1 else set()
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
        glance_rows.append(GlanceRow(start, labels.utc_instant(start), tuple(row)))
    return Glance(headings if width > 1 else (), tuple(glance_rows))


def day_views(view: View, present: Present) -> list[DayView]:
    """Days > sessions > slots, each slot with its UTC instants and calendar link."""
    keys = slot_keys([p.slot.uid for p in view.slots])
    views = {e.placed.slot.id: _slot_view(e, view, key, present)
             for e, key in zip(view.schedule.events, keys, strict=True)}
    return [_day_view(shaped, views, present) for shaped in view.days]


def _day_view(shaped: DayShape, views: dict[str, SlotView], present: Present) -> DayView:
    day = shaped.day
    sessions = tuple(SessionView(s, tuple(views[slot.id] for slot in s.slots))
                     for s in day.sessions)
    window = shaped.window
    calendar = day_path(day.date.isoformat())
    return DayView(day, shaped.id, shaped.heading, shaped.short,
                   calendar if present(CALENDAR_FORMAT, calendar) else None, sessions,
                   glance(day, [v for s in sessions for v in s.slots]),
                   labels.utc_instant(window[0]) if window else None,
                   labels.utc_instant(window[1]) if window else None,
                   shaped.window_zone)


def page_description(view: View) -> str:
    programme = view.programme
    parts = [programme.description.strip().rstrip("."), view.date_range]
    if programme.location:
        parts.append(programme.location)
    return ". ".join(p for p in parts if p) + "."


def zones_script(programme: Programme) -> bytes:
    data = json.dumps(labels.zone_names(programme), sort_keys=True, separators=(",", ":"))
    return (f"/* Time zone abbreviations on this programme's dates, from the tz database. */\n"
            f"window.namconvertZones = {data};\n").encode()


def presence(view: View, out: OutputWriter) -> Present:
    """Whether the output folder will hold a file once this build is in place: its format
    is written by this build, or it is already there."""

    def present(fmt: str, relative: str) -> bool:
        return fmt in view.formats or out.final_path(relative).is_file()

    return present


# Ids the page always has, besides its days, sessions and slots.
PAGE_IDS = frozenset({"programme", "speakers", "data", "controls"})


def linkable(url: str | None, ids: frozenset[str] | set[str]) -> bool:
    """Whether URL leads somewhere from this page: a link :func:`allowed_url` allows (an
    absolute web address, plain mail), or ``#`` and an element of the page. A link the source
    made relative to its own site ("/slides/a.pdf", "#opening") does not resolve here, so the
    page shows its text without the link."""
    if not url:
        return False
    url = url.strip()
    return allowed_url(url) or (url.startswith("#") and url[1:] in ids)


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


def render(view: View, out: OutputWriter) -> list[Path]:
    from . import downloads

    programme, options = view.programme, view.options
    present = presence(view, out)
    offered = [r for r in downloads(NAME) if present(r.name, r.output)]
    assets = {name: template_asset(options.templates, f"{NAME}/assets/{name}")
              for name in ASSETS}
    assets[SCRIPT] = zones_script(programme) + assets[SCRIPT]
    # A content hash in each asset URL: a rebuilt site never pairs new HTML with cached CSS.
    asset_urls = {name: f"assets/{name}?v={hashlib.sha256(data).hexdigest()[:10]}"
                  for name, data in assets.items()}
    built = view.build_time
    env = make_environment(options.templates)
    days = day_views(view, present)
    ids = page_ids(days) | {entry.anchor for entry in view.index}
    page = render_template(
        env, f"{NAME}/index.html.jinja", programme=programme, options=options,
        days=days, linkable=lambda url: linkable(url, ids),
        unlinked=lambda markup: unlink_unresolved(markup or "", ids),
        speakers=list(view.index), speaker_ids={e.name: e.anchor for e in view.index},
        kinds=list(view.kinds), csp=CSP, labels=LABELS, utc=labels.utc_instant,
        abbreviation=labels.zone_abbreviation,
        downloads=[r for name in PRIMARY_DOWNLOADS for r in offered if r.name == name],
        other_downloads=[r for r in offered if r.name not in PRIMARY_DOWNLOADS],
        assets=asset_urls, zone_label=view.zone_label, dates=view.date_range,
        description=page_description(view), built=built,
        base_url=(options.base_url or "").rstrip("/") if is_web_url(options.base_url) else None,
        stamp=built.strftime("%Y%m%dT%H%M%SZ"), storage_key=storage_key(programme))
    written = [out.write_text(OUTPUT, page)]
    written += [out.write_bytes(f"assets/{name}", data) for name, data in assets.items()]
    return written
