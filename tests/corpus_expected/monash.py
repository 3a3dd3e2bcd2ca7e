"""Monash Microbiome Symposium 2025: one undated day of paragraph lines with a/p suffixes.

Each programme line is "9:10 - 9:40a    **Title**", optionally followed by a bullet list of
people ("- Speaker 3: Dr. Simone Li", "- Prof. Nicola Harris", "- Q&A: open 10 mins").
The date comes only from the --start-date flag.

Judgement calls:
- One slot per timed line, with the nested people as that slot's speakers (the reading the
  brief prefers). The "(5 mins each)" / "(10 mins each)" lines are NOT split into equal
  sub-slots: the file gives no talk titles, only numbered speakers, and the 10-minute
  sessions also hold a "Q&A: open 10 mins" that would make any split a guess. The timed
  lines are therefore slots, and "Session 1: short talks (5 mins each)" etc. are their titles
  (kept whole, as shown).
- With that reading no heading names a group of slots, so the day has one session, None.
- "Q&A: open 10 mins" is not a speaker. "Speaker N:" labels are not part of the names.
- Honorifics dropped: "Dr.", "Prof.", "A/Prof.", "A/ Prof." (Associate Professor). The
  post-nominal "FAA" (Fellow of the Australian Academy of Science) after Madeleine van Oppen
  is dropped as not part of her name.
- Times: the suffix on the end time applies to the whole range ("9:00 - 9:10a" is 09:00 -
  09:10; "12:30 - 1:30p" is 12:30 - 13:30; "1:30 - 2:00p" is 13:30 - 14:00). The last line
  "5:00p Networking and drinks" gives only a start: 17:00 - 18:00 (one-hour default).
- Kinds: "Welcome and opening remarks" introduction; keynotes and the "Session N" slots are
  talks (they have speakers); "Morning break and poster session" / "Afternoon break and
  poster session" are breaks (read as a human would, like "Morning Tea/Snacks", although the
  first word is a time-of-day modifier); "Panel discussion (topic tbd)" panel; "Closing
  remarks" discussion; "Networking and drinks" break.
- The Liquid includes (icon in the H1, section.html) are not programme. No abstracts.
"""
FILE = "integrativemicrobiomesciences-lab__Monash-Microbiome-symposium2025__blog-index.md"
OPTIONS = {"timezone": "Australia/Melbourne", "start_date": "2025-11-07"}
DAYS = [
    ("2025-11-07", [
        (None, [
            ("09:00", "09:10", "introduction", (), "Welcome and opening remarks"),
            ("09:10", "09:40", "talk", ("Madeleine van Oppen",), "Keynote presentation 1"),
            ("09:40", "10:00", "talk",
             ("Arash Zamyadi", "Brandon Winfrey", "Simone Li", "Francesca Short"),
             "Session 1: short talks (5 mins each)"),
            ("10:00", "11:00", "talk",
             ("Chris Greening", "Chun Wie Chong", "Mike McDonald", "Francine Marques"),
             "Session 2: long talks (10 mins each)"),
            ("11:00", "11:30", "break", (), "Morning break and poster session"),
            ("11:30", "12:30", "talk",
             ("Jeremy Barr", "Dena Lyras", "Matthew Snelson", "Perran Cook"),
             "Session 3: long talks (10 mins each)"),
            ("12:30", "13:30", "break", (), "Lunch break"),
            ("13:30", "14:00", "talk", ("Nicola Harris",), "Keynote presentation 2"),
            ("14:00", "14:30", "talk",
             ("Amin Valiei", "Rachael Lappen", "Bob Leung", "CK Yao", "Andre Mu",
              "Luis Valentin Alvarado"),
             "Session 4: short talks (5 mins each)"),
            ("14:30", "15:20", "talk",
             ("Sam Forster", "Ruth Reef", "Jane Varney", "Mika Dewi"),
             "Session 5: long talks (10 mins each)"),
            ("15:20", "16:00", "break", (), "Afternoon break and poster session"),
            ("16:00", "16:45", "panel", (), "Panel discussion (topic tbd)"),
            ("16:45", "17:00", "discussion", (), "Closing remarks"),
            ("17:00", "18:00", "break", (), "Networking and drinks"),
        ]),
    ]),
]
ABSTRACTS = {}
ROOMS = {}
CHAIRS = {}
