"""NBISweden single-cell school 2019: five `### Weekday dd.mm.yyyy` days of `- **HH:MM - HH:MM** text (Speaker)` list items.

Notes on readings that needed judgement:
- No session is named anywhere; each day's list is one untitled session (None).
- Times written with a dot (`09:00 - 11.00`, `11.30 - 12.30`, `14.00 - 18:00`) are read
  as HH:MM like the colon ones.
- Start-only items end where the next item of the day starts (Thursday `**18:45** Dinner`
  ends 20:00; Friday `**14:20** End of the event` ends at the 14:58 train); a day's last
  start-only item (the 20:00 dinners, the 14:58 train) gets the one-hour default.
- Items that continue on the following lines (Monday's second line starting with `|`,
  Tuesday's three continuation lines) are one item: the lines are joined with a space as
  a renderer would, and Monday's literal `|` is kept as shown (it is not a table row).
- Link text is kept and link targets dropped, including the material links in the
  hands-on items ("([html](x.html))" reads "(html)"). Thursday 16:00 is written
  `lab](..)([html](..))(Johan ...)` with no spaces, so its title ends "lab(html)" as shown.
- Speaker lists written after a label and before a colon ("Hands-on + Coffee break
  (Davide, Paulo): ...", "DA and DS cytometry Hands-on (Helena, Mark): ...") are removed
  from the title like "Lecture 1.a (Blitvic): ..." -> "Lecture 1.a: ...", keeping the
  label and the text after the colon. First names alone are kept as written.
- "(Mark Robinson & Helena Crowell)" is split on "&". "(DA)", "(DS)" and "(hiking)" are
  parts of titles, not speakers.
- The keynote "Keynote lecture: Alejandro Sifrim, Laboratory of Reproductive Genomics, KU
  Leuven, Belgium." names its speaker inside the title; the title is kept whole (the name
  is the title's content, not a byline beside it), with speaker Alejandro Sifrim (the
  affiliation is not part of the name); it is a talk.
- "Introductory lecture" is a talk ("Introductory" is not the word "introduction"; it has
  a speaker), as the brief's own example reads it.
- Kinds judged from meaning: "Special dinner - Cheese fondue" is a dinner (break), though
  its first word is "Special"; "Conclusion and wrap up" is a discussion (a wrap up /
  concluding slot); "Special late opening of the spa" is other (the spa's opening hours,
  not an opening ceremony); "Hands-on + Coffee break (Davide, Paulo)" is a talk (a taught
  hands-on with named tutors; the coffee break is only part of it); Wednesday's
  "Hands-on: ..." has no speaker and is other; "Free time / spa", "Team activity (hiking)",
  "End of the event" and the train are other.
- "Back to main" link at the end is navigation, not programme.
"""
FILE = "NBISweden__single-cell_sib_scilifelab__schedule.md"
OPTIONS = {"timezone": "Europe/Zurich"}
DAYS = [
    ("2019-10-14", [
        (None, [
            ("09:00", "10:00", "talk", ("Vincent Gardeux",), "Introductory lecture"),
            ("10:00", "11:00", "talk", ("Davide Risso",), "Quantification, QC & Normalization"),
            ("11:00", "11:30", "break", (), "Coffee break"),
            ("11:30", "12:30", "talk", ("Paulo Czarnewski",), "Dimensionality reduction"),
            ("12:30", "14:00", "break", (), "Lunch break"),
            ("14:00", "18:00", "talk", ("Davide", "Paulo"),
             "Hands-on + Coffee break: Scater_QC (html) (Bioc 3.10), Scater_DR (html) "
             "| Seurat analysis pipeline: Seurat_qc, Seurat_DR"),
            ("18:00", "20:00", "other", (), "Free time / spa"),
            ("20:00", "21:00", "break", (), "Dinner"),
        ]),
    ]),
    ("2019-10-15", [
        (None, [
            ("09:00", "10:00", "talk", ("Panagiotis Papasaikas",), "Batch correction"),
            ("10:00", "11:00", "talk", ("Charlotte Soneson",), "Clustering - methods overview"),
            ("11:00", "11:30", "break", (), "Coffee break"),
            ("11:30", "12:30", "talk", ("Wouter Saelens",), "Cell fate mapping and trajectories"),
            ("12:30", "14:00", "break", (), "Lunch break"),
            ("14:00", "18:00", "talk", ("Panagiotis", "Charlotte", "Wouter"),
             "Hands-on + Coffee break: Batch Correction (html) (Helper_Functions.R), "
             "Clustering (html), Trajectories and RNA velocity"),
            ("18:00", "20:00", "other", (), "Free time / spa"),
            ("20:00", "21:00", "break", (), "Special dinner - Cheese fondue"),
        ]),
    ]),
    ("2019-10-16", [
        (None, [
            ("09:00", "11:00", "talk", ("Charlotte Soneson",),
             "Differential expression, interactive visualization"),
            ("11:00", "11:30", "break", (), "Coffee break"),
            ("11:30", "12:30", "other", (),
             "Hands-on: interactive visualization (html), differential expression (html), "
             "automatic cell type assignment html"),
            ("12:30", "14:00", "break", (), "Lunch break"),
            ("14:00", "18:00", "other", (), "Team activity (hiking)"),
            ("18:30", "19:30", "talk", ("Alejandro Sifrim",),
             "Keynote lecture: Alejandro Sifrim, Laboratory of Reproductive Genomics, "
             "KU Leuven, Belgium."),
            ("20:00", "21:00", "break", (), "Dinner"),
        ]),
    ]),
    ("2019-10-17", [
        (None, [
            ("09:00", "10:30", "talk", ("Mark Robinson", "Helena Crowell"),
             "Differential abundance (DA) and state (DS) analysis for single-cell cytometry data"),
            ("10:30", "11:00", "break", (), "Coffee break"),
            ("11:00", "12:30", "talk", ("Helena", "Mark"),
             "DA and DS cytometry Hands-on: setup.R, F1000 workflow (Rmd, html)"),
            ("12:30", "14:00", "break", (), "Lunch break"),
            ("14:00", "15:30", "talk", ("Johan Reimegård",),
             "Transcriptome + proteome Transcriptome + proteome presentation"),
            ("15:30", "16:00", "break", (), "Coffee break"),
            ("16:00", "17:30", "talk", ("Johan Reimegård",),
             "Transcriptome/proteome Hands-on Transcriptome + proteome lab(html)"),
            ("18:45", "20:00", "break", (), "Dinner"),
            ("20:00", "22:00", "other", (), "Special late opening of the spa"),
        ]),
    ]),
    ("2019-10-18", [
        (None, [
            ("09:00", "10:00", "talk", ("Sebastien Smallwood",),
             "Technical overview of single-cell transcriptomics methods"),
            ("10:00", "11:00", "talk", ("Lars Borm",), "Spatial mapping of scRNAseq"),
            ("11:00", "11:30", "break", (), "Coffee break"),
            ("11:30", "12:30", "talk", ("Maria Florescu",), "Lineage tracing and scRNA"),
            ("12:30", "14:00", "break", (), "Lunch break"),
            ("14:00", "14:20", "discussion", (), "Conclusion and wrap up"),
            ("14:20", "14:58", "other", (), "End of the event"),
            ("14:58", "15:58", "other", (), "Train from Leysin-Feydey station"),
        ]),
    ]),
]
ABSTRACTS = {}
ROOMS = {}
CHAIRS = {}
