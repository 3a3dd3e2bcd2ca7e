"""UC Davis single-cell RNA-seq workshop December 2023: three `### Weekday, Month D` days of header-less two-column rows `|**8:50 am**  | Title |`.

Notes on readings that needed judgement:
- The rows have only a delimiter row and no header row, so they are not a GFM table, but
  a reader still reads each line as a timetable row; the 9:30 am row lacks its closing
  pipe and is read like the others.
- Days name no year; the flags give 2023-12-11 for Monday, December 11 (a Monday in 2023).
  "Pacific" in the prose matches the America/Los_Angeles flag.
- No session is named: each day is one untitled session (None).
- Rows give start times only; each ends where the next row starts. Each day's last row,
  "Zoom session ends" at 5:00 pm, gets the one-hour default (17:00-18:00) as the brief
  directs, and is kept as an entry.
- Day 1's "**12:00 am** | Lunch" is a typo for noon (between 10:30 am and 1:00 pm): 12:00.
- "Single Cell library prep talk by Dr. Hong Qiu from the DNATech Core": the byline
  "by Dr. Hong Qiu from the DNATech Core" is removed from the title ("Single Cell library
  prep talk"); the speaker is Hong Qiu (honorific dropped, the core facility is an
  affiliation); a talk.
- "Parse BioSciences Sponsor Talk" and "10X Genomics Sponsor Talk" name companies, not
  people, so they have no speaker; with no speaker or abstract the rule makes them other.
- "Introductions" (plural) is an introduction. "Introduction to the command line" and
  "Introduction to R" are teaching blocks on a subject, not a session's introduction; with
  no speaker or abstract they are other.
- "Zoom session starts"/"Zoom session ends", "Project set-up", "Installing R packages",
  "Creating an expression matrix" and the "Data Analysis Parts" blocks are other.
- The prose line about times and breaks is not programme.
"""
FILE = "ucdavis-bioinformatics-training__2023-December-Single-Cell-RNA-Seq-Analysis__base-schedule.md"
OPTIONS = {"timezone": "America/Los_Angeles", "start_date": "2023-12-11"}
DAYS = [
    ("2023-12-11", [
        (None, [
            ("08:50", "09:00", "other", (), "Zoom session starts"),
            ("09:00", "09:30", "introduction", (), "Introductions"),
            ("09:30", "10:30", "talk", ("Hong Qiu",), "Single Cell library prep talk"),
            ("10:30", "12:00", "other", (), "Introduction to the command line"),
            ("12:00", "13:00", "break", (), "Lunch"),
            ("13:00", "14:00", "other", (), "Project set-up"),
            ("14:00", "17:00", "other", (), "Creating an expression matrix"),
            ("17:00", "18:00", "other", (), "Zoom session ends"),
        ]),
    ]),
    ("2023-12-12", [
        (None, [
            ("08:50", "09:00", "other", (), "Zoom session starts"),
            ("09:00", "11:00", "other", (), "Introduction to R"),
            ("11:00", "11:30", "other", (), "Installing R packages"),
            ("11:30", "12:00", "other", (), "Parse BioSciences Sponsor Talk"),
            ("12:00", "13:00", "break", (), "Lunch"),
            ("13:00", "17:00", "other", (), "Data Analysis Parts 1 - 3"),
            ("17:00", "18:00", "other", (), "Zoom session ends"),
        ]),
    ]),
    ("2023-12-13", [
        (None, [
            ("08:50", "09:00", "other", (), "Zoom session starts"),
            ("09:00", "11:30", "other", (), "Data Analysis Parts 4 - 5"),
            ("11:30", "12:00", "other", (), "10X Genomics Sponsor Talk"),
            ("12:00", "13:00", "break", (), "Lunch"),
            ("13:00", "17:00", "other", (), "Data Analysis Parts 6 - 8"),
            ("17:00", "18:00", "other", (), "Zoom session ends"),
        ]),
    ]),
]
ABSTRACTS = {}
ROOMS = {}
CHAIRS = {}
