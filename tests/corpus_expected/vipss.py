"""VIPSS 2024 (Virginia Integrable Probability Summer School): a two-week school in raw HTML, one <div> per day with a <ul> of `9:00 - 10:00 &bull; <strong>...</strong>` items.

Shape: `<h3>Week 1</h3>` / `<h3>Week 2</h3>` group the days (they are not sessions). Each day
is `<h4>Monday, July 8, 2024</h4>` and a list of timed items, with no session names, so each
day is a single untitled (None) session. Lectures are in Clark 108 for the whole school (named
once in a heading, not per slot), so ROOMS is {}.

Judgement calls:
- 12-hour clock without am/pm: the days run 8:00 ... 12:00, then 2:00 - 3:00, 3:00 - 3:30,
  3:30 - 5:00, read as 14:00-15:00, 15:00-15:30, 15:30-17:00. "11:35 - 1:00" is 11:35-13:00.
- "Lecture 1.a (Blitvic): <a>Positivity everywhere</a>": speaker "Blitvic", title
  "Lecture 1.a: Positivity everywhere" (the surname is the only name given). The same goes for
  "Problem Session 1.a (Kammoun): ...", whose leader (Kammoun, Zhang, Yang, Nicoletti) is its
  speaker. The title is the label plus the course title. Kind talk (a speaker, no kind word).
- "Breakfast and coffee (in front of the lecture room)": the title is kept as shown (the
  parenthesis is a location phrase, not a speaker list and not a room name).
- The lunch `<div>` (not an `<li>`, no time) sits between the 10:30-12:00 problem session
  and the 2:00 lecture, and a human reads it as filling that gap. Following the tool's
  convention (an untimed item between two timed items fills the gap if there is one) it is a
  12:00-14:00 slot: "Organized lunch at Newcomb" (Mon/Tue both weeks; link text kept, kind
  break: the title names lunch, as "Morning Tea/Snacks" counts as a break in the conventions)
  or "Lunch — on your own" (Thursdays, break).
- The untimed `<li>Group photo</li>` (both Wednesdays) sits between the 9:00-10:00 lecture
  and the 10:00-10:30 coffee break, with no gap between them: by the convention it is dropped
  (with a warning), so it is not a slot. A human would guess it happens around the coffee
  break, but the file gives it no time of its own.
- "Participant Talks" (Wed 10, Wed 17, Fri 19 July) is one slot titled "Participant Talks".
  Its speakers are the participants (affiliations and "slides" links dropped), in the order the
  `<summary>` lists them. The talks in the `<details>` body (speaker, title, abstract) are in
  DETAILS, in the body's order (on 10 July the body gives Mian before McKeown). On 19 July the
  summary names only Sergey Berezin and Trung Vu but the body has a third talk, by Xincheng
  Zhang (Toronto). He is included as a speaker and in DETAILS, since the file shows his talk.
  These slots have no abstract of their own (each talk's abstract is in DETAILS), so they are
  not in ABSTRACTS.
- "Discussion on AI practices" (Fri 12 July): kind discussion (title starts with
  "Discussion", no speaker); its `<details>` "Description" is its abstract.
- Every "TBD Details" `<details>` is commented out (on 18 July inside a doubly nested
  `<!-- <!-- ... --> -->`, whose stray `-->` is just text), so none of them is there.
"""
FILE = "lenis2000__homepage__vipss2024-schedule.md"
OPTIONS = {"timezone": "America/New_York"}
DAYS = [
    # Week 1, Monday
    ("2024-07-08", [
        (None, [
            ("08:00", "09:00", "break", (), "Breakfast and coffee (in front of the lecture room)"),
            ("09:00", "10:00", "talk", ("Blitvic",), "Lecture 1.a: Positivity everywhere"),
            ("10:00", "10:30", "break", (), "Coffee Break"),
            ("10:30", "12:00", "talk", ("Kammoun",), "Problem Session 1.a: Positivity everywhere"),
            ("12:00", "14:00", "break", (), "Organized lunch at Newcomb"),
            ("14:00", "15:00", "talk", ("Quastel",), "Lecture 2.a: The KPZ fixed point"),
            ("15:00", "15:30", "break", (), "Coffee Break"),
            ("15:30", "17:00", "talk", ("Zhang",), "Problem Session 2.a: The KPZ fixed point"),
        ]),
    ]),
    # Tuesday
    ("2024-07-09", [
        (None, [
            ("08:00", "09:00", "break", (), "Breakfast and coffee (in front of the lecture room)"),
            ("09:00", "10:00", "talk", ("Quastel",), "Lecture 2.b: The KPZ fixed point"),
            ("10:00", "10:30", "break", (), "Coffee Break"),
            ("10:30", "12:00", "talk", ("Zhang",), "Problem Session 2.b: The KPZ fixed point"),
            ("12:00", "14:00", "break", (), "Organized lunch at Newcomb"),
            ("14:00", "15:00", "talk", ("Blitvic",), "Lecture 1.b: Positivity everywhere"),
            ("15:00", "15:30", "break", (), "Coffee Break"),
            ("15:30", "17:00", "talk", ("Kammoun",), "Problem Session 1.b: Positivity everywhere"),
        ]),
    ]),
    # Wednesday: the untimed 'Group photo' item after Lecture 1.c is dropped (no gap)
    ("2024-07-10", [
        (None, [
            ("08:00", "09:00", "break", (), "Breakfast and coffee (in front of the lecture room)"),
            ("09:00", "10:00", "talk", ("Blitvic",), "Lecture 1.c: Positivity everywhere"),
            ("10:00", "10:30", "break", (), "Coffee Break"),
            ("10:30", "11:30", "talk", ("Kailun Chen", "Samuel McKeown", "Barkat Mian"), "Participant Talks"),
            ("11:30", "11:35", "break", (), "Coffee Break"),
            ("11:35", "13:00", "talk", ("Kammoun",), "Problem Session 1.c: Positivity everywhere"),
        ]),
    ]),
    # Thursday
    ("2024-07-11", [
        (None, [
            ("08:00", "09:00", "break", (), "Breakfast and coffee (in front of the lecture room)"),
            ("09:00", "10:00", "talk", ("Quastel",), "Lecture 2.c: The KPZ fixed point"),
            ("10:00", "10:30", "break", (), "Coffee Break"),
            ("10:30", "12:00", "talk", ("Zhang",), "Problem Session 2.c: The KPZ fixed point"),
            ("12:00", "14:00", "break", (), "Lunch — on your own"),
            ("14:00", "15:00", "talk", ("Blitvic",), "Lecture 1.d: Positivity everywhere"),
            ("15:00", "15:30", "break", (), "Coffee Break"),
            ("15:30", "17:00", "talk", ("Kammoun",), "Problem Session 1.d: Positivity everywhere"),
        ]),
    ]),
    # Friday
    ("2024-07-12", [
        (None, [
            ("08:00", "09:00", "break", (), "Breakfast and coffee (in front of the lecture room)"),
            ("09:00", "10:00", "talk", ("Quastel",), "Lecture 2.d: The KPZ fixed point"),
            ("10:00", "10:30", "break", (), "Coffee Break"),
            ("10:30", "11:30", "discussion", (), "Discussion on AI practices"),
            ("11:30", "11:35", "break", (), "Coffee Break"),
            ("11:35", "13:00", "talk", ("Zhang",), "Problem Session 2.d: The KPZ fixed point"),
        ]),
    ]),
    # Week 2, Monday
    ("2024-07-15", [
        (None, [
            ("08:00", "09:00", "break", (), "Breakfast and coffee (in front of the lecture room)"),
            ("09:00", "10:00", "talk", ("Schmid",), "Lecture 3.a: Invariant Measures for Exclusion Processes"),
            ("10:00", "10:30", "break", (), "Coffee Break"),
            ("10:30", "12:00", "talk", ("Yang",), "Problem Session 3.a: Invariant Measures for Exclusion Processes"),
            ("12:00", "14:00", "break", (), "Organized lunch at Newcomb"),
            ("14:00", "15:00", "talk", ("Russkikh",), "Lecture 4.a: Dimers and Embeddings"),
            ("15:00", "15:30", "break", (), "Coffee Break"),
            ("15:30", "17:00", "talk", ("Nicoletti",), "Problem Session 4.a: Dimers and Embeddings"),
        ]),
    ]),
    # Tuesday
    ("2024-07-16", [
        (None, [
            ("08:00", "09:00", "break", (), "Breakfast and coffee (in front of the lecture room)"),
            ("09:00", "10:00", "talk", ("Russkikh",), "Lecture 4.b: Dimers and Embeddings"),
            ("10:00", "10:30", "break", (), "Coffee Break"),
            ("10:30", "12:00", "talk", ("Nicoletti",), "Problem Session 4.b: Dimers and Embeddings"),
            ("12:00", "14:00", "break", (), "Organized lunch at Newcomb"),
            ("14:00", "15:00", "talk", ("Schmid",), "Lecture 3.b: Invariant Measures for Exclusion Processes"),
            ("15:00", "15:30", "break", (), "Coffee Break"),
            ("15:30", "17:00", "talk", ("Yang",), "Problem Session 3.b: Invariant Measures for Exclusion Processes"),
        ]),
    ]),
    # Wednesday: the untimed 'Group photo' item after Lecture 3.c is dropped (no gap)
    ("2024-07-17", [
        (None, [
            ("08:00", "09:00", "break", (), "Breakfast and coffee (in front of the lecture room)"),
            ("09:00", "10:00", "talk", ("Schmid",), "Lecture 3.c: Invariant Measures for Exclusion Processes"),
            ("10:00", "10:30", "break", (), "Coffee Break"),
            ("10:30", "11:30", "talk", ("Seok Hyun Byun", "Sabrina Gernholt", "Matthew Nicoletti"), "Participant Talks"),
            ("11:30", "11:35", "break", (), "Coffee Break"),
            ("11:35", "13:00", "talk", ("Yang",), "Problem Session 3.c: Invariant Measures for Exclusion Processes"),
        ]),
    ]),
    # Thursday
    ("2024-07-18", [
        (None, [
            ("08:00", "09:00", "break", (), "Breakfast and coffee (in front of the lecture room)"),
            ("09:00", "10:00", "talk", ("Russkikh",), "Lecture 4.c: Dimers and Embeddings"),
            ("10:00", "10:30", "break", (), "Coffee Break"),
            ("10:30", "12:00", "talk", ("Nicoletti",), "Problem Session 4.c: Dimers and Embeddings"),
            ("12:00", "14:00", "break", (), "Lunch — on your own"),
            ("14:00", "15:00", "talk", ("Schmid",), "Lecture 3.d: Invariant Measures for Exclusion Processes"),
            ("15:00", "15:30", "break", (), "Coffee Break"),
            ("15:30", "17:00", "talk", ("Yang",), "Problem Session 3.d: Invariant Measures for Exclusion Processes"),
        ]),
    ]),
    # Friday: the summary names two speakers, the details three (Xincheng Zhang too)
    ("2024-07-19", [
        (None, [
            ("08:00", "09:00", "break", (), "Breakfast and coffee (in front of the lecture room)"),
            ("09:00", "10:00", "talk", ("Russkikh",), "Lecture 4.d: Dimers and Embeddings"),
            ("10:00", "10:30", "break", (), "Coffee Break"),
            ("10:30", "11:30", "talk", ("Sergey Berezin", "Trung Vu", "Xincheng Zhang"), "Participant Talks"),
            ("11:30", "11:35", "break", (), "Coffee Break"),
            ("11:35", "13:00", "talk", ("Nicoletti",), "Problem Session 4.d: Dimers and Embeddings"),
        ]),
    ]),
]

