"""``index.html``: the hosted programme site, static and self-contained.

Everything a reader needs is in the HTML; ``assets/site.js`` only enhances it
(local times, filter, now/next). The page loads nothing but its own files, and
its Content-Security-Policy says so, which is why no script or style is inline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..config import Options
from ..errors import TemplateNotFound
from ..model import Day, Programme, Session
from ..output import OutputWriter
from ..schedule import PlacedSlot, date_range, placed_slots, speaker_index
from ..templating import make_environment, render_template, search_path
from .ics import day_path, slot_path

NAME = "html"
SUFFIX = ".html"
MEDIA_TYPE = "text/html"
TITLE = "Web page"
OUTPUT = "index.html"

ASSETS = ("style.css", "site.js", "icon.svg")

# Only the site's own files; data: images let the CSS use inline SVG if a template wants it.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'none'")

# Where the calendar format writes one file per slot.
CALENDAR_FORMAT = "ics"
# What most readers want to download; the other formats are listed smaller.
PRIMARY_DOWNLOADS = ("pdf", "epub", "ics")


@dataclass(frozen=True)
class SlotView:
    placed: PlacedSlot
    start_utc: str
    end_utc: str
    zone: str  # the venue zone's abbreviation at this slot, e.g. "BST"
    calendar_href: str
    calendar_file: str | None  # a download name, when the link is a data: URL


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


def utc_instant(moment: dt.datetime) -> str:
    """The UTC ISO instant the page's script converts to the reader's zone."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def zone_abbreviation(moment: dt.datetime) -> str:
    """"BST"; zones without a letter abbreviation give their offset, "UTC+03:00"."""
    name = moment.tzname() or ""
    if name and not name.startswith(("+", "-")):
        return name
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}"


def day_anchor(day: Day) -> str:
    return f"day-{day.date.isoformat()}"


def day_heading(day: Day) -> str:
    """"Wednesday 13 July 2022": from the date, so every day reads alike."""
    return f"{day.date:%A} {day.date.day} {day.date:%B %Y}"


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


def _slot_view(placed: PlacedSlot, options: Options, calendar_files: bool) -> SlotView:
    slot_id = placed.slot.id
    if calendar_files:
        href, name = slot_path(slot_id), None
    else:
        href, name = calendar_data_url(placed, options), f"{slot_id}.ics"
    return SlotView(placed, utc_instant(placed.start), utc_instant(placed.end),
                    zone_abbreviation(placed.start), href, name)


def day_views(programme: Programme, options: Options, calendar_files: bool) -> list[DayView]:
    """Days > sessions > slots, each slot with its UTC instants and calendar link."""
    views = {p.slot.id: _slot_view(p, options, calendar_files) for p in placed_slots(programme)}
    return [DayView(day, day_anchor(day), day_heading(day), day_short(day),
                    day_path(day.date.isoformat()) if calendar_files else None,
                    tuple(SessionView(s, tuple(views[slot.id] for slot in s.slots))
                          for s in day.sessions))
            for day in programme.days]


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


def _asset(name: str, options: Options) -> bytes:
    for root in search_path(options.templates):
        path = root / NAME / "assets" / name
        if path.is_file():
            return path.read_bytes()
    raise TemplateNotFound(f"asset {NAME}/assets/{name} not found (searched: "
                           f"{', '.join(str(p) for p in search_path(options.templates))})")


def render(programme: Programme, options: Options, out: OutputWriter) -> list[Path]:
    from . import RENDERERS, downloads

    offered = downloads(NAME)
    assets = {name: _asset(name, options) for name in ASSETS}
    # A content hash in each asset URL: a rebuilt site never pairs new HTML with cached CSS.
    asset_urls = {name: f"assets/{name}?v={hashlib.sha256(data).hexdigest()[:10]}"
                  for name, data in assets.items()}
    built = dt.datetime.fromtimestamp(options.source_date_epoch or 0, dt.UTC)
    env = make_environment(options.templates)
    page = render_template(
        env, f"{NAME}/index.html.jinja", programme=programme, options=options,
        days=day_views(programme, options, CALENDAR_FORMAT in RENDERERS),
        speakers=speaker_index(programme), csp=CSP, utc=utc_instant, abbreviation=zone_abbreviation,
        downloads=[r for name in PRIMARY_DOWNLOADS for r in offered if r.name == name],
        other_downloads=[r for r in offered if r.name not in PRIMARY_DOWNLOADS],
        assets=asset_urls, zone_label=zone_label(programme), dates=date_range(programme),
        description=page_description(programme), built=built,
        base_url=(options.base_url or "").rstrip("/") or None)
    written = [out.write_text(OUTPUT, page)]
    written += [out.write_bytes(f"assets/{name}", data) for name, data in assets.items()]
    return written
