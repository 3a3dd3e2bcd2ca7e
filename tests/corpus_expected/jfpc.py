"""JFPC 2021 (online): French, one HTML grid with the three days as columns, rowspans as time.

Shape: one `<table>`; the header row names the days ("Mardi 22 juin", "Mercredi 23 juin",
"Jeudi 24 juin", no year: the year comes from --start-date 2021-06-22); the first and last
columns hold hour labels; every other cell starts on the row it appears in (after the
columns still covered by rowspans from above) and spans `rowspan` rows, including the
empty `<tr></tr>` rows. The session contents are not in the file (Liquid include).

How the times were read (rows numbered from 1 after the header; label = hour cell):
  1 11:00, 2 11:10, 3-5 none, 6 12:10, 7 none, 8 13:30, 9 none, 10 14:00, 11-12 none,
  13 14:50, 14 15:00, 15 15:05, 16 15:15, 17 15:35, 18 15:45, 19 none, 20 16:15,
  21 16:40, 22 none, 23 17:05, 24 17:10, 25 17:20, 26 17:30, 27 17:45, 28 18:00,
  29 18:15, 30 none, 31 18:45, 32 19:00, 33 19:15.
  A cell on row r with rowspan n runs from row r's label to row r+n's label. Every filled
  cell both starts and ends on a labelled row, so no time had to be interpolated. Cells
  in rows that also carry columns occupied by rowspans fall into the first free column,
  e.g. row 14 (15:00) "PAUSE" is Wednesday's (Tuesday's PAUSE / Poster covers rows 13-15,
  Thursday's Session F rows 10-14), row 15 (15:05) "PAUSE / Poster" is Thursday's, row 24
  (17:10) the AG is Thursday's, row 25 (17:20) the pause is Wednesday's; each link's
  `name="<day>"` attribute agrees with the column found this way. I also walked the grid
  with a small throw-away script (not namconvert) and got the same table.
- Empty cells (the Wednesday/Thursday mornings, the 12:10 row, the evening fillers) are
  not slots. Each day is one session titled None: the grid names no group of slots, and
  "Session A (Jeunes Chercheurs)" etc. are single grid cells whose talks are not in the
  file, so they are slots (kind other: no speaker, no abstract here).
- Kinds judged from the French: "Accueil" (welcome) = introduction, though the cell has
  class="break" (it is the 10-minute welcome before the opening invited talk, not a
  coffee break or registration desk); "Café - Gather Town" = coffee = break; "PAUSE" and
  "PAUSE / Poster" = break; "Apéro - Gather Town" = break (per the conventions);
  "Débats « pré-apéro »" (debates) = discussion; "Clôture des journées" (closing of the
  days) = discussion; "Exposé invité" (invited talk) with its speaker = talk;
  "AG de l’AFPC Remise du prix jeune chercheur" (AFPC general assembly, then the young
  researcher prize award) starts with no kind word and has no speaker = other.
- Titles: `<br>` read as one space and `&nbsp;` as a plain space (the plain text a reader
  sees on one line), so "AG de l’AFPC<br><a>Remise du prix jeune chercheur</a>" is one
  slot "AG de l’AFPC Remise du prix jeune chercheur" (the cell gives one time span for
  both), and the debates are "Débats « pré-apéro »". The typographic apostrophe is kept.
  "Exposé invité<br>Thomas Schiex (INRAE, Toulouse)": the label is the only title and
  the second line is the speaker with the affiliation dropped.
- "Gather Town" (the online venue) is kept in the titles as written and not recorded as a
  room. No abstracts and no chairs are in the file.
"""
FILE = "mpelleau__jfpc2021__pages-agenda.md"
OPTIONS = {"timezone": "Europe/Paris", "start_date": "2021-06-22"}
DAYS = [
    ("2021-06-22", [
        (None, [
            ("11:00", "11:10", "introduction", (), "Accueil"),
            ("11:10", "12:10", "talk", ("Thomas Schiex",), "Exposé invité"),
            ("13:30", "14:00", "break", (), "Café - Gather Town"),
            ("14:00", "14:50", "other", (), "Session A (Jeunes Chercheurs)"),
            ("14:50", "15:15", "break", (), "PAUSE / Poster"),
            ("15:15", "15:45", "other", (), "Session B (Exposés courts)"),
            ("15:45", "16:15", "break", (), "PAUSE / Poster"),
            ("16:15", "17:05", "other", (), "Session C (Jeunes chercheurs)"),
            ("17:05", "17:30", "break", (), "PAUSE / Poster"),
            ("17:30", "18:00", "discussion", (), "Débats « pré-apéro »"),
            ("18:00", "19:00", "break", (), "Apéro - Gather Town"),
        ]),
    ]),
    ("2021-06-23", [
        (None, [
            ("13:30", "14:00", "break", (), "Café - Gather Town"),
            ("14:00", "15:00", "talk", ("Claude-Guy Quimper",), "Exposé invité"),
            ("15:00", "15:15", "break", (), "PAUSE"),
            ("15:15", "15:45", "other", (), "Session D (Exposés courts)"),
            ("15:45", "16:15", "break", (), "PAUSE / Poster"),
            ("16:15", "17:20", "other", (), "Session E"),
            ("17:20", "17:45", "break", (), "PAUSE / Poster"),
            ("17:45", "18:15", "discussion", (), "Débats « pré-apéro »"),
            ("18:15", "19:15", "break", (), "Apéro - Gather Town"),
        ]),
    ]),
    ("2021-06-24", [
        (None, [
            ("13:30", "14:00", "break", (), "Café - Gather Town"),
            ("14:00", "15:05", "other", (), "Session F (Jeunes chercheurs)"),
            ("15:05", "15:35", "break", (), "PAUSE / Poster"),
            ("15:35", "16:40", "other", (), "Session G (Jeunes chercheurs)"),
            ("16:40", "17:10", "break", (), "PAUSE / Poster"),
            ("17:10", "17:45", "other", (), "AG de l’AFPC Remise du prix jeune chercheur"),
            ("17:45", "18:45", "discussion", (), "Clôture des journées"),
        ]),
    ]),
]
ABSTRACTS = {}
