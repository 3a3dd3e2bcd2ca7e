"""Clock times, time ranges, and the dates written in day headings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
_CLOCK = r"(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?"
_DASH = r"\s*(?:-{1,2}|–|—|to|\\-)\s*"

CLOCK_RE = re.compile(rf"(?<![\d:]){_CLOCK}(?![\d:])", re.IGNORECASE)
RANGE_RE = re.compile(rf"(?<![\d:]){_CLOCK}{_DASH}{_CLOCK}(?![\d:])", re.IGNORECASE)
TIMEISH_RE = re.compile(r"^\s*\d{1,2}\s*[:.h]\s*\d", re.IGNORECASE)

WEEKDAY_RE = re.compile(rf"\b{_WEEKDAY}(?=\W|$)", re.IGNORECASE)
DAY_MONTH_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})(?:,?\s+(\d{{4}}))?",
                          re.IGNORECASE)
MONTH_DAY_RE = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?",
                          re.IGNORECASE)
ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
YEAR_RE = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")


class TimeFormatError(ValueError):
    """A time or date that is malformed or impossible; the message says which."""


@dataclass(frozen=True)
class Clock:
    """A time as written: hour and minute, and am/pm when given."""

    hour: int
    minute: int
    meridiem: str | None  # "am", "pm" or None
    has_minutes: bool = True
    padded: bool = False  # "09:40": a leading zero means the 24-hour clock

    def to_time(self) -> dt.time:
        hour = self.hour
        if self.meridiem:
            if not 1 <= hour <= 12:
                raise TimeFormatError(f"impossible time {self.written()}")
            hour = hour % 12 + (12 if self.meridiem == "pm" else 0)
        if hour > 23 or self.minute > 59:
            raise TimeFormatError(f"impossible time {self.written()}")
        return dt.time(hour, self.minute)

    def written(self) -> str:
        suffix = f" {self.meridiem}" if self.meridiem else ""
        return f"{self.hour}:{self.minute:02d}{suffix}"


def _clock(hour: str, minute: str | None, meridiem: str | None) -> Clock:
    tag = None
    if meridiem:
        tag = "pm" if meridiem.lower().startswith("p") else "am"
    return Clock(int(hour), int(minute) if minute else 0, tag, minute is not None,
                 hour.startswith("0") and len(hour) == 2)


def find_range(text: str) -> tuple[re.Match[str], Clock, Clock] | None:
    """The first time range in TEXT ("9:00-9:20", "09:30 – 09:50", "2pm-3pm")."""
    for match in RANGE_RE.finditer(text):
        start = _clock(*match.group(1, 2, 3))
        end = _clock(*match.group(4, 5, 6))
        # A bare number on both sides ("2-3") is not a time range; one with minutes or am/pm is.
        if (start.has_minutes or start.meridiem) and (end.has_minutes or end.meridiem):
            if start.meridiem is None and end.meridiem is not None and start.hour <= end.hour:
                start = Clock(start.hour, start.minute, end.meridiem, start.has_minutes,
                              start.padded)
            return match, start, end
    return None


def find_clock(text: str) -> tuple[re.Match[str], Clock] | None:
    for match in CLOCK_RE.finditer(text):
        clock = _clock(*match.group(1, 2, 3))
        if clock.has_minutes or clock.meridiem:
            return match, clock
    return None


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return [m[:3] for m in MONTHS].index(key) + 1


def weekday_number(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return [w[:3] for w in WEEKDAYS].index(key)


@dataclass(frozen=True)
class WrittenDate:
    """A date as a heading gives it: any of weekday, day, month, year may be missing."""

    weekday: int | None
    day: int | None
    month: int | None
    year: int | None
    span: tuple[int, int] | None  # where the day and month were written


def find_date(text: str) -> WrittenDate:
    weekday_match = WEEKDAY_RE.search(text)
    weekday = weekday_number(weekday_match.group(0)) if weekday_match else None
    if iso := ISO_DATE_RE.search(text):
        iso_year, month, day = (int(g) for g in iso.groups())
        return WrittenDate(weekday, day, month, iso_year, iso.span())
    for regex, day_group, month_group in ((DAY_MONTH_RE, 1, 2), (MONTH_DAY_RE, 2, 1)):
        if match := regex.search(text):
            year = int(match.group(3)) if match.group(3) else None
            return WrittenDate(weekday, int(match.group(day_group)),
                               month_number(match.group(month_group)), year, match.span())
    return WrittenDate(weekday, None, None, None, None)


def resolve_date(written: WrittenDate, year: int | None, not_before: dt.date | None) -> dt.date:
    """A calendar date for WRITTEN, given the programme's year or the date it cannot precede."""
    if written.day is not None and written.month is not None:
        use_year = written.year or year
        if use_year is None:
            raise TimeFormatError("no year for this date: give --year, a 'year' setting, "
                                  "or a year in the title")
        try:
            return dt.date(use_year, written.month, written.day)
        except ValueError:
            raise TimeFormatError(f"impossible date {written.day} {MONTHS[written.month - 1].title()}"
                                  f" {use_year}") from None
    if written.weekday is not None:
        if not_before is None:
            raise TimeFormatError("heading names only a weekday: give --start-date YYYY-MM-DD")
        return not_before + dt.timedelta(days=(written.weekday - not_before.weekday()) % 7)
    raise TimeFormatError("no date in day heading")


def find_prose_date(text: str) -> dt.date | None:
    """The first calendar date written in prose, its year found after it when not beside it.

    "Nov. 30 - Dec. 1, 2018" gives 30 November 2018: the first day of a meeting.
    """
    if iso := ISO_DATE_RE.search(text):
        try:
            return dt.date(*(int(g) for g in iso.groups()))
        except ValueError:
            return None
    found = [(m.start(), m, d, mo) for regex, d, mo in ((DAY_MONTH_RE, 1, 2), (MONTH_DAY_RE, 2, 1))
             if (m := regex.search(text))]
    if not found:
        return None
    _, match, day_group, month_group = min(found, key=lambda f: f[0])
    year_text = match.group(3)
    if year_text is None:
        later = YEAR_RE.search(text, match.end()) or YEAR_RE.search(text)
        if later is None:
            return None
        year_text = later.group(1)
    try:
        return dt.date(int(year_text), month_number(match.group(month_group)),
                       int(match.group(day_group)))
    except ValueError:
        return None