# Slot title -> the first words of its abstract.
ABSTRACTS = {
    "Discussion on AI practices": "We will discuss generative AI (chatGPT, etc.) in research, teaching, and administrative tasks.",
}
ROOMS: dict[str, str] = {}
CHAIRS: dict[str, tuple[str, ...]] = {}

# Not part of the standard format: the talks inside each "Participant Talks" slot's
# <details>, keyed "<slot title> on <ISO date>": (speaker, talk title, abstract first words).
DETAILS = {
    "Participant Talks on 2024-07-10": [
        ("Kailun Chen", "Mallows product measure",
         "q-exchangeable ergodic distributions on the infinite symmetric group were classified"),
        ("Barkat Mian", "On planar Brownian motion singularly tilted through a point potential",
         "We will discuss a special family of two-dimensional diffusions"),
        ("Samuel McKeown", "Solvability in a restricted first passage percolation",
         "Strict-weak first passage percolation (SWFPP) is a model of random plane geometry"),
    ],
    "Participant Talks on 2024-07-17": [
        ("Seok Hyun Byun", "Dimer bijections, Aztec triangles, and spanning forests",
         "In this talk, we first recall a Temperley\u2019s classical bijection"),
        ("Sabrina Gernholt", "Fluctuations of a tagged particle in TASEP under influence of a deterministic wall",
         "We consider a totally asymmetric simple exclusion process on Z"),
        ("Matthew Nicoletti", "Perfect t-embeddings of the uniform hexagon",
         'We construct and study the asymptotic properties of "perfect t-embeddings"'),
    ],
    "Participant Talks on 2024-07-19": [
        ("Sergey Berezin", "Functional CLT for Mittag-Leffler Ensemble with Hard Wall",
         "The Mittag-Leffler ensemble restricted to an origin-centered disk"),
        ("Trung Vu", "Arctic curves of the T-system with Slanted Initial Data",
         "The octahedron recurrence/equation can be viewed as a 2+1-dimensional discrete evolution equation."),
        ("Xincheng Zhang", "The totally asymmetric exclusion process and the fluctuations around its shock",
         "The totally asymmetric exclusion process(TASEP) is one of the solvable models"),
    ],
}
