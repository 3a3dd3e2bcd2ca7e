"""OGGM training workshop Lahore 2023: five `## Day N - theme` days, `<br>`-separated `**HH:MM - HH:MM**: text` lines.

Notes on readings that needed judgement:
- Each day's date is its own italic line under the heading (`*Saturday 11 March 2023*`).
- `## Day N - theme` is the day's heading (its label), not a session name; no session is
  named, so each day is one untitled session (None). Blank lines between groups of lines
  (around lunch) do not start new sessions.
- The `{admonition}` fence ("This schedule is only indicative!") is not programme.
- `**12:00 - open ended**` (day 3's last entry) ends one hour after it starts (13:00);
  `**19:30: workshop dinner!**` (day 2's last entry, start only) ends at 20:30. The
  dinner's title is the bold text after the time, "workshop dinner!" as shown.
- "Scientific presentation N (Speaker): *Title*": the title is the talk's own (italic) title.
  "Glacier mass balance (Anouk, Fabien): climatic mass balance - ...", "Glacier dynamics
  (Patrick, Fabien): ..." and "Mass balance (Anouk, Fabien): ..." are read like
  "Lecture 1.a (Blitvic): Positivity everywhere": the label is itself a topic, so it is
  kept and only the speaker list is dropped ("Glacier mass balance: climatic mass
  balance - processes and modeling").
- "Potential and pitfalls ... Pakistan. Presentation (Jakob Steiner, Fabien Maussion) and
  open discussion with participants.": the parenthesised speaker list is removed from the
  middle of the title, leaving "... Pakistan. Presentation and open discussion with
  participants."; it is a talk (has speakers, starts with no kind word).
- "Welcome by the organizers" names no person, so it has no speaker (introduction).
  "(temperature index model)", "(calibration, projections, uncertainties)" and
  "(OGGM-Edu)" are parts of titles, not speakers. First names alone ("Anouk", "Patrick",
  "Jakob") are kept as written.
- Kinds: "Morning Tea/Snacks" and "Afternoon Tea/Cookies" are breaks (as the brief says);
  "workshop dinner!" is a dinner (break) by meaning though its first word is "workshop";
  "Introduction of the participants" is an introduction; "Brief introduction about glacier
  system modeling with OGGM" starts with "Brief" and is a teaching slot with no speaker,
  so other; "Closing session of the workshop" is a discussion (closing); "Open source
  scientific development: ..." is other ("Open" is not "opening"); practicals, the tour,
  the excursion and "Hydrology in OGGM: ..." (no speaker) are other; "Science input of the
  day (Name)" is a talk.
"""
FILE = "anoukvlug__training-lahore__docs-schedule.md"
OPTIONS = {"timezone": "Asia/Karachi"}
DAYS = [
    ("2023-03-11", [
        (None, [
            ("09:00", "09:30", "introduction", (), "Welcome by the organizers"),
            ("09:30", "11:00", "talk", ("Fabien Maussion",),
             "Presentation of the workshop, introduction to OGGM"),
            ("11:00", "11:30", "break", (), "Morning Tea/Snacks"),
            ("11:30", "12:15", "talk", ("Adnan Siddique",),
             "Machine Learning based efforts towards large scale monitoring of glacial lakes "
             "& potential GLOFs in HKH"),
            ("12:15", "13:00", "talk", ("Jawairia Ashfaq Ahmad",),
             "Regional hydrology with a focus on the Upper Indus Basin"),
            ("13:00", "14:00", "break", (), "Lunch break"),
            ("14:00", "14:45", "talk", ("Fabien Maussion",),
             "Climate policy and global glacier change - putting an ice cost to our "
             "greenhouse gas emissions"),
            ("14:45", "15:30", "talk", ("Fahad Saeed",),
             "Application of University of British Columbia's Watershed Model over Upper "
             "Indus Basin"),
            ("15:30", "16:00", "break", (), "Afternoon Tea/Cookies"),
            ("16:00", "17:30", "talk", ("Jakob Steiner", "Fabien Maussion"),
             "Potential and pitfalls of open source models for research in Pakistan. "
             "Presentation and open discussion with participants."),
        ]),
    ]),
    ("2023-03-12", [
        (None, [
            ("09:00", "09:45", "introduction", (), "Introduction of the participants"),
            ("09:45", "10:45", "other", (),
             "Brief introduction about glacier system modeling with OGGM"),
            ("10:45", "11:15", "break", (), "Morning Tea/Snacks"),
            ("11:15", "13:00", "other", (),
             "Practicals: intro to Jupyter and Python, and a first OGGM simulation"),
            ("13:00", "14:00", "break", (), "Lunch break"),
            ("14:00", "14:30", "talk", ("Anouk",), "Science input of the day"),
            ("14:30", "15:30", "talk", ("Anouk", "Fabien"),
             "Glacier mass balance: climatic mass balance - processes and modeling"),
            ("15:30", "16:00", "break", (), "Afternoon Tea/Cookies"),
            ("16:00", "17:30", "other", (), "Practicals (temperature index model)"),
            ("19:30", "20:30", "break", (), "workshop dinner!"),
        ]),
    ]),
    ("2023-03-13", [
        (None, [
            ("09:00", "10:45", "talk", ("Patrick", "Fabien"),
             "Glacier dynamics: Ice flow dynamics + numerics of ice dynamics"),
            ("10:45", "11:15", "break", (), "Morning Tea/Snacks"),
            ("11:15", "12:00", "other", (),
             "Practicals: ice flow parameters in idealized cases (OGGM-Edu), ice flow "
             "models in OGGM"),
            ("12:00", "13:00", "other", (), "excursion to WAPDA offices"),
        ]),
    ]),
    ("2023-03-14", [
        (None, [
            ("09:00", "10:45", "talk", ("Anouk", "Fabien"),
             "Mass balance: climatic mass balance and climate datasets - calibration, bias "
             "correction, projections"),
            ("10:45", "11:15", "break", (), "Morning Tea/Snacks"),
            ("11:15", "13:00", "other", (), "Practicals (calibration, projections, uncertainties)"),
            ("13:00", "14:00", "break", (), "Lunch break"),
            ("14:00", "14:30", "talk", ("Patrick",), "Science input of the day"),
            ("14:30", "15:30", "other", (), "Hydrology in OGGM: partitioning, peak water."),
            ("15:30", "16:00", "break", (), "Afternoon Tea/Cookies"),
            ("16:00", "17:30", "other", (), "Practicals. Hydrological projections with OGGM."),
        ]),
    ]),
    ("2023-03-15", [
        (None, [
            ("09:00", "10:15", "other", (), "Water resources - continued"),
            ("10:15", "10:45", "other", (), "Tour of the research facilities at LUMS"),
            ("10:45", "11:15", "break", (), "Morning Tea/Snacks"),
            ("11:15", "13:00", "other", (), "Extending OGGM with your own module or forcing data"),
            ("13:00", "14:00", "break", (), "Lunch break"),
            ("14:00", "14:30", "talk", ("Jakob",), "Science input of the day"),
            ("14:30", "15:30", "other", (),
             "Open source scientific development: working as a community / group of "
             "scientists with git / github, zenodo"),
            ("15:30", "16:00", "break", (), "Afternoon Tea/Cookies"),
            ("16:00", "17:30", "discussion", (), "Closing session of the workshop"),
        ]),
    ]),
]
ABSTRACTS = {}
ROOMS = {}
CHAIRS = {}
