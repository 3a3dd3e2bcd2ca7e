"""Programmes for the feed and EPUB tests: the seed with the parts it lacks added.

The seed has no location, organisers, affiliations, breaks or awkward text;
these variants add them on the model, so each test reads what it changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from namconvert.model import Person, Programme, Slot, Speaker

LOCATION = "Lecture Theatre 1 & 2 <Main>"
AWKWARD_TITLE = "Ties\x0b & <tags> {{ 7*7 }} – Zoë"
BREAK_START = dt.time(18, 0)


def rich(seed: Programme) -> Programme:
    """The seed with a location, organisers and chairs, an affiliation, awkward text, a break."""
    day = seed.days[0]
    session = day.sessions[0]
    slots = list(session.slots)
    talk = slots[1]
    slots[1] = replace(talk, title=AWKWARD_TITLE, title_html="Ties &amp; &lt;tags&gt; {{ 7*7 }}",
                       speakers=(Speaker("Emily Hunt", "Universität Heidelberg"),))
    last = slots[-1]
    slots.append(Slot(id=f"{day.date.isoformat()}-1800-break", uid="0f6a3c2e-5a6b-5c1d-9e8f-"
                      "0123456789ab", start=BREAK_START, end=dt.time(18, 15), kind="break",
                      title="Coffee", title_html="Coffee", speakers=(), abstract=None,
                      abstract_html=None, links=(), line=last.line + 1))
    session = replace(session, slots=tuple(slots),
                      organisers=(Person("Ada Organiser", "ada@example.org"),
                                  Person("Bo Organiser")),
                      chairs=(Person("Cy Chair"),))
    day = replace(day, sessions=(session, *day.sessions[1:]), end=dt.time(18, 15))
    return replace(seed, location=LOCATION, days=(day, *seed.days[1:]))


def without_urls(seed: Programme) -> Programme:
    """The seed with no session or slot links: URLs must come from base_url or not at all."""
    days = tuple(replace(d, sessions=tuple(replace(s, url=None) for s in d.sessions))
                 for d in seed.days)
    return replace(seed, days=days)


def slots(programme: Programme) -> list[Slot]:
    return [slot for d in programme.days for s in d.sessions for slot in s.slots]
