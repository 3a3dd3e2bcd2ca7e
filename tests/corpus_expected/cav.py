"""CAV 2025 (Zagreb): five days; two workshop days, then three days each given as an HTML grid plus gray-box session blocks.

Shape: `### July 21st (Monday Workshops)` ... `### July 25th (Friday)`, no year (the flag
--start-date 2025-07-21 dates them). The first two days are workshop days: each is only a
one-column table listing six workshops by name (Monday: VMW, VQC, TACPS, HYPER, Allen Emerson
Memorial, SAIV; Tuesday: MOSCA, SYNT, HCVS, VeriProP, Ken McMillan Celebration, SAIV "Both
Days") with no times, so there are 2 days with no timed entries. Each is a DAYS entry with an
empty session list. The 23rd-25th each have a `Time | Room A | Room B` grid followed by
`<div class="gray-box">` blocks, one per grid cell that links to one (`<h4>` time + title,
`Room A`/`Room B`, `Session Chair:`, then one `.entry` per talk). The grid and the boxes
describe the same sessions, so every talk appears here once: 87 box entries in all.

Judgement calls:
- Sessions: every gray box is a session. Its title is the `<h4>` text without the time
  ("Keynote - Corina Păsăreanu", "Industry Panel", "Logic Lounge"), its slots are the box's
  entries with the times, titles and speakers the box gives. That also covers the single-entry
  plenary boxes (Opening Remarks, CAV Award Presentation, the three keynotes, Industry Panel,
  Logic Lounge). Their grid row is that one slot, and the keynotes' "Session Chair:" goes
  in CHAIRS. The grid's full-width rows that have no box (breakfast, coffee breaks, lunch,
  the 17:30 break, Business Meeting, Reception, Banquet) are slots in untitled (None) sessions;
  consecutive ones form a single None session (Thursday: lunch + Business Meeting).
- Parallel sessions are listed by start time, Room A before Room B (the document's order).
- Times come from each entry's own `.time`, not from the grid. So Data Structures ends 15:30
  (grid says 14:00-15:40, box heading 14:00-15:30), and Concurrency and Runtime Verification
  ends 17:20 (grid 16:00-17:30).
- Speakers: the names only. Affiliations in parentheses (after one name or a comma-separated
  group, `;` between groups) are dropped, and so is the ", Affiliation, Country" after the
  keynote speakers' and opening speakers' names. "ThanhVu (Vu) Nguyen" is kept as written (the
  parenthesis is a nickname, not an affiliation). In "Martin Blicha (University of Lugano
  (USI), Ethereum Foundation) Grigory Fedyukovich (...)" a separator is missing: these are two
  people.
  "Ruzica Piskac, Yale and Zvonimir Rakamaric, Amazon Web Services" gives two speakers.
- "(Distinguished Paper) <br> Title": the title is the paper's own title without the award
  label. The six such papers are listed in DISTINGUISHED below (not part of the standard
  format).
- Industry Panel: the box entry says "Topic: Formal Methods in the GenAI Era" with
  "Panelists: ..."; the slot title is the grid's "Industry Panel - Formal Methods in the GenAI
  Era" (without "(Room A)"), kind panel. The six panelists are the speakers, and the
  "Moderator: Scott Shapiro, Yale Law School" is recorded as the session's chair.
- Room notes in grid text ("(Room A)") are not part of titles. "Reception (Panorama Room,
  17th floor)" and "Banquet (restaurant Okrugljak) (Details)" are read as "Reception" and
  "Banquet", with the place in ROOMS. The "(Details)" link to the venues page is a navigation
  link, not part of the title. "(Provided)"/"(Not Provided)" are kept (they are not places).
- Reception and Banquet give only a start (19:00) and are their day's last entry: they end one
  hour later (20:00, the tool's default). Banquet is read as a break (it is the conference
  dinner). "Business Meeting" is other. "CAV Award Presentation" and "Report on SYNTCOMP
  2025" (neither names a speaker, no abstract) are other by the rule. "Opening Remarks" (two
  words, with speakers) is introduction.
- Thursday's 17:30-19:00 grid row has an empty cell: free time, not a slot.
- No entry has an abstract: ABSTRACTS is {}.
"""
FILE = "confcav__2025__program.md"
OPTIONS = {"timezone": "Europe/Zagreb", "start_date": "2025-07-21"}
DAYS = [
    # July 21st (Monday Workshops): six workshops listed by name only, no times.
    ("2025-07-21", []),
    # July 22nd (Tuesday Workshops): six workshops listed by name only, no times.
    ("2025-07-22", []),
    ("2025-07-23", [
        (None, [
            ("08:30", "09:00", "break", (), "Breakfast (Provided)"),
        ]),
        # Room A; chair: None
        ('Opening Remarks', [
            ('09:00', '09:30', "introduction", ('Ruzica Piskac', 'Zvonimir Rakamaric'),
             'Opening Remarks'),
        ]),
        # Room A; chair: None
        ('CAV Award Presentation', [
            ('09:30', '10:30', "other", (),
             'CAV Award Presentation'),
        ]),
        (None, [
            ("10:30", "11:00", "break", (), "Coffee Break (Provided)"),
        ]),
        # Room A; chair: Ruzica Piskac
        ('Keynote - Corina Păsăreanu', [
            ('11:00', '12:00', "talk", ('Corina Păsăreanu',),
             'Through the Looking Glass: Semantic Analysis of Neural Networks'),
        ]),
        (None, [
            ("12:00", "14:00", "break", (), "Lunch (Not Provided)"),
        ]),
        # Room A; chair: Natasha Sharygina
        ('Hardware Model Checking', [
            ('14:00', '14:20', "talk", ('Alessandro Cimatti', 'Alberto Griggio', 'Christopher Johannsen', 'Kristin Yvonne Rozier', 'Stefano Tonetta'),
             'Infinite-state Liveness Checking with rlive'),
            ('14:20', '14:40', "talk", ('Yuheng Su', 'Qiusong Yang', 'Yiwei Ci', 'Yingcheng Li', 'Tianjun Bu', 'Ziyu Huang'),
             'Deeply Optimizing the SAT Solver for the IC3 Algorithm'),
            ('14:40', '15:00', "talk", ('Yakir Vizel', 'Andrew Luka'),
             'Property Directed Reachability with Extended Resolution'),
            ('15:00', '15:20', "talk", ('Nils Froleyks', 'Emily Yu', 'Mathias Preiner', 'Armin Biere', 'Keijo Heljanko'),
             'Introducing Certificates to the Hardware Model Checking Competition'),
            ('15:20', '15:30', "talk", ('Zhengyang Lu', 'Po-Chun Chien', 'Nian-Ze Lee', 'Arie Gurfinkel', 'Vijay Ganesh'),
             'Btor2-Select: Machine Learning Based Algorithm Selection for Hardware Model Checking'),
        ]),
        # Room B; chair: Anne-Kathrin Schmuck
        ('Probabilistic Reasoning I', [
            ('14:00', '14:20', "talk", ('Alessandro Abate', 'Mirco Giacobbe', 'Diptarko Roy'),
             'Quantitative Supermartingale Certificates'),
            ('14:20', '14:40', "talk", ('Thomas A. Henzinger', 'Kaushik Mallik', 'Pouya Sadeghi', 'Djordje Zikelic'),
             'Supermartingale Certificates for Quantitative Omega-regular Verification and Control'),
            ('14:40', '15:00', "talk", ('Timm Spork', 'Christel Baier', 'Joost-Pieter Katoen', 'Sascha Klüppelholz', 'Jakob Piribauer'),
             'Approximate Probabilistic Bisimulation for Continuous-Time Markov Chains'),
            ('15:00', '15:20', "talk", ('Sergei Novozhilov', 'Mingqi Yang', 'Mingshuai Chen', 'Zhiyang Li', 'Jianwei Yin'),
             'On the Almost-Sure Termination of Probabilistic Counter Programs'),
            ('15:20', '15:30', "talk", ('Francesco Pontiggia', 'Ezio Bartocci', 'Michele Chiari'),
             'POPACheck: A Model Checker for Probabilistic Pushdown Automata'),
        ]),
        (None, [
            ("15:30", "16:00", "break", (), "Coffee Break (Provided)"),
        ]),
        # Room A; chair: Mark Santolucito
        ('Synthesis and Learning', [
            ('16:00', '16:20', "talk", ('Yuning Wang', 'He Zhu'),
             'Deductive Synthesis of Reinforcement Learning Agents for Infinite Horizon Tasks'),
            ('16:20', '16:40', "talk", ('Eric Hsiung', 'Joydeep Biswas', 'Swarat Chaudhuri'),
             'Automata Learning from Preference and Equivalence Queries'),
            ('16:40', '17:00', "talk", ('Alessandro Abate', 'Mirco Giacobbe', 'Christian Micheletti', 'Yannik Schnitzer'),
             'Branching Bisimulation Learning'),
            ('17:00', '17:10', "talk", ('Benjamin von Berg', 'Bernhard Aichernig'),
             'Extending AALpy with Passive Learning: A Generalized State-Merging Approach'),
            ('17:10', '17:20', "talk", ('Markus Frohme', 'Falk Howar', 'Bernhard Steffen'),
             'LearnLib: 10 years later'),
            ('17:20', '17:30', "talk", ('Siddhartha Prasad', 'Ben Greenman', 'Tim Nelson', 'Shriram Krishnamurthi'),
             'A Misconception-Driven Adaptive Tutor for Linear Temporal Logic'),
        ]),
        # Room B; chair: Ahmed Bouajjani
        ('Concurrency and Runtime Verification', [
            ('16:00', '16:20', "talk", ('Soham Chakraborty', 'S. Krishna', 'Andreas Pavlogiannis', 'Omkar Tuppe'),
             'GPUMC: A Stateless Model Checker for GPU Weak Memory Concurrency'),
            ('16:20', '16:40', "talk", ('Marcel Ebbinghaus', 'Dominik Klumpp', 'Andreas Podelski'),
             'Counterexample-Guided Commutativity'),
            ('16:40', '17:00', "talk", ('François Hublet', 'Leonardo Lima', 'David Basin', 'Srdjan Krstic', 'Dmitriy Traytel'),
             'Scaling Up Proactive Enforcement'),
            ('17:00', '17:10', "talk", ('Frederik Scheerer', 'Jan Baumeister', 'Bernd Finkbeiner', 'Arthur Correnson'),
             'An Intermediate Program Representation for Optimizing Stream-Based Languages'),
            ('17:10', '17:20', "talk", ('Adwait Godbole', 'Brian Huffman', 'Fangfei Liu', 'Carlos V Rozas', 'Sanjit A. Seshia'),
             'PyCaliper: Python-embedded Infrastructure for RTL Verification and Specification Synthesis'),
        ]),
        (None, [
            ("17:30", "17:45", "break", (), "Break"),
        ]),
        # Room A; chair: None
        ('Industry Panel', [
            ('17:45', '18:45', "panel", ('Barbara Jobstmann', 'Bardh Hoxha', 'Daniel Kroening', 'Felix Klein', 'Filip Niksic', 'Mark Santolucito'),
             'Industry Panel - Formal Methods in the GenAI Era'),
        ]),
        (None, [
            ("19:00", "20:00", "break", (), "Reception"),
        ]),
    ]),
    ("2025-07-24", [
        (None, [
            ("08:30", "09:00", "break", (), "Breakfast (Provided)"),
        ]),
        # Room A; chair: Corina Pasareanu
        ('Neural Networks', [
            ('09:00', '09:20', "talk", ('Geonho Hwang', 'Wonyeol Lee', 'Yeachan Park', 'Sejun Park', 'Feras Saad'),
             'Floating-Point Neural Networks Are Provably Robust Universal Approximators'),
            ('09:20', '09:40', "talk", ('James Tobler', 'Hira Taqdees Syeda', 'Toby Murray'),
             'A Formally Verified Robustness Certifier for Neural Networks'),
            ('09:40', '10:00', "talk", ('Thom Badings', 'Wietze Koops', 'Sebastian Junges', 'Nils Jansen'),
             'Policy Verification in Stochastic Dynamical Systems Using Logarithmic Neural Certificates'),
            ('10:00', '10:10', "talk", ('Hoang-Dung Tran', 'SungWoo Choi', 'Yuntao Li', 'Qing Liu', 'Hideki Okamoto', 'Bardh Hoxha', 'Georgios Fainekos'),
             'StarV: A Qualitative and Quantitative Verification Tool for Learning-enabled Systems'),
            ('10:10', '10:20', "talk", ('Tianhao Wei', 'Hanjiang Hu', 'Luca Marzari', 'Kai S. Yun', 'Peizhi Niu', 'Xusheng Luo', 'Changliu Liu'),
             'ModelVerification.jl: a Comprehensive Toolbox for Formally Verifying Deep Neural Networks'),
            ('10:20', '10:30', "talk", ('Hai Duong', 'ThanhVu (Vu) Nguyen', 'Matthew B Dwyer'),
             'NeuralSAT: A High-Performance Verification Tool for Deep Neural Networks'),
        ]),
        # Room B; chair: Clark Barrett
        ('Model Counting and First-Order Logic', [
            ('09:00', '09:20', "talk", ('Aliaume Lopez', 'Rafał Stefański'),
             'Polyregular Model Checking'),
            ('09:20', '09:40', "talk", ('Mate Soos', 'Kuldeep S. Meel'),
             'Engineering an Efficient Probabilistic Exact Model Counter'),
            ('09:40', '09:50', "talk", ('Thomas Hader', 'Ahmed Irfan', 'Stephane Graham-Lengrand'),
             'Decision Heuristics in MCSat'),
            ('09:50', '10:00', "talk", ('George Pîrlea', 'Vladimir Gladshtein', 'Elad Kinsbruner', 'Qiyuan Zhao', 'Ilya Sergey'),
             'Veil: A Framework for Automated and Interactive Verification of Transition Systems'),
            ('10:00', '10:10', "talk", ('Filip Bartek', 'Ahmed Bhayat', 'Robin Coutelier', 'Marton Hajdu', 'Matthias Hetzenberger', 'Petra Hozzova', 'Laura Kovacs', 'Jakob Rath', 'Michael Rawson', 'Giles Reger', 'Martin Suda', 'Johannes Schoisswohl', 'Andrei Voronkov'),
             'The Vampire Diary'),
            ('10:10', '10:20', "talk", ('Yong Lai', 'Kuldeep S. Meel', 'Roland H. C. Yap'),
             'Panini: An Efficient and Flexible Knowledge Compiler'),
        ]),
        (None, [
            ("10:30", "11:00", "break", (), "Coffee Break (Provided)"),
        ]),
        # Room A; chair: Bernd Finkbeiner
        ('Keynote - Roderick Bloem', [
            ('11:00', '12:00', "talk", ('Roderick Bloem',),
             'Side Channel Secure Software: A Hardware Question'),
        ]),
        (None, [
            ("12:00", "13:30", "break", (), "Lunch (Not Provided)"),
            ("13:30", "14:00", "other", (), "Business Meeting"),
        ]),
        # Room A; chair: Grigory Fedyukovich
        ('Data Structures', [
            ('14:00', '14:20', "talk", ('Marco Faella', 'Gennaro Parlato'),
             'Verifying Tree-Manipulating Programs via CHCs'),
            ('14:20', '14:40', "talk", ('Matthew Sotoudeh',),
             'Automated Verification of Monotonic Data Structure Traversals in C'),
            ('14:40', '15:00', "talk", ('Sebastian Wolff', 'Ekanshdeep Gupta', 'Zafer Esen', 'Hossein Hojjat', 'Philipp Rümmer', 'Thomas Wies'),
             'Arithmetizing Shape Analysis'),
            ('15:00', '15:20', "talk", ('Ekanshdeep Gupta', 'Nisarg Patel', 'Thomas Wies'),
             'Raven: An SMT-Based Concurrency Verifier'),
            ('15:20', '15:30', "talk", ('Marco Eilers', 'Malte Schwerhoff', 'Alexander J. Summers', 'Peter Müller'),
             'Fifteen Years of Viper'),
        ]),
        # Room B; chair: Barbara Jobstmann
        ('Reactive Synthesis', [
            ('14:00', '14:10', "other", (),
             'Report on SYNTCOMP 2025'),
            ('14:10', '14:30', "talk", ('Hernán Gabriel Gagliardi', 'Victor Braberman', 'Sebastian Uchitel'),
             'Scaling GR(1) Synthesis via a Compositional Framework for LTL Discrete Event Control'),
            ('14:30', '14:50', "talk", ('Andoni Rodriguez', 'Felipe Gorostiaga', 'Cesar Sanchez'),
             'Counter Example Guided Reactive Synthesis for LTL Modulo Theories'),
            ('14:50', '15:10', "talk", ('Samuel Williams', 'Jyotirmoy Deshmukh'),
             'Automatic Synthesis of Smooth Infinite Horizon Paths Satisfying Linear Temporal Logic Specifications'),
            ('15:10', '15:30', "talk", ('Shaun Azzopardi', 'Luca Di Stefano', 'Nir Piterman', 'Gerardo Schneider'),
             'Full LTL Synthesis over Infinite-state Arenas'),
            ('15:30', '15:40', "talk", ('Philippe Heim', 'Rayna Dimitrova'),
             'Issy: A Comprehensive Tool for Specification and Synthesis of Infinite-State Reactive Systems'),
        ]),
        (None, [
            ("15:40", "16:00", "break", (), "Coffee Break (Provided)"),
        ]),
        # Room A; chair: Borzoo Bonakdarpour
        ('Cryptography and Security', [
            ('16:00', '16:20', "talk", ('Jon Stephens', 'Shankara Pailoor', 'Isil Dillig'),
             'Automated Verification of Consistency in Zero-Knowledge Proof Circuits'),
            ('16:20', '16:40', "talk", ('Elizaveta Pertseva', 'Alex Ozdemir', 'Shankara Pailoor', 'Alp Bassa', 'Sorawee Porncharoenwase', 'Işil Dillig', 'Clark Barrett'),
             'Integer Reasoning Modulo Different Constants in SMT'),
            ('16:40', '17:00', "talk", ('Robert Colvin', 'Roger Su'),
             'Structural operational semantics for functional and security verification of pipelined processors'),
            ('17:00', '17:20', "talk", ('Denis Mazzucato', 'Abdalrhman Mohamed', 'Juneyoung Lee', 'Clark Barrett', 'Jim Grundy', 'John Harrison', 'Corina Pasareanu'),
             'Relational Hoare Logic for Realistically Modelled Machine Code'),
        ]),
        # Room B; chair: Alessandro Cimatti
        ('Model Checking', [
            ('16:00', '16:20', "talk", ('Lina Gerlach', 'Tobias Winkler', 'Erika Ábrahám', 'Borzoo Bonakdarpour', 'Sebastian Junges'),
             'Efficient Probabilistic Model Checking for Relational Reachability'),
            ('16:20', '16:30', "talk", ('Venkata Narayana Sarma Dhavala', 'Stephen F. Siegel', 'Jan Hueckelheim', 'Paul Hovland'),
             'Verifying PETSc Vector Components Using CIVL'),
            ('16:30', '16:50', "talk", ('Hanyue Chen', 'Miaomiao Zhang', 'Frits Vaandrager'),
             'Compositional Abstraction for Timed Systems with Broadcast Synchronization'),
            ('16:50', '17:00', "talk", ('Yuheng Su', 'Qiusong Yang', 'Yiwei Ci', 'Tianjun Bu', 'Ziyu Huang'),
             'The rIC3 Hardware Model Checker'),
            ('17:00', '17:10', "talk", ('Hongjian Jiang', 'Anthony W. Lin', 'Oliver Markgraf', 'Philipp Rümmer', 'Daniel Stan'),
             'HornStr: Invariant Synthesis for Regular Model Checking as Constrained Horn Clauses'),
        ]),
        # 17:30-19:00: an empty grid row (no title), not a slot.
        (None, [
            ("19:00", "20:00", "break", (), "Banquet"),
        ]),
    ]),
    ("2025-07-25", [
        (None, [
            ("08:30", "09:00", "break", (), "Breakfast (Provided)"),
        ]),
        # Room A; chair: Thomas Wies
        ('Decision Procedures', [
            ('09:00', '09:20', "talk", ('Ian Erik Varatalu', 'Margus Veanes', 'Ekaterina Zhuchko', 'Juhan Ernits'),
             'Regex Decision Procedures in Extended RE#'),
            ('09:20', '09:40', "talk", ('Simon Guilloud', 'Clément Pit-Claudel'),
             'Verified and Optimized Implementation of Orthologic Proof Search'),
            ('09:40', '10:00', "talk", ('Kiran Gopinathan', 'Dionysios Spiliopoulos', 'Vikram Goyal', 'Peter Müller', 'Markus Püschel', 'Ilya Sergey'),
             'Accelerating Automated Program Verifiers by Automatic Proof Localization'),
            ('10:00', '10:20', "talk", ('Yicheng Qian', 'Joshua Clune', 'Clark Barrett', 'Jeremy Avigad'),
             'Lean-auto: An Interface between Lean 4 and Automated Theorem Provers'),
            ('10:20', '10:30', "talk", ('Abdalrhman Mohamed', 'Tomaz Mascarenhas', 'Harun Khan', 'Haniel Barbosa', 'Andrew Reynolds', 'Yicheng Qian', 'Cesare Tinelli', 'Clark Barrett'),
             'Lean-SMT: An SMT tactic for discharging proof goals in Lean'),
        ]),
        # Room B; chair: Joost-Pieter Katoen
        ('MDPs and Probabilistic Reasoning', [
            ('09:00', '09:20', "talk", ('Bram Kohlen', 'Maximilian Schäffeler', 'Mohammad Abdulaziz', 'Arnd Hartmanns', 'Peter Lammich'),
             'A Formally Verified IEEE 754 Floating-Point Implementation of Interval Iteration for MDPs'),
            ('09:20', '09:40', "talk", ('Suguman Bansal', 'Ramneet Singh'),
             'INTERLEAVE: A Faster Symbolic Algorithm for Maximal End Component Decomposition'),
            ('09:40', '10:00', "talk", ('Roman Andriushchenko', 'Milan Češka', 'Sebastian Junges', 'Filip Macák'),
             'Small Decision Trees for MDPs with Deductive Synthesis'),
            ('10:00', '10:20', "talk", ('Paolo Baldan', 'Sebastian Gurke', 'Barbara König', 'Tommaso Padoan', 'Florian Wittbold'),
             'Approximating Fixpoints of Approximated Functions'),
            ('10:20', '10:30', "talk", ('Yusuke Kawamoto', 'Kentaro Kobayashi', 'Kohei Suenaga'),
             'StatWhy: Formal Verification Tool for Statistical Hypothesis Testing Programs'),
        ]),
        (None, [
            ("10:30", "11:00", "break", (), "Coffee Break (Provided)"),
        ]),
        # Room A; chair: Zvonimir Rakamaric
        ('Keynote - Emina Torlak', [
            ('11:00', '12:00', "talk", ('Emina Torlak',),
             'Cedar: A New Language for Expressive, Fast, Safe, and Analyzable Authorization'),
        ]),
        # Room A; chair: None
        ('Logic Lounge', [
            ('12:00', '13:00', "talk", ('Moshe Y. Vardi', 'Henry Shevlin'),
             'Are AI minds genuine minds?'),
        ]),
        (None, [
            ("13:00", "14:30", "break", (), "Lunch (Not Provided)"),
        ]),
        # Room A; chair: Yu-Fang Chen
        ('Quantum Computing', [
            ('14:30', '14:50', "talk", ('Kean Chen', 'Yuhao Liu', 'Wang Fang', 'Jennifer Paykin', 'Xin-Chuan Wu', 'Albert Schmitz', 'Steve Zdancewic', 'Gushu Li'),
             'Verifying Fault-Tolerance of Quantum Error Correction Codes'),
            ('14:50', '15:10', "talk", ('Ziyuan Wang', 'Bin Cheng', 'Longxiang Yuan', 'Zhengfeng Ji'),
             'FeynmanDD: Quantum Circuit Analysis with Classical Decision Diagrams'),
            ('15:10', '15:30', "talk", ('Yingte Xu', 'Gilles Barthe', 'Li Zhou'),
             'D-Hammer: Efficient Equational Reasoning for Labelled Dirac Notation'),
        ]),
        # Room B; chair: Djordje Zikelic
        ('Probabilistic Reasoning II', [
            ('14:30', '14:50', "talk", ('Sourav Chakraborty', 'Kuldeep S. Meel', 'Uddalok Sarkar'),
             'Assessing the Quality of Binomial Samplers: A Statistical Distance Framework'),
            ('14:50', '15:10', "talk", ('Franck van Breugel', 'Syyeda Zainab Fatmi', 'Stefan Kiefer', 'David Parker'),
             'Robust Probabilistic Bisimilarity for Labelled Markov Chains'),
            ('15:10', '15:30', "talk", ('Yong Li', 'Soumyajit Paul', 'Sven Schewe', 'Qiyi Tang'),
             'Accelerating Markov Chain Model Checking: Good-for-Games Meets Unambiguous Automata Specifications'),
        ]),
        (None, [
            ("15:30", "16:00", "break", (), "Coffee Break (Provided)"),
        ]),
        # Room A; chair: Stefan Leue
        ('Applications', [
            ('16:00', '16:20', "talk", ('Ahmed Bouajjani', 'Constantin Enea', 'Enrique Román-Calvo'),
             'On the Complexity of Checking Mixed Isolation Levels for SQL Transactions'),
            ('16:20', '16:40', "talk", ('Ahmed Bouajjani', 'Wael-Amine Boutglay', 'Peter Habermehl'),
             'Data-driven Verification of Procedural Programs with Integer Arrays'),
            ('16:40', '16:50', "talk", ('Roberto Cavada', 'Alessandro Cimatti', 'Alberto Griggio', 'Christian Lidström', 'Gianluca Redondi', 'Giuseppe Scaglione', 'Matteo Tessi', 'Dylan Trenti'),
             'Automated Parameterized Verification of a Railway Protection System with Dafny'),
            ('16:50', '17:00', "talk", ('Son Ho', 'Guillaume Boisseau', 'Lucas Franceschino', 'Yoann Prak', 'Aymeric Fromherz', 'Jonathan Protzenko'),
             'Charon: An Analysis Framework for Rust'),
            ('17:00', '17:10', "talk", ('Frans Skarman', 'Lucas Klemmer', 'Daniel Große', 'Oscar Gustafsson', 'Kevin Laeufer'),
             'Surfer – An Extensible Waveform Viewer'),
            ('17:10', '17:20', "talk", ('Zhaoyu Li', 'Hangrui Bi', 'Jialiang Sun', 'Zenan Li', 'Kaiyu Yang', 'Xujie Si'),
             'PyEuclid: A Versatile Formal Plane Geometry System in Python'),
        ]),
        # Room B; chair: Kedar Namjoshi
        ('Networks and Protocols', [
            ('16:00', '16:20', "talk", ('David K. Zhang', 'Alex Aiken'),
             'Automatic Verification of Floating-Point Accumulation Networks'),
            ('16:20', '16:40', "talk", ('Marius Bozga', 'Radu Iosif', 'Arnaud Sangnier', 'Neven Villani'),
             'Counting Abstraction and Decidability for the Verification of Structured Parameterized Networks'),
            ('16:40', '17:00', "talk", ('Yun-Rong Luo', 'Aman Goel', 'Karem Sakallah'),
             'QSM-Cutoff: Systematic Derivation of Quantified Cutoff Formulas for Distributed Protocols'),
            ('17:00', '17:10', "talk", ('Faezeh Labbaf', 'Tomas Kolarik', 'Martin Blicha', 'Grigory Fedyukovich', 'Michael Wand', 'Natasha Sharygina'),
             'Space Explanations of Neural Network Classification'),
            ('17:10', '17:20', "talk", ('Elaine Li', 'Felix Stutz', 'Thomas Wies', 'Damien Zufferey'),
             'SPROUT: A Verifier for Symbolic Multiparty Protocols'),
        ]),
    ]),
]

