"""Clock times, time ranges, and the dates written in day headings."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")

# "9:00am", "9 a.m.", "9:40a" (a lone "a" or "p" only right after the digits).
# "14h", "14h30", "09:00h" (the French hour: an "h" alone stands for ":00"), "10 Uhr",
# "9:30 Uhr" (the German); "12 noon".
_CLOCK = (r"(\d{1,2})(?:(?:[:.h]|(?=\s*uhr\b))(\d{2}|(?<=h)(?![^\W\d_])|(?=\s*uhr\b)))?"
          r"(?:h|\s*uhr\b)?"
          r"(\s*(?:a\.?m\.?|p\.?m\.?|noon)(?![^\W\d_])|[ap](?![^\W\d_]))?")
_DASH = r"\s*(?:-{1,2}|–|—|to|\\-)\s*"

CLOCK_RE = re.compile(rf"(?<![\d:]){_CLOCK}(?![\d:])", re.IGNORECASE)
RANGE_RE = re.compile(rf"(?<![\d:]){_CLOCK}{_DASH}{_CLOCK}(?![\d:])", re.IGNORECASE)
TIMEISH_RE = re.compile(r"^\s*\d{1,2}\s*[:.h]\s*\d", re.IGNORECASE)

ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
YEAR_RE = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
# "14.10.2019", "14.06.", "14/06/2023": day first, as written outside the US.
NUMERIC_DATE_RE = re.compile(r"(?<![\d.:/])(\d{1,2})([./])(\d{1,2})\2(\d{4})?(?![\d:])")

# Month and weekday names in the world's languages, from CLDR (Babel): the wide names of
# every listed language, abbreviations only in English and the programme's own language
# (a three-letter abbreviation in one language is a word in another).
NAME_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs",
                  "sk", "sl", "hr", "hu", "ro", "tr", "ca", "et", "lv", "lt", "id")


@lru_cache(maxsize=1 << 16)
def _fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name.lower().rstrip(".")).encode(
        "ascii", "ignore").decode("ascii") or name.lower().rstrip(".")


@dataclass(frozen=True)
class CalendarNames:
    months: dict[str, int]  # folded name -> 1..12
    weekdays: dict[str, int]  # folded name -> 0 (Monday)..6
    month_re: str
    weekday_re: str


def _alternation(names: list[str]) -> str:
    return "(?:" + "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True)) + ")"


@lru_cache(maxsize=8)
def calendar_names(language: str = "en") -> CalendarNames:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    written: list[str] = []
    written_days: list[str] = []
    languages = ("en", language, *NAME_LANGUAGES)
    for code in dict.fromkeys(languages):
        try:
            locale = Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            continue
        widths = ("wide", "abbreviated") if code in ("en", language) else ("wide",)
        for context in ("format", "stand-alone"):
            for width in widths:
                for number, name in locale.months[context][width].items():
                    for form in {name.lower().rstrip("."), _fold(name)}:
                        if len(form) >= 3 and form not in months:
                            months[form] = int(number)
                            written.append(form)
                for number, name in locale.days[context][width].items():
                    for form in {name.lower().rstrip("."), _fold(name)}:
                        if len(form) >= 2 + (code != "en") and form not in weekdays:
                            weekdays[form] = int(number)
                            written_days.append(form)
    # English's other usual abbreviations ("Sept", "Tues", "Thurs").
    for extra, number in (("sept", 9),):
        months.setdefault(extra, number)
        written.append(extra)
    for extra, day in (("tues", 1), ("thur", 3), ("thurs", 3), ("weds", 2)):
        weekdays.setdefault(extra, day)
        written_days.append(extra)
    return CalendarNames(months, weekdays, _alternation(written) + r"\.?",
                         _alternation(written_days) + r"\.?")


@lru_cache(maxsize=8)
def _date_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    names = calendar_names(language)
    month, weekday = names.month_re, names.weekday_re
    # "23 July", "12. November", "3rd of June", "14 juin 2023"; "June 3rd, 2023", "Aug 11th".
    day_month = re.compile(rf"(?<![\w.])(\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s*(?:of\s+|de\s+)?"
                           rf"({month})(?!\w)(?:,?\s+(\d{{4}}))?", re.IGNORECASE)
    month_day = re.compile(rf"(?<!\w)({month})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?![\w:])(?:,?\s+"
                           rf"(\d{{4}}))?", re.IGNORECASE)
    weekday_re = re.compile(rf"(?<!\w){weekday}(?![\w-])", re.IGNORECASE)
    return day_month, month_day, weekday_re


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


_EARLIEST_MARKED_HOUR = 6  # "2h" is a duration, "9h" and "10 Uhr" are times


def _clock(hour: str, minute: str | None, meridiem: str | None) -> Clock:
    tag = None
    if meridiem and meridiem.strip():
        tag = "pm" if meridiem.strip().lower().startswith(("p", "n")) else "am"
    # An hour with its mark ("14h", "10 Uhr") is as sure a time as one with minutes.
    has_minutes = minute is not None and (minute != "" or int(hour) >= _EARLIEST_MARKED_HOUR)
    return Clock(int(hour), int(minute) if minute else 0, tag, has_minutes,
                 hour.startswith("0") and len(hour) == 2)


def clock_range(start: Clock, end: Clock) -> tuple[Clock, Clock] | None:
    """START-END as a time range, or None when neither side reads as a clock ("2-3" is
    not one; "9:00-9:30", "2pm-3pm" and "9-10am" are). A start without am/pm takes the
    end's ("11-12pm" is not, as noon is not after 11 pm)."""
    if not ((start.has_minutes or start.meridiem or end.meridiem) and
            (end.has_minutes or end.meridiem)):
        return None
    if start.meridiem is None and end.meridiem is not None and start.hour <= end.hour \
            and end.hour != 12:
        start = Clock(start.hour, start.minute, end.meridiem, start.has_minutes, start.padded)
    return start, end


