"""HLPP 2025 (Innsbruck): ISO-dated H1 days with start-only `Time | Activity` tables.

Shape: `# Thursday, 2025-07-03` and `# Friday, 2025-07-04`, each followed by a two-column
pipe table giving start times only; some rows link to later sections (`## Keynote N`,
`## Technical Session N`, `# Social Event & Dinner`) that hold the keynote's title,
speaker and abstract, or the session's chair and its talks (bold title, author line,
abstract in a multi-line Liquid `{% include abstract.html text="..." %}`), without times.

Notes on the reading:
- Each table row is a slot ending where the next row starts; the last row of each day
  (18:30 Dinner, 15:00 Coffee Break and Farewell) gives only a start, so it ends one hour
  later (the tool's default): 19:30 and 16:00.
- The tables name no session, so each day is one session titled None holding the table's
  rows. The rows that link elsewhere keep the row's own text as title ("Keynote 1",
  "Technical Session 1", ...). What the linked section says is in LINKED, not merged
  into DAYS: so in DAYS those rows have no speaker and no abstract, and the kind rule
  makes them "other". (Had the linked keynote been merged, "Keynote 1" would be a talk
  by Martin Schulz; had the technical sessions been expanded, their talks have no times
  of their own in the file, only the session's 90/60-minute slot.)
- Row titles are the link text with targets removed: "[Information](slides) Regarding
  the [Social Event](#...)" -> "Information Regarding the Social Event";
  "[Dinner](#...) at 1965m Altitude" -> "Dinner at 1965m Altitude".
- Kinds: "Registration Opens", "Coffee Break", "Lunch Break", "Dinner at ...",
  "Coffee Break and Farewell" are breaks; "Welcome and Opening" an introduction;
  "Closing Statement" a discussion (closing); "Information Regarding the Social Event"
  and "Meetup for the Social Event" start with no kind word and have no speaker, so other.
- Speakers in LINKED: "Prof. Dr." dropped from the keynote speakers; author lines split
  on commas and "and"; the line break inside Christoph Kessler's name (TS2, first talk)
  joined. Titles wrapped over two lines in the source are joined with one space.
- TS4's only talk carries a "🏆 *Outstanding Paper Award*" line above its title; that is
  a label, not part of the title.
- Abstracts are the first words of each `text="..."` (hard line breaks read as spaces).
  ABSTRACTS is {} because none of the slots in DAYS (the table rows) has an abstract in
  the table; the keynotes' and talks' abstracts are in LINKED.
- Chairs ("*Session Chair: X*") are given in LINKED under each technical session; CHAIRS
  is {} because no session in DAYS carries those titles (the days' sessions are None).
- The "Social Event & Dinner" section is prose (meet at 15:45 in front of the
  Ágnes-Heller-Haus, cable car up the Patscherkofel, dinner at "Das Kofel"); it confirms
  the 15:45 and 18:30 rows and adds no slot. Not recorded as rooms.
"""
FILE = "hlpp-conference__hlpp-2025__program.md"
OPTIONS = {"timezone": "Europe/Vienna"}
DAYS = [
    ("2025-07-03", [
        (None, [
            ("08:30", "09:00", "break", (), "Registration Opens"),
            ("09:00", "09:15", "introduction", (), "Welcome and Opening"),
            ("09:15", "10:15", "other", (), "Keynote 1"),
            ("10:15", "10:30", "break", (), "Coffee Break"),
            ("10:30", "12:00", "other", (), "Technical Session 1"),
            ("12:00", "13:30", "break", (), "Lunch Break"),
            ("13:30", "15:00", "other", (), "Technical Session 2"),
            ("15:00", "15:20", "break", (), "Coffee Break"),
            ("15:20", "15:45", "other", (), "Information Regarding the Social Event"),
            ("15:45", "18:30", "other", (), "Meetup for the Social Event"),
            ("18:30", "19:30", "break", (), "Dinner at 1965m Altitude"),
        ]),
    ]),
    ("2025-07-04", [
        (None, [
            ("09:00", "10:00", "other", (), "Keynote 2"),
            ("10:00", "10:30", "break", (), "Coffee Break"),
            ("10:30", "12:00", "other", (), "Technical Session 3"),
            ("12:00", "13:30", "break", (), "Lunch Break"),
            ("13:30", "14:30", "other", (), "Technical Session 4"),
            ("14:30", "15:00", "discussion", (), "Closing Statement"),
            ("15:00", "16:00", "break", (), "Coffee Break and Farewell"),
        ]),
    ]),
]
ABSTRACTS = {}
CHAIRS = {}
# Row title -> what the section it links to says.
LINKED = {
    "Keynote 1": {
        "title": "Towards more Flexible and Dynamic HPC Software Stacks for the Post-Exascale Era",
        "speakers": ("Martin Schulz",),
        "abstract": "High-Performance Computing (HPC) is at an inflection point in its evolution.",
    },
    "Technical Session 1": {
        "chairs": ("Christoph Kessler",),
        "talks": [
            ("PHI: a modern C++ library for parallel pattern composition",
             ("Santiago Veigas Ramírez", "Daniel Martínez Davies", "José Daniel García Sánchez"),
             "This paper presents the design of PHI, a modern C++ library"),
            ("Enabling Pinning Strategies for Stream Processing Applications on Multicores",
             ("Lorenzo Bindi", "Salvatore D'Amico", "Gabriele Mencagli", "Massimo Torquati"),
             "Data stream processing (DSP) applications consist of data-flow graphs of operators"),
            ("Mneme: A Parallel Preprocessing Framework for Large Tabular Datasets",
             ("Argiris Sofotasios", "Dimitris Metaxakis", "Panagiotis Hadjidoukas"),
             "The rapid expansion of Machine Learning (ML) applications, especially within"),
        ],
    },
    "Technical Session 2": {
        "chairs": ("Gaétan Hains",),
        "talks": [
            ("SkePU-Streaming: Distributed Pipelining of Portable Data-Parallel Skeleton "
             "Computations for the Heterogeneous Edge-Cloud Continuum",
             ("August Svensson", "Fabio Crugnola", "August Ernstsson", "Sajad Khosravi",
              "Sebastian Litzinger", "Christoph Kessler"),
             "We present SkePU-Streaming, a two-layer high-level programming framework"),
            ("A Zero-Overhead Transpiler-Based Python Frontend for the Skeleton Programming "
             "Framework SkePU",
             ("Axel Hammarberg", "August Ernstsson", "Christoph Kessler"),
             "We extend the skeleton programming framework SkePU with an all-new"),
            ("Towards Extreme Scalability of Stencil Applications with Parallel Skeletons",
             ("David Díez", "Sergio Alonso Pascual", "Arturo Gonzalez-Escribano"),
             "The pre- and exascale computational systems require new programming tools"),
        ],
    },
    "Keynote 2": {
        "title": "Types as a path from abstract to performance?",
        "speakers": ("Gabriele Keller",),
        "abstract": "Even though the declarative semantics of purely functional languages offers",
    },
    "Technical Session 3": {
        "chairs": ("Christopher Brown",),
        "talks": [
            ("High-level Programming of Vulkan-based GPUs through OpenMP",
             ("Ilias K. Kasmeridis", "Vassilios V. Dimakopoulos"),
             "Modern applications often involve complex, structured, or data-parallel computations"),
            ("A High-level API for End-to-end Data Compression in Multi-GPU Cluster Applications",
             ("Gabriel Mitterrutzner", "Peter Thoman", "Philipp Gschwandtner"),
             "The increasing complexity of high-performance computing (HPC) systems,"),
            ("SymTensor: Symbolic and Adaptive Tensor Partitioning by Unified Parallelism "
             "for Deep Learning",
             ("Hongxing Wang", "Chong Li", "Zhengdao Yu", "Serge Petiton"),
             "The rapid expansion of deep learning models in scale and structural"),
        ],
    },
    "Technical Session 4": {
        "chairs": ("Peter Thoman",),
        "talks": [
            ("East of Eden: Parallel Functional Programming in Idris",
             ("Christopher Brown", "Adam Barwell"),
             "There have been various different attempts to introduce parallel programming"),
        ],
    },
}