ABSTRACTS: dict[str, str] = {}

# Slot title -> room (from the box's "Room A"/"Room B"; Reception and Banquet from the grid).
ROOMS = {
    'Opening Remarks': 'Room A',
    'CAV Award Presentation': 'Room A',
    'Through the Looking Glass: Semantic Analysis of Neural Networks': 'Room A',
    'Infinite-state Liveness Checking with rlive': 'Room A',
    'Deeply Optimizing the SAT Solver for the IC3 Algorithm': 'Room A',
    'Property Directed Reachability with Extended Resolution': 'Room A',
    'Introducing Certificates to the Hardware Model Checking Competition': 'Room A',
    'Btor2-Select: Machine Learning Based Algorithm Selection for Hardware Model Checking': 'Room A',
    'Quantitative Supermartingale Certificates': 'Room B',
    'Supermartingale Certificates for Quantitative Omega-regular Verification and Control': 'Room B',
    'Approximate Probabilistic Bisimulation for Continuous-Time Markov Chains': 'Room B',
    'On the Almost-Sure Termination of Probabilistic Counter Programs': 'Room B',
    'POPACheck: A Model Checker for Probabilistic Pushdown Automata': 'Room B',
    'Deductive Synthesis of Reinforcement Learning Agents for Infinite Horizon Tasks': 'Room A',
    'Automata Learning from Preference and Equivalence Queries': 'Room A',
    'Branching Bisimulation Learning': 'Room A',
    'Extending AALpy with Passive Learning: A Generalized State-Merging Approach': 'Room A',
    'LearnLib: 10 years later': 'Room A',
    'A Misconception-Driven Adaptive Tutor for Linear Temporal Logic': 'Room A',
    'GPUMC: A Stateless Model Checker for GPU Weak Memory Concurrency': 'Room B',
    'Counterexample-Guided Commutativity': 'Room B',
    'Scaling Up Proactive Enforcement': 'Room B',
    'An Intermediate Program Representation for Optimizing Stream-Based Languages': 'Room B',
    'PyCaliper: Python-embedded Infrastructure for RTL Verification and Specification Synthesis': 'Room B',
    'Industry Panel - Formal Methods in the GenAI Era': 'Room A',
    'Floating-Point Neural Networks Are Provably Robust Universal Approximators': 'Room A',
    'A Formally Verified Robustness Certifier for Neural Networks': 'Room A',
    'Policy Verification in Stochastic Dynamical Systems Using Logarithmic Neural Certificates': 'Room A',
    'StarV: A Qualitative and Quantitative Verification Tool for Learning-enabled Systems': 'Room A',
    'ModelVerification.jl: a Comprehensive Toolbox for Formally Verifying Deep Neural Networks': 'Room A',
    'NeuralSAT: A High-Performance Verification Tool for Deep Neural Networks': 'Room A',
    'Polyregular Model Checking': 'Room B',
    'Engineering an Efficient Probabilistic Exact Model Counter': 'Room B',
    'Decision Heuristics in MCSat': 'Room B',
    'Veil: A Framework for Automated and Interactive Verification of Transition Systems': 'Room B',
    'The Vampire Diary': 'Room B',
    'Panini: An Efficient and Flexible Knowledge Compiler': 'Room B',
    'Side Channel Secure Software: A Hardware Question': 'Room A',
    'Verifying Tree-Manipulating Programs via CHCs': 'Room A',
    'Automated Verification of Monotonic Data Structure Traversals in C': 'Room A',
    'Arithmetizing Shape Analysis': 'Room A',
    'Raven: An SMT-Based Concurrency Verifier': 'Room A',
    'Fifteen Years of Viper': 'Room A',
    'Report on SYNTCOMP 2025': 'Room B',
    'Scaling GR(1) Synthesis via a Compositional Framework for LTL Discrete Event Control': 'Room B',
    'Counter Example Guided Reactive Synthesis for LTL Modulo Theories': 'Room B',
    'Automatic Synthesis of Smooth Infinite Horizon Paths Satisfying Linear Temporal Logic Specifications': 'Room B',
    'Full LTL Synthesis over Infinite-state Arenas': 'Room B',
    'Issy: A Comprehensive Tool for Specification and Synthesis of Infinite-State Reactive Systems': 'Room B',
    'Automated Verification of Consistency in Zero-Knowledge Proof Circuits': 'Room A',
    'Integer Reasoning Modulo Different Constants in SMT': 'Room A',
    'Structural operational semantics for functional and security verification of pipelined processors': 'Room A',
    'Relational Hoare Logic for Realistically Modelled Machine Code': 'Room A',
    'Efficient Probabilistic Model Checking for Relational Reachability': 'Room B',
    'Verifying PETSc Vector Components Using CIVL': 'Room B',
    'Compositional Abstraction for Timed Systems with Broadcast Synchronization': 'Room B',
    'The rIC3 Hardware Model Checker': 'Room B',
    'HornStr: Invariant Synthesis for Regular Model Checking as Constrained Horn Clauses': 'Room B',
    'Regex Decision Procedures in Extended RE#': 'Room A',
    'Verified and Optimized Implementation of Orthologic Proof Search': 'Room A',
    'Accelerating Automated Program Verifiers by Automatic Proof Localization': 'Room A',
    'Lean-auto: An Interface between Lean 4 and Automated Theorem Provers': 'Room A',
    'Lean-SMT: An SMT tactic for discharging proof goals in Lean': 'Room A',
    'A Formally Verified IEEE 754 Floating-Point Implementation of Interval Iteration for MDPs': 'Room B',
    'INTERLEAVE: A Faster Symbolic Algorithm for Maximal End Component Decomposition': 'Room B',
    'Small Decision Trees for MDPs with Deductive Synthesis': 'Room B',
    'Approximating Fixpoints of Approximated Functions': 'Room B',
    'StatWhy: Formal Verification Tool for Statistical Hypothesis Testing Programs': 'Room B',
    'Cedar: A New Language for Expressive, Fast, Safe, and Analyzable Authorization': 'Room A',
    'Are AI minds genuine minds?': 'Room A',
    'Verifying Fault-Tolerance of Quantum Error Correction Codes': 'Room A',
    'FeynmanDD: Quantum Circuit Analysis with Classical Decision Diagrams': 'Room A',
    'D-Hammer: Efficient Equational Reasoning for Labelled Dirac Notation': 'Room A',
    'Assessing the Quality of Binomial Samplers: A Statistical Distance Framework': 'Room B',
    'Robust Probabilistic Bisimilarity for Labelled Markov Chains': 'Room B',
    'Accelerating Markov Chain Model Checking: Good-for-Games Meets Unambiguous Automata Specifications': 'Room B',
    'On the Complexity of Checking Mixed Isolation Levels for SQL Transactions': 'Room A',
    'Data-driven Verification of Procedural Programs with Integer Arrays': 'Room A',
    'Automated Parameterized Verification of a Railway Protection System with Dafny': 'Room A',
    'Charon: An Analysis Framework for Rust': 'Room A',
    'Surfer – An Extensible Waveform Viewer': 'Room A',
    'PyEuclid: A Versatile Formal Plane Geometry System in Python': 'Room A',
    'Automatic Verification of Floating-Point Accumulation Networks': 'Room B',
    'Counting Abstraction and Decidability for the Verification of Structured Parameterized Networks': 'Room B',
    'QSM-Cutoff: Systematic Derivation of Quantified Cutoff Formulas for Distributed Protocols': 'Room B',
    'Space Explanations of Neural Network Classification': 'Room B',
    'SPROUT: A Verifier for Symbolic Multiparty Protocols': 'Room B',
    'Reception': 'Panorama Room, 17th floor',
    'Banquet': 'restaurant Okrugljak',
}