def find_range(text: str) -> tuple[re.Match[str], Clock, Clock] | None:
    """The first time range in TEXT ("9:00-9:20", "09:30 – 09:50", "2pm-3pm")."""
    for match in RANGE_RE.finditer(text):
        if found := clock_range(_clock(*match.group(1, 2, 3)), _clock(*match.group(4, 5, 6))):
            return match, *found
    return None


def find_clock(text: str) -> tuple[re.Match[str], Clock] | None:
    for match in CLOCK_RE.finditer(text):
        clock = _clock(*match.group(1, 2, 3))
        if clock.has_minutes or clock.meridiem:
            return match, clock
    return None


def month_number(name: str, language: str = "en") -> int:
    names = calendar_names(language).months
    key = name.lower().rstrip(".")
    return names.get(key) or names[_fold(name)]


def weekday_number(name: str, language: str = "en") -> int:
    names = calendar_names(language).weekdays
    key = name.lower().rstrip(".")
    return names[key] if key in names else names[_fold(name)]


@dataclass(frozen=True)
class WrittenDate:
    """A date as a heading gives it: any of weekday, day, month, year may be missing."""

    weekday: int | None
    day: int | None
    month: int | None
    year: int | None
    span: tuple[int, int] | None  # where the day and month were written


_WORD = re.compile(r"[^\W\d_]+")


def find_date(text: str, language: str = "en") -> WrittenDate:
    names = calendar_names(language)
    # Most lines name no month or weekday: a look-up of their words is cheaper than the
    # patterns of every language's names.
    words = [w.lower() for w in _WORD.findall(text)]
    has_month = any(w in names.months or _fold(w) in names.months for w in words)
    has_weekday = any(w in names.weekdays or _fold(w) in names.weekdays for w in words)
    if not has_weekday and not has_month and not any(c.isdigit() for c in text):
        return WrittenDate(None, None, None, None, None)
    day_month, month_day, weekday_re = _date_patterns(language)
    weekday_match = weekday_re.search(text) if has_weekday else None
    weekday = weekday_number(weekday_match.group(0), language) if weekday_match else None
    if iso := ISO_DATE_RE.search(text):
        iso_year, month, day = (int(g) for g in iso.groups())
        return WrittenDate(weekday, day, month, iso_year, iso.span())
    found = [(m.start(), m, d, mo) for regex, d, mo in ((day_month, 1, 2), (month_day, 2, 1))
             if has_month and (m := regex.search(text)) and int(m.group(d)) >= 1]
    if found:
        _, match, day_group, month_group = min(found, key=lambda f: f[0])
        year = int(match.group(3)) if match.group(3) else None
        return WrittenDate(weekday, int(match.group(day_group)),
                           month_number(match.group(month_group), language), year, match.span())
    if (numeric := NUMERIC_DATE_RE.search(text)) and 1 <= int(numeric.group(3)) <= 12 and (
            numeric.group(4) or numeric.group(2) == "."):
        year = int(numeric.group(4)) if numeric.group(4) else None
        return WrittenDate(weekday, int(numeric.group(1)), int(numeric.group(3)), year,
                           numeric.span())
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


def find_prose_date(text: str, language: str = "en") -> dt.date | None:
    """The first calendar date written in prose, its year found after it when not beside it.

    "Nov. 30 - Dec. 1, 2018" gives 30 November 2018: the first day of a meeting.
    """
    written = find_date(text, language)
    if written.day is None or written.month is None or written.span is None:
        return None
    year = written.year
    if year is None:
        later = YEAR_RE.search(text, written.span[1]) or YEAR_RE.search(text)
        if later is None:
            return None
        year = int(later.group(1))
    try:
        return dt.date(year, written.month, written.day)
    except ValueError:
        return None
