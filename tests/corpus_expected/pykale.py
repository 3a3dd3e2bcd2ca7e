"""EMBC 2025 MMAI workshop: one session as a Duration | Activity table from a 2:30 PM start.

The only start time is the bold line "**2:30 PM, 16 July | B3 M7-8, Bella Center, Copenhagen,
Denmark**" (no year; the date comes from --start-date); each row gives a duration, counted
from the end of the row before: 14:30 + 5 + 20 + 20 + 10 + 60 + 10 + 60 + 15 + 10 = 18:00.

Judgement calls:
- The session is the "## EMBC 2025 Workshop: ..." heading (en dash kept as written); its
  chairs come from "Chair: Peter Charlton | Co-Chair: Xianyuan Liu" (link text kept).
- "**Opening Talk**: *Towards Deployment-Centric Multimodal AI* – Prof. Haiping Lu": the
  label "Opening Talk" is dropped; title "Towards Deployment-Centric Multimodal AI", speaker
  "Haiping Lu" (honorific dropped); kind talk (title does not start with a kind word).
- "Introduction to the Tutorials" with its "<br>•" speaker bullets: four speakers, names as
  written, including "Zixuan (Kelly) Ding" (the nickname is part of the name as written);
  kind introduction (4 words, so the >5-word talk exception does not apply).
- "Open Sharing and Discussion" and "Post-tutorial Discussion" are read as discussions, the
  way an attendee reads them (like "Morning Tea/Snacks" being a break), although their first
  word is a modifier. "Interactive Tutorial" and the two "Hands-on Session (Round N)" rows
  have no speaker and no abstract: other. "Welcome" introduction, "Closing Remarks"
  discussion.
- Room: the bold line names one location for the whole session, recorded for every slot as
  written: "B3 M7-8, Bella Center, Copenhagen, Denmark".
- No abstracts.
"""
FILE = "pykale__mmai-tutorials__workshop-schedule.md"
OPTIONS = {"timezone": "Europe/Copenhagen", "start_date": "2025-07-16"}

_SESSION = "EMBC 2025 Workshop: Open Biomedical Multimodal AI Research – From Pixels to Molecules"

DAYS = [
    ("2025-07-16", [
        (_SESSION, [
            ("14:30", "14:35", "introduction", (), "Welcome"),
            ("14:35", "14:55", "talk", ("Haiping Lu",), "Towards Deployment-Centric Multimodal AI"),
            ("14:55", "15:15", "introduction",
             ("Jiayang Zhang", "Zixuan (Kelly) Ding", "Xianyuan Liu", "Sina Tabakhi"),
             "Introduction to the Tutorials"),
            ("15:15", "15:25", "other", (), "Interactive Tutorial"),
            ("15:25", "16:25", "other", (), "Hands-on Session (Round 1)"),
            ("16:25", "16:35", "discussion", (), "Open Sharing and Discussion"),
            ("16:35", "17:35", "other", (), "Hands-on Session (Round 2)"),
            ("17:35", "17:50", "discussion", (), "Post-tutorial Discussion"),
            ("17:50", "18:00", "discussion", (), "Closing Remarks"),
        ]),
    ]),
]
ABSTRACTS = {}
_ROOM = "B3 M7-8, Bella Center, Copenhagen, Denmark"
ROOMS = {slot[4]: _ROOM for _day, sessions in DAYS for _title, slots in sessions for slot in slots}
CHAIRS = {_SESSION: ("Peter Charlton", "Xianyuan Liu")}