# Session title -> chairs ("Session Chair:"; the Industry Panel's moderator).
CHAIRS = {
    'Keynote - Corina Păsăreanu': ('Ruzica Piskac',),
    'Hardware Model Checking': ('Natasha Sharygina',),
    'Probabilistic Reasoning I': ('Anne-Kathrin Schmuck',),
    'Synthesis and Learning': ('Mark Santolucito',),
    'Concurrency and Runtime Verification': ('Ahmed Bouajjani',),
    'Industry Panel': ('Scott Shapiro',),
    'Neural Networks': ('Corina Pasareanu',),
    'Model Counting and First-Order Logic': ('Clark Barrett',),
    'Keynote - Roderick Bloem': ('Bernd Finkbeiner',),
    'Data Structures': ('Grigory Fedyukovich',),
    'Reactive Synthesis': ('Barbara Jobstmann',),
    'Cryptography and Security': ('Borzoo Bonakdarpour',),
    'Model Checking': ('Alessandro Cimatti',),
    'Decision Procedures': ('Thomas Wies',),
    'MDPs and Probabilistic Reasoning': ('Joost-Pieter Katoen',),
    'Keynote - Emina Torlak': ('Zvonimir Rakamaric',),
    'Quantum Computing': ('Yu-Fang Chen',),
    'Probabilistic Reasoning II': ('Djordje Zikelic',),
    'Applications': ('Stefan Leue',),
    'Networks and Protocols': ('Kedar Namjoshi',),
}

# Not part of the standard format: the talks the file marks "(Distinguished Paper)".
DISTINGUISHED = (
    'Introducing Certificates to the Hardware Model Checking Competition',
    'A Misconception-Driven Adaptive Tutor for Linear Temporal Logic',
    'The Vampire Diary',
    'The rIC3 Hardware Model Checker',
    'Approximating Fixpoints of Approximated Functions',
    'Robust Probabilistic Bisimilarity for Labelled Markov Chains',
)
