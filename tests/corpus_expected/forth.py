"""Forth-Tagung 2021 (online): German start-only day lists with nested "Sitzung" talks.

Three days under `#### Freitag, 12. November` etc.; the year comes only from the
"## Online, 11.-14. November 2021" line (and the --start-date flag). Each top-level bullet
gives only a start time; "- 14:30 Sitzung 1 **on air**" has nested talks
"- Name: Title (45min)", each followed by its abstract on hard-broken continuation lines.

Judgement calls:
- A top-level entry with nested talks is a session (title "Sitzung 1" ...); its slots are the
  nested talks, timed by their "(NNmin)" durations from the session's stated start. The sums
  agree with the next top-level start every time (14:30 + 45 + 20 = 15:35 BioBreak, etc.).
- The "**on air**" marker (explained at the top: streamed and recorded) is a flag, not part of
  the session's name, so the session titles are "Sitzung 1", "Sitzung2" (written without a
  space in the file; kept as written), "Sitzung 3", "Sitzung 4".
- Top-level entries outside a Sitzung form unnamed (None) sessions, one per run between
  named sessions, so the day order is kept.
- Start-only entries end at the next entry's start; a day's last entry ends one hour after
  it starts (17:40 -> 18:40, 21:00 -> 22:00, 12:30 -> 13:30).
- Kinds judged from the German meaning: "Zusammenkunft" (get-together / the sign-in window
  the software section refers to) = social/registration = break; "Begrüßung und
  Ablauferklärung" (welcome and explanation of the schedule) = introduction; "BioBreak" =
  break; "Offizielles Ende, Offener Chat" (official close, open chat) = closing = discussion;
  "Kochen/Essen Bestellen" (cooking / ordering food) = meal = break; "Gemeinsames Abendessen"
  (joint dinner) = break; "Ordnungsruf - fertig werden (...)" (call to order, get ready),
  "Drachenrat" (the society's board) and "Mitgliederversammlung" (members' meeting) = other.
- "Vorstellung Forth-Gesellschaft" (Ulrich Hoffmann, 10 min, with an abstract) is read as a
  talk: "Vorstellung" here means a presentation of the society, inside a talk session; a
  strictly literal "introduction" reading is possible but not what an attendee sees.
- Sunday's "Mitgliederversammlung, [Offizielle Einladung (PDF)](...)": link target removed,
  link text kept, giving "Mitgliederversammlung, Offizielle Einladung (PDF)".
- Speaker names as written ("M. Anton Ertl"). Titles keep their trailing full stop where the
  file has one ("... Tags auf dem Return-Stack.").
- Abstracts: every nested talk has one. "Siehe oben." ("see above") is the whole abstract of
  the second FancyForth talk and is recorded as written. Hard-broken lines are joined with a
  single space (net2o update: "MINOS2 — Internationalisierung mit harfbuzz" / "net2o —
  Dezentrale Zensur"). Short abstracts are given in full.
- The hardware/software requirement sections after the programme are not programme.
"""
FILE = "forthy42__tagung.forth-ev.de__views-2021-program.md"
OPTIONS = {"timezone": "Europe/Berlin", "start_date": "2021-11-12"}

_ARRIVAL = [
    ("13:00", "13:50", "break", (), "Zusammenkunft"),
    ("13:50", "14:00", "other", (), "Ordnungsruf - fertig werden (Bitte spätestens jetzt online sein)"),
    ("14:00", "14:30", "introduction", (), "Begrüßung und Ablauferklärung"),
]

DAYS = [
    ("2021-11-12", [
        (None, list(_ARRIVAL)),
        ("Sitzung 1", [
            ("14:30", "15:15", "talk", ("Jörg Völker",),
             "Projekt FancyForth: Safety-First, Tags auf dem Return-Stack."),
            ("15:15", "15:35", "talk", ("Ulrich Hoffmann",),
             "Forth, die neue Synthese, Projektbericht"),
        ]),
        (None, [
            ("15:35", "15:55", "break", (), "BioBreak"),
        ]),
        ("Sitzung2", [
            ("15:55", "16:55", "talk", ("Bernd Paysan",), "net2o update"),
            ("16:55", "17:10", "talk", ("M. Anton Ertl",), "Gforth 1.0 IDE"),
            ("17:10", "17:25", "talk", ("Bernd Paysan",), "Gforth 1.0"),
            ("17:25", "17:40", "talk", ("Gerald Wodni",), "Gforth 1.0 C-Interface"),
        ]),
        (None, [
            ("17:40", "18:40", "discussion", (), "Offizielles Ende, Offener Chat"),
        ]),
    ]),
    ("2021-11-13", [
        (None, list(_ARRIVAL)),
        ("Sitzung 3", [
            ("14:30", "14:40", "talk", ("Ulrich Hoffmann",), "Vorstellung Forth-Gesellschaft"),
            ("14:40", "15:25", "talk", ("Jörg Völker",),
             "Projekt FancyForth: FlexiFloat, ein Floating-Point für Forth, aber anders."),
        ]),
        (None, [
            ("15:25", "15:45", "break", (), "BioBreak"),
        ]),
        ("Sitzung 4", [
            ("15:45", "16:00", "talk", ("Ulrich Hoffmann",), "Project Forth Works"),
            ("16:00", "16:30", "talk", ("M. Anton Ertl",), "Statische Überprüfung der Stack-Tiefe"),
            ("16:30", "16:45", "talk", ("M. Anton Ertl",), "xts oder Macros?"),
        ]),
        (None, [
            ("16:45", "18:00", "break", (), "Kochen/Essen Bestellen"),
            ("18:00", "21:00", "break", (), "Gemeinsames Abendessen"),
            ("21:00", "22:00", "other", (), "Drachenrat"),
        ]),
    ]),
    ("2021-11-14", [
        (None, [
            ("09:00", "12:30", "other", (), "Mitgliederversammlung, Offizielle Einladung (PDF)"),
            ("12:30", "13:30", "discussion", (), "Offizielles Ende, Offener Chat"),
        ]),
    ]),
]

ABSTRACTS = {
    "Projekt FancyForth: Safety-First, Tags auf dem Return-Stack.":
        "Abstürze nerven, und Forth ist bekannt dafür das es bei der kleinsten Unachtsamkeit",
    "Forth, die neue Synthese, Projektbericht":
        "Was ist Neues im Projekt Forth, die neue Synthese, geschehen",
    "net2o update": "MINOS2 — Internationalisierung mit harfbuzz net2o — Dezentrale Zensur",
    "Gforth 1.0 IDE": "Demo der Gforth IDE",
    "Gforth 1.0": "Neue Header-Struktur, Recognizers",
    "Gforth 1.0 C-Interface":
        "Swig-basierte C-Libraries: Vereinfachung des Aufrufens von C-Funktionen aus Forth heraus.",
    "Vorstellung Forth-Gesellschaft": "Was ist die Forth Gesellschaft?",
    "Projekt FancyForth: FlexiFloat, ein Floating-Point für Forth, aber anders.": "Siehe oben.",
    "Project Forth Works":
        "Einführung in das Projekt Forth Works - Wie wir unsere Ideen teilen können.",
    "Statische Überprüfung der Stack-Tiefe":
        "Das Ziel eines praktisch verwendbaren statischen Überprüfers für Forth",
    "xts oder Macros?": "Welches Interface fuer Wrapper, Traversals etc.",
}
ROOMS = {}
CHAIRS = {}
