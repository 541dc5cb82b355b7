#!/usr/bin/env python3
"""rolescan's accuracy on labelled data, measured through `classify`.

    bench/eval.py [--rolescan build/rolescan] [--data ../shared/data/dev]
                  [--out docs/quality.md] [--limit N] [--json FILE]
                  [--sets NAME,NAME,...]

Every set in the data folder is run through `rolescan classify --format
jsonl --spans --timing`, exactly as an analyst would run it: the text sets
as JSON Lines records, the resume PDFs as the files themselves. Printed per
set, and written to --out as Markdown: the figures beside naive baselines
(and, for the newer sets, their targets), confusion matrices, the most
common errors and the slowest records. The mappings from the sets' labels
to rolescan's tracks and rungs are written below from the label names
alone; nothing is tuned to rows of the data. --limit takes the first N rows
of each set (N files per category for livecareer; the fast regression
slice); --sets chooses the sets to run (default all); --json writes the
figures for tests/eval/floor.py. The wall time of each set is printed at
the end.

Data (see ../shared/data/README.md), with the names --sets takes:
  titles-occupation           titles-occupation.tsv
  titles-experience-level     titles-experience-level.tsv
  titles-category-experience  titles-category-experience.tsv
  skillspan                   skillspan/*tech*.conll
  level-texts                 level-texts/labels.tsv and its .txt files (line
                              1 and everything up to the first blank line
                              dropped: it names the level); rung exact,
                              within 1 and Spearman over all texts, the
                              out-of-scope count, track accuracy
  livecareer                  livecareer/<CATEGORY>/*.pdf, resumes; scope by
                              category (IT in scope, clearly non-IT out)
  google-postings             google-postings/job_skills.csv (';'-separated);
                              scope by category, and the years required
A missing set is reported and skipped.
"""
import argparse
import collections
import csv
import glob
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time

# ---- label mappings ------------------------------------------------------

# titles-occupation.tsv: occupation -> tracks that count as right. Network
# administrators and project managers are outside our tracks: the right
# answer there is "not an engineering title" (out of scope).
OCCUPATION_TRACKS = {
    # a manager of software developers is on the management track, beside
    # the IC ladder that held such titles before it existed
    "Software_Developer": {"backend", "fullstack", "frontend", "ml", "data", "devops",
                           "mobile", "embedded", "qa", "management"},
    "Java_Developer": {"backend", "fullstack", "mobile"},
    "Python_Developer": {"backend", "fullstack", "data", "ml", "analytics"},
    "Web_Developer": {"frontend", "fullstack", "backend"},
    "Front_End_Developer": {"frontend", "fullstack"},
    "Database_Administrator": {"dba", "data"},
    "Security_Analyst": {"security"},
    "Systems_Administrator": {"devops", "cloud", "sysarch", "itops"},
    # system and network administration is the IT infrastructure track
    "Network_Administrator": {"itops"},
}
# Managing projects is not engineering: the right answer is "out of scope".
OUT_OF_SCOPE_OCCUPATIONS = {"Project_manager"}

# titles-experience-level.tsv: the employer's level -> rungs that agree
# (the mapping of the accuracy issue).
LEVELS = ["Internship", "Entry level", "Associate", "Mid-Senior level", "Director", "Executive"]
LEVEL_RUNGS = {
    "Internship": {1},
    "Entry level": {1},
    "Associate": {1, 2},
    "Mid-Senior level": {2, 3, 4, 5},
    "Director": {6},
    "Executive": {7, 8},
}

# titles-category-experience.tsv: the board's category -> tracks that count
# as right. Categories that are not software engineering (sales, design,
# QA, support, marketing, ...) are outside accuracy.
CATEGORY_TRACKS = {
    "Fullstack": {"fullstack"},
    "DevOps": {"devops", "cloud"},
    "Sysadmin": {"devops", "itops"},
    "QA": {"qa"},
    "QA Automation": {"qa"},
    "Data Analyst": {"analytics"},
    "Embedded": {"embedded"},
    "iOS": {"mobile"},
    "Android": {"mobile"},
    "Flutter": {"mobile"},
    "React Native": {"mobile"},
    "Engineering Manager": {"management"},
    "Python": {"backend", "data", "ml", "fullstack"},
    "Node.js": {"backend", "fullstack"},
    ".NET": {"backend", "fullstack"},
    "Dotnet Desktop": {"backend", "fullstack"},
    "PHP": {"backend", "fullstack"},
    "Java": {"backend", "fullstack"},
    "Golang": {"backend"},
    "Ruby": {"backend", "fullstack"},
    "Scala": {"backend", "data"},
    "Rust": {"backend"},
    "C++": {"backend"},
    "CPP": {"backend"},
    "JavaScript": {"frontend", "fullstack"},
    "Front End": {"frontend", "fullstack"},
    "React.js": {"frontend", "fullstack"},
    "Angular": {"frontend", "fullstack"},
    "Vue.js": {"frontend", "fullstack"},
    "ML AI": {"ml"},
    "Data Science": {"ml", "data", "analytics"},
    "Data Engineer": {"data"},
    "Big Data": {"data"},
    "Security": {"security"},
    "SQL": {"dba", "data"},
    "DBA": {"dba"},
    "Architect": {"backend", "sysarch", "cloud"},
    "Laravel": {"backend", "fullstack"},
    "CTO": {"backend"},
}

SENIORITY_FIRST = [  # the naive title-keyword rule of the accuracy issue
    (("cto", "chief"), 8),
    (("vp",), 7),
    (("director", "head"), 6),
    (("principal", "architect"), 5),
    (("lead", "staff", "manager"), 4),
    (("senior",), 3),
    (("intern", "junior"), 1),
]


# level-texts: the set's track label -> rolescan tracks that count as right
# (README of the set). "general" (ladders not tied to a specialty) is not
# scored for track. A label is scored only when rolescan has at least one
# of its tracks (read from `rolescan roles`); so mobile, qa and management
# drop out unless rolescan grows such tracks.
LEVEL_TEXT_TRACKS = {
    "backend": {"backend"},
    "frontend": {"frontend"},
    "fullstack": {"fullstack"},
    "mobile": {"mobile"},
    "qa": {"qa"},
    "devops": {"devops", "platform", "cloud", "sre"},
    "data": {"data", "analytics"},
    "management": {"management"},
}
# Management texts at gold rung 7 (VP of Engineering) also accept the track
# that holds rolescan's rung-7 role (read from `rolescan roles`); Teleport
# "Systems Engineering" files (labelled backend; "systems" in the file name)
# also accept the devops tracks.
LEVEL_TEXT_SYSTEMS_EXTRA = LEVEL_TEXT_TRACKS["devops"]

# livecareer: the category (folder) -> what scope is right, from the set's
# README: INFORMATION-TECHNOLOGY in scope, these out of scope; the rest
# (ENGINEERING, CONSULTANT, DESIGNER, DIGITAL-MEDIA) mix both and are shown
# for information only.
LIVECAREER_IN = {"INFORMATION-TECHNOLOGY"}
LIVECAREER_OUT = {
    "ACCOUNTANT", "ADVOCATE", "AGRICULTURE", "APPAREL", "ARTS", "AUTOMOBILE", "AVIATION",
    "BANKING", "BPO", "BUSINESS-DEVELOPMENT", "CHEF", "CONSTRUCTION", "FINANCE", "FITNESS",
    "HEALTHCARE", "HR", "PUBLIC-RELATIONS", "SALES", "TEACHER",
}

# google-postings: the employer's Category -> "eng" (engineering: in scope
# expected), "not" (clearly not engineering: out of scope expected) or
# "mixed" (both kinds of job under one name; left out of the scope figures,
# shown for information). Decided from the category names alone:
# engineering, infrastructure and technical-solutions names are "eng";
# sales, marketing, finance, legal, people, admin, real estate, strategy and
# partnerships are "not"; program management, support, technical writing,
# manufacturing and UX & design (designers and researchers beside UX
# engineers) are "mixed". A category not listed counts as "mixed".
GOOGLE_CATEGORIES = {
    "Software Engineering": "eng",
    "Hardware Engineering": "eng",
    "Technical Infrastructure": "eng",
    "Data Center & Network": "eng",
    "IT & Data Management": "eng",
    "Technical Solutions": "eng",
    "Network Engineering": "eng",
    "Developer Relations": "eng",
    "Sales & Account Management": "not",
    "Marketing & Communications": "not",
    "Finance": "not",
    "Legal & Government Relations": "not",
    "People Operations": "not",
    "Administrative": "not",
    "Real Estate & Workplace Services": "not",
    "Business Strategy": "not",
    "Partnerships": "not",
    "Sales Operations": "not",
    "Program Management": "mixed",
    "Product & Customer Support": "mixed",
    "Technical Writing": "mixed",
    "Manufacturing & Supply Chain": "mixed",
    "User Experience & Design": "mixed",
}

# Targets for the newer sets (written into the Markdown beside the figures).
TARGETS = {
    "level_texts_rung_within1": 0.85,
    "level_texts_rung_exact": 0.55,
    "level_texts_spearman": 0.80,
    "level_texts_out_of_scope": 0,          # a count: at most this many
    "level_texts_track_accuracy": 0.85,
    "livecareer_it_in_scope": 0.95,
    "livecareer_non_it_out_of_scope": 0.95,
    "google_engineering_in_scope": 0.90,
    "google_non_engineering_out_of_scope": 0.95,
    "google_must_read_as_must": 0.90,
    "google_preferred_read_as_preferred": 0.90,
    "google_years_required_equal": 0.95,
    "google_no_years_when_none": 0.98,
    "ranking_own_posting_first": 1.0,
}


def google_requirements(rep, a, rows, records, recs):
    """How rolescan reads each posting's requirements (`match --format
    json` against one sample resume): the skills found only in the
    Minimum qualifications column (not in the title, responsibilities or
    preferred) should be must-haves, those only in Preferred
    qualifications preferred; the years asked should be the first "N
    years" of Minimum qualifications, and none where it states none."""
    heads = ("\n\nResponsibilities\n", "\n\nMinimum qualifications\n",
             "\n\nPreferred qualifications\n")
    resume = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples",
                          "resumes", "03-senior-backend.txt")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, r in enumerate(records):
            paths.append(os.path.join(tmp, "p%04d.txt" % i))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(r["text"])
        cmd = [a.rolescan, "match", "--format", "json", "-q", resume] + paths
        if LEXICONS:
            cmd[2:2] = ["--lexicons", LEXICONS]
        p = subprocess.run(cmd, capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit("rolescan match failed (%d): %s" % (p.returncode, p.stderr.decode()[:300]))
    by_name = {os.path.basename(m["posting"]): m
               for m in json.loads(p.stdout.decode("utf-8"))["postings"]}
    must_ok = must_n = pref_ok = pref_n = 0
    years_ok = years_n = none_ok = none_n = 0
    misread = collections.Counter()
    for i, (r, rec, row) in enumerate(zip(records, recs, rows)):
        m = by_name.get("p%04d.txt" % i)
        if not m or m.get("status") != "ok":
            continue
        raw = r["text"].encode("utf-8")
        cuts = [raw.find(h.encode()) for h in heads]
        if min(cuts) < 0:
            continue
        def part(start):
            return 0 if start < cuts[0] else 1 if start < cuts[1] else 2 if start < cuts[2] else 3
        where = collections.defaultdict(set)
        for x in rec.get("matches", []):
            where[x["skill"]].add(part(x["start"]))
        kind = {q["skill"]: q["kind"] for q in m.get("requirements", [])}
        for skill, parts in where.items():
            if parts == {2}:
                must_n += 1
                must_ok += kind.get(skill) == "must"
                if kind.get(skill) != "must":
                    misread[("minimum", kind.get(skill) or "not asked")] += 1
            elif parts == {3}:
                pref_n += 1
                pref_ok += kind.get(skill) == "preferred"
                if kind.get(skill) != "preferred":
                    misread[("preferred", kind.get(skill) or "not asked")] += 1
        got = (m.get("posting_level") or {}).get("years_required")
        y = YEARS_RE.search(row.get("Minimum Qualifications") or "")
        if y:
            years_n += 1
            years_ok += got == int(y.group(1))
        elif not YEARS_RE.search(" ".join(row.get(k) or "" for k in
                                          ("Responsibilities", "Preferred Qualifications"))):
            none_n += 1
            none_ok += got is None
    f = {"google_must_read_as_must": must_ok / must_n if must_n else 0.0,
         "google_preferred_read_as_preferred": pref_ok / pref_n if pref_n else 0.0,
         "google_years_required_equal": years_ok / years_n if years_n else 0.0,
         "google_no_years_when_none": none_ok / none_n if none_n else 0.0}
    rep.line("requirements as `match` reads them (every posting, in scope or not): skills only "
             "under Minimum qualifications read as must-haves **%s**; only under Preferred read "
             "as preferred **%s**; years asked equal to the first \"N years\" of Minimum "
             "qualifications **%s**; no years where no column states any **%s**"
             % (pct(must_ok, must_n), pct(pref_ok, pref_n), pct(years_ok, years_n),
                pct(none_ok, none_n)))
    rep.figures.update(f)
    target_table(rep, [
        ("minimum read as must", f["google_must_read_as_must"] if must_n else None,
         "1.000 (all must)", "google_must_read_as_must"),
        ("preferred read as preferred", f["google_preferred_read_as_preferred"] if pref_n else None,
         "0.000 (all must)", "google_preferred_read_as_preferred"),
        ("years asked equal", f["google_years_required_equal"] if years_n else None,
         "-", "google_years_required_equal"),
        ("no years when none stated", f["google_no_years_when_none"] if none_n else None,
         "1.000 (never any)", "google_no_years_when_none"),
    ])
    rep.table(["count", "column", "rolescan read it as"],
              [[n_, c, k] for (c, k), n_ in misread.most_common(8)],
              "requirements: most common misreadings")


def naive_rung(title):
    """intern/junior -> 1, senior -> 3, lead/staff/manager -> 4,
    principal/architect -> 5, director/head -> 6, VP -> 7, CTO/chief -> 8,
    else 2; the highest rung named wins."""
    t = title.lower()
    words = set("".join(c if c.isalnum() else " " for c in t).split())
    for keys, rung in SENIORITY_FIRST:
        for k in keys:
            if (k in words) if len(k) <= 3 else (k in t):
                return rung
    if "vice president" in t:
        return 7
    return 2


# ---- running rolescan ----------------------------------------------------

def read_lines(path):
    """Lines of a file that is UTF-8 with the odd Latin-1 line."""
    with open(path, "rb") as f:
        for raw in f:
            try:
                yield raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                yield raw.decode("cp1252", errors="replace").rstrip("\r\n")


def read_tsv(path, columns):
    rows = []
    for i, line in enumerate(read_lines(path)):
        if i == 0 or not line.strip():
            continue
        f = line.split("\t")
        if len(f) >= columns:
            rows.append(f)
    return rows


LEXICONS = None   # --lexicons, passed on to rolescan


def classify(rolescan, records, jobs):
    """Runs classify over the records (dicts with id and title/text);
    returns the output records in input order and the wall time."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        path = f.name
    try:
        out, wall = classify_files(rolescan, [path], jobs)
    finally:
        os.unlink(path)
    if len(out) != len(records):
        sys.exit("rolescan classify returned %d records for %d" % (len(out), len(records)))
    return out, wall


def classify_files(rolescan, paths, jobs):
    """Runs classify over files (resume PDFs, or one JSON Lines file);
    returns the output records in input order and the wall time."""
    t0 = time.monotonic()
    cmd = [rolescan, "classify", "--format", "jsonl", "--spans", "--timing", "-q",
           "-j", str(jobs)] + list(paths)
    if LEXICONS:
        cmd[2:2] = ["--lexicons", LEXICONS]
    p = subprocess.run(cmd, capture_output=True)
    wall = time.monotonic() - t0
    if p.returncode not in (0, 1):
        sys.exit("rolescan classify failed (%d): %s" % (p.returncode, p.stderr.decode()[:500]))
    out = [json.loads(l) for l in p.stdout.decode("utf-8").splitlines() if l.strip()]
    return out, wall


def rolescan_tracks(rolescan):
    """rolescan's track ids, and the tracks that hold a rung-7 role, from
    `rolescan roles --format json` when it exists, else the text listing
    (track header lines end with the id in parentheses; role lines start
    with the rung)."""
    base = [rolescan, "roles"] + (["--lexicons", LEXICONS] if LEXICONS else [])
    p = subprocess.run(base + ["--format", "json"], capture_output=True)
    if p.returncode == 0:
        try:
            data = json.loads(p.stdout.decode("utf-8"))
            tracks = data.get("tracks", data) if isinstance(data, dict) else data
            ids, vp = set(), set()
            for t in tracks:
                tid = t.get("id") or t.get("track")
                ids.add(tid)
                if any(r.get("rung") == 7 for r in t.get("roles", [])):
                    vp.add(tid)
            if ids:
                return ids, vp
        except (ValueError, AttributeError, TypeError):
            pass
    p = subprocess.run(base, capture_output=True)
    ids, vp, cur = set(), set(), None
    for line in p.stdout.decode("utf-8", errors="replace").splitlines():
        m = re.match(r"^\S.*\(([A-Za-z0-9_-]+)\)\s*$", line)
        if m and not line.startswith("ladder"):
            cur = m.group(1)
            ids.add(cur)
        elif cur and re.match(r"^\s+7\s", line):
            vp.add(cur)
    return ids, vp


def track_of(rec):
    return rec["track"] if rec["status"] == "ok" else None


def rung_of(rec):
    return rec["rung"] if rec["status"] == "ok" else None


def level_of(rec):
    """The rung when the posting is an engineering one, else the level its
    title states in any field (classify's "seniority")."""
    return rung_of(rec) or rec.get("seniority")


# ---- figures -------------------------------------------------------------

def spearman(xs, ys):
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2.0 + 1
            i = j + 1
        return r
    if len(xs) < 2:
        return 0.0
    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


class Report:
    """Collects Markdown for docs/quality.md and prints as it goes."""

    def __init__(self):
        self.md = []
        self.figures = {}

    def h(self, text):
        print("\n" + text)
        self.md.append("\n## " + text + "\n")

    def line(self, text):
        print("  " + text)
        self.md.append("- " + text)

    def table(self, header, rows, title=None):
        if title:
            print("  " + title)
            self.md.append("\n" + title + "\n")
        widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)] if rows else \
            [len(h) for h in header]
        fmt = "    " + "  ".join("%%-%ds" % w for w in widths)
        print(fmt % tuple(header))
        for r in rows:
            print(fmt % tuple(str(x) for x in r))
        self.md.append("")
        self.md.append("| " + " | ".join(str(h) for h in header) + " |")
        self.md.append("|" + "---|" * len(header))
        for r in rows:
            self.md.append("| " + " | ".join(str(x).replace("|", "\\|") for x in r) + " |")
        self.md.append("")


def pct(a, b):
    return "%.1f%% (%d/%d)" % (100.0 * a / b, a, b) if b else "n/a"


def confusion(rep, title, pairs, gold_order=None, pred_order=None):
    counts = collections.Counter(pairs)
    golds = gold_order or sorted({g for g, _ in pairs})
    preds = pred_order or sorted({p for _, p in pairs}, key=str)
    rows = [[g] + [counts.get((g, p), 0) for p in preds] for g in golds]
    rep.table(["gold \\ rolescan"] + [str(p) for p in preds], rows, title)


def common_errors(rep, errors, n=20):
    top = collections.Counter(errors).most_common(n)
    if top:
        rep.table(["count", "title", "expected", "rolescan"],
                  [[c, t[:70], e, g] for (t, e, g), c in top], "most common errors")


def slowest(rep, records, texts, n=5):
    worst = sorted(range(len(records)), key=lambda i: -records[i].get("micros", 0))[:n]
    rep.table(["µs", "input"], [[records[i].get("micros", 0), texts[i][:70]] for i in worst],
              "slowest records")


# ---- the sets ------------------------------------------------------------

def occupation_set(rep, a, path):
    rows = read_tsv(path, 2)[: a.limit or None]
    recs, wall = classify(a.rolescan, [{"id": str(i), "title": r[0]} for i, r in enumerate(rows)],
                          a.jobs)
    right = total = oos_right = oos_total = 0
    pairs, errors = [], []
    for (title, occ), rec in zip(rows, recs):
        occs = sorted(o.strip() for o in occ.replace(";", ",").split(",") if o.strip())
        want = set().union(*(OCCUPATION_TRACKS.get(o, set()) for o in occs))
        got = track_of(rec)
        pairs.append(("+".join(occs) if len(occs) <= 2 else "several", got or "none"))
        if want:
            total += 1
            right += got in want
            if got not in want:
                errors.append((title.lower(), "/".join(occs), got or "none"))
        elif occs and set(occs) <= OUT_OF_SCOPE_OCCUPATIONS:
            oos_total += 1
            oos_right += got is None
            if got is not None:
                errors.append((title.lower(), "/".join(occs) + " (out of scope)", got))
    rep.h("titles-occupation.tsv — %d titles, %.1f s" % (len(rows), wall))
    rep.line("track accuracy, titles whose occupations map to our tracks: **%s**" % pct(right, total))
    rep.line("out of scope said for project-manager / network-administrator titles: %s"
             % pct(oos_right, oos_total))
    rep.figures["occupation_track_accuracy"] = right / total if total else 0
    rep.figures["occupation_out_of_scope_accuracy"] = oos_right / oos_total if oos_total else 0
    single = [(g, p) for g, p in pairs if "+" not in g and g != "several"]
    confusion(rep, "confusion (titles with one occupation)", single)
    common_errors(rep, errors)
    slowest(rep, recs, [r[0] for r in rows])


def level_set(rep, a, path):
    rows = [r for r in read_tsv(path, 2) if r[1] in LEVEL_RUNGS][: a.limit or None]
    recs, wall = classify(a.rolescan, [{"id": str(i), "title": r[0]} for i, r in enumerate(rows)],
                          a.jobs)
    ours = collections.Counter()
    naive = collections.Counter()
    per_level = collections.Counter()
    pairs, errors = [], []
    read = 0
    for (title, level), rec in zip(rows, recs):
        rung = level_of(rec)
        read += rung_of(rec) is not None
        per_level[level] += 1
        ok = rung in LEVEL_RUNGS[level]
        ours[level] += ok
        naive[level] += naive_rung(title) in LEVEL_RUNGS[level]
        pairs.append((level, rung or "none"))
        if not ok:
            errors.append((title.lower(), level, rung or "none"))
    n = len(rows)
    acc = sum(ours.values()) / n if n else 0
    nacc = sum(naive.values()) / n if n else 0
    present = [l for l in LEVELS if per_level[l]]
    macro = sum(ours[l] / per_level[l] for l in present) / len(present) if present else 0
    nmacro = sum(naive[l] / per_level[l] for l in present) / len(present) if present else 0
    rep.h("titles-experience-level.tsv — %d titles, %.1f s" % (n, wall))
    rep.line("read as engineering titles (a track and rung): %s" % pct(read, n))
    rep.line("level accuracy: **%.3f**; naive keyword rule: %.3f" % (acc, nacc))
    rep.line("level macro recall over the six levels: **%.3f**; naive rule: %.3f (difference %+.3f)"
             % (macro, nmacro, macro - nmacro))
    rep.figures.update(level_accuracy=acc, level_macro_recall=macro, naive_level_accuracy=nacc,
                       naive_level_macro_recall=nmacro)
    rep.table(["level", "titles", "rolescan recall", "naive recall"],
              [[l, per_level[l], "%.3f" % (ours[l] / per_level[l]),
                "%.3f" % (naive[l] / per_level[l])] for l in present], "recall per level")
    confusion(rep, "confusion (level × rung given)", pairs, present,
              [1, 2, 3, 4, 5, 6, 7, 8, "none"])
    common_errors(rep, errors)
    slowest(rep, recs, [r[0] for r in rows])


def category_set(rep, a, path):
    rows = read_tsv(path, 3)[: a.limit or None]
    recs, wall = classify(a.rolescan, [{"id": str(i), "title": r[0]} for i, r in enumerate(rows)],
                          a.jobs)
    right = total = 0
    pairs, errors = [], []
    rungs, naive, months = [], [], []
    for (title, cat, m), rec in zip(rows, recs):
        got = track_of(rec)
        if cat in CATEGORY_TRACKS:
            total += 1
            right += got in CATEGORY_TRACKS[cat]
            pairs.append((cat, got or "none"))
            if got not in CATEGORY_TRACKS[cat]:
                errors.append((title.lower(), cat, got or "none"))
        if cat in CATEGORY_TRACKS and m.strip().isdigit():
            rungs.append(level_of(rec) or 2)
            naive.append(naive_rung(title))
            months.append(int(m))
    rho, nrho = spearman(rungs, months), spearman(naive, months)
    rep.h("titles-category-experience.tsv — %d titles, %.1f s" % (len(rows), wall))
    rep.line("track accuracy on software-engineering categories: **%s**" % pct(right, total))
    rep.line("Spearman(rung, required months) over the %d software-engineering titles "
             "with months: **%.3f**; naive rule: %.3f"
             % (len(months), rho, nrho))
    rep.figures.update(category_track_accuracy=right / total if total else 0, spearman=rho,
                       naive_spearman=nrho)
    confusion(rep, "confusion (category × track)", pairs)
    common_errors(rep, errors)
    slowest(rep, recs, [r[0] for r in rows])


def read_conll(path):
    """Sentences as (tokens, skill tags, knowledge tags)."""
    sents, cur = [], []
    for line in read_lines(path):
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        f = line.split("\t")
        if len(f) >= 3:
            cur.append((f[0], f[1], f[2]))
    if cur:
        sents.append(cur)
    return sents


def spans_of(tags):
    """Token spans [a, b) of B-/I- runs."""
    out, start = [], None
    for i, t in enumerate(tags + ["O"]):
        if start is not None and not t.startswith("I-"):
            out.append((start, i))
            start = None
        if t.startswith("B-") or (t.startswith("I-") and start is None):
            start = i
    return out


def skillspan_set(rep, a, paths):
    sents = []
    for p in paths:
        sents += read_conll(p)
    sents = sents[: a.limit or None]
    records, offsets = [], []
    for i, s in enumerate(sents):
        text, offs, pos = [], [], 0
        for tok, _, _ in s:
            b = len(tok.encode("utf-8"))
            offs.append((pos, pos + b))
            text.append(tok)
            pos += b + 1
        records.append({"id": str(i), "text": " ".join(text)})
        offsets.append(offs)
    recs, wall = classify(a.rolescan, records, a.jobs)
    ours = correct = gold_k = found_k = 0
    missed = collections.Counter()
    wrong = collections.Counter()
    for s, offs, rec in zip(sents, offsets, recs):
        toks = [t for t, _, _ in s]
        gold_any = spans_of([sk for _, sk, _ in s]) + spans_of([kn for _, _, kn in s])
        gold_kn = spans_of([kn for _, _, kn in s])
        covered = [False] * len(s)
        for a_, b_ in gold_any:
            for k in range(a_, b_):
                covered[k] = True
        hit_tokens = set()
        for m in rec.get("matches", []):
            toks_in = [k for k, (x, y) in enumerate(offs) if x < m["end"] and y > m["start"]]
            ours += 1
            if any(covered[k] for k in toks_in):
                correct += 1
            else:
                wrong[(" ".join(toks[k] for k in toks_in).lower(), m["skill"])] += 1
            hit_tokens.update(toks_in)
        for a_, b_ in gold_kn:
            gold_k += 1
            if any(k in hit_tokens for k in range(a_, b_)):
                found_k += 1
            else:
                missed[" ".join(toks[a_:b_]).lower()] += 1
    prec = correct / ours if ours else 0
    rec_k = found_k / gold_k if gold_k else 0
    rep.h("SkillSpan tech (%s) — %d sentences, %.1f s"
          % (", ".join(os.path.basename(p) for p in paths), len(sents), wall))
    rep.line("skill precision (our matches overlapping a gold SKILL or KNOWLEDGE span): **%.3f** (%d/%d)"
             % (prec, correct, ours))
    rep.line("knowledge recall (gold KNOWLEDGE spans we overlap): **%.3f** (%d/%d)"
             % (rec_k, found_k, gold_k))
    rep.figures.update(skill_precision=prec, knowledge_recall=rec_k)
    rep.table(["count", "knowledge span missed"],
              [[c, t[:70]] for t, c in missed.most_common(60)], "knowledge spans missed most often")
    rep.table(["count", "matched words", "skill"],
              [[c, t[:50], sk] for (t, sk), c in wrong.most_common(60)],
              "our matches outside every gold span, most often")
    slowest(rep, recs, [r["text"] for r in records])


# ---- the newer sets: texts, resume PDFs, postings -------------------------

def fig(x):
    return "%.3f" % x if isinstance(x, float) else str(x)


def target_table(rep, rows):
    """rows: (figure name, rolescan value, naive baseline text, key in
    TARGETS or None); a count target is "at most", the others "at least"."""
    out = []
    for name, value, naive, key in rows:
        if value is None:
            out.append([name, "n/a", naive, "-", "-"])
            continue
        if key in TARGETS:
            t = TARGETS[key]
            counted = isinstance(t, int)
            target = ("<= %d" if counted else ">= %.2f") % t
            met = "yes" if (value <= t if counted else value >= t) else "no"
        else:
            target, met = "-", "-"
        out.append([name, fig(value), naive, target, met])
    rep.table(["figure", "rolescan", "naive baseline", "target", "met"], out,
              "figures, naive baselines and targets")


def level_texts_set(rep, a, folder):
    labels = os.path.join(folder, "labels.tsv")
    rows = []
    with open(labels, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        col = {n: i for i, n in enumerate(head)}
        for line in f:
            x = line.rstrip("\n").split("\t")
            if len(x) == len(head):
                rows.append((x[col["file"]], x[col["track"]], int(x[col["rung"]])))
    rows = rows[: a.limit or None]
    records = []
    for i, (name, _, _) in enumerate(rows):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        cut = re.search(r"\n[ \t]*\n", text)     # line 1 names the level: drop it
        records.append({"id": str(i), "text": text[cut.end():] if cut else ""})
    recs, wall = classify(a.rolescan, records, a.jobs)
    known, vp_tracks = rolescan_tracks(a.rolescan)
    n = len(rows)
    exact = within = oos = errs = 0
    gold_r, pred_r, pairs, worst = [], [], [], []
    track_right = track_total = 0
    gold_tracks = collections.Counter()
    track_pairs = []
    for (name, track, rung), rec in zip(rows, recs):
        got = rung_of(rec)
        exact += got == rung
        within += got is not None and abs(got - rung) <= 1
        oos += rec["status"] == "out_of_scope"
        errs += rec["status"] == "error"
        gold_r.append(rung)
        pred_r.append(got or 0)
        pairs.append((rung, got or "none"))
        if got != rung:
            worst.append((9 if got is None else abs(got - rung), name, rung,
                          got if got is not None else rec["status"], rec.get("role") or "-"))
        want = set(LEVEL_TEXT_TRACKS.get(track, set()))
        if track == "management" and rung == 7:
            want |= vp_tracks
        if "systems" in name:
            want |= LEVEL_TEXT_SYSTEMS_EXTRA
        if want & known:
            track_total += 1
            tr = track_of(rec)
            track_right += tr in want
            gold_tracks[track] += 1
            track_pairs.append((track, tr or "none"))
    majority = collections.Counter(gold_r).most_common(1)[0][0] if n else 0
    m_exact = sum(g == majority for g in gold_r)
    m_within = sum(abs(g - majority) <= 1 for g in gold_r)
    m_track = gold_tracks.most_common(1)[0] if gold_tracks else ("-", 0)
    rho = spearman(pred_r, gold_r)
    f_exact = exact / n if n else 0.0
    f_within = within / n if n else 0.0
    f_track = track_right / track_total if track_total else 0.0
    rep.h("level-texts — %d level descriptions, %.1f s" % (n, wall))
    rep.line("rung exact over all texts: **%s**; always rung %d: %s"
             % (pct(exact, n), majority, pct(m_exact, n)))
    rep.line("rung within 1 over all texts: **%s**; always rung %d: %s"
             % (pct(within, n), majority, pct(m_within, n)))
    rep.line("Spearman(rung, gold) over all texts (0 for no rung): **%.3f**; a constant rung: 0"
             % rho)
    rep.line("out of scope: **%d** of %d (errors: %d)" % (oos, n, errs))
    rep.line("track accuracy where rolescan has the label's track (%s): **%s**; always %s: %s"
             % (", ".join("%s %d" % kv for kv in sorted(gold_tracks.items())),
                pct(track_right, track_total), m_track[0], pct(m_track[1], track_total)))
    rep.figures.update(
        level_texts_rung_exact=f_exact, level_texts_rung_within1=f_within,
        level_texts_spearman=rho, level_texts_out_of_scope=oos,
        level_texts_track_accuracy=f_track,
        naive_level_texts_rung_exact=m_exact / n if n else 0.0,
        naive_level_texts_rung_within1=m_within / n if n else 0.0,
        naive_level_texts_track_accuracy=m_track[1] / track_total if track_total else 0.0)
    target_table(rep, [
        ("rung within 1", f_within, "%.3f (always %d)" % (m_within / n if n else 0, majority),
         "level_texts_rung_within1"),
        ("rung exact", f_exact, "%.3f (always %d)" % (m_exact / n if n else 0, majority),
         "level_texts_rung_exact"),
        ("Spearman", rho, "0 (constant)", "level_texts_spearman"),
        ("out of scope (count)", oos, "0 (always a rung)", "level_texts_out_of_scope"),
        ("track accuracy", f_track, "%.3f (always %s)"
         % (m_track[1] / track_total if track_total else 0, m_track[0]),
         "level_texts_track_accuracy"),
    ])
    confusion(rep, "confusion (gold rung × rolescan rung)", pairs,
              sorted({g for g, _ in pairs}), [1, 2, 3, 4, 5, 6, 7, 8, "none"])
    confusion(rep, "confusion (gold track × rolescan track, scored texts)", track_pairs)
    worst.sort(key=lambda w: (-w[0], w[1]))
    rep.table(["file", "gold", "rolescan", "role"],
              [[w[1], w[2], w[3], w[4]] for w in worst[:20]], "worst rung errors")
    slowest(rep, recs, [r[0] for r in rows])


def own_words(message):
    """rolescan's message up to its first quotation: what it quotes is the
    resume's text, which stays out of the report."""
    return (message or "").split('"')[0].split("(")[0].strip()[:90]


def livecareer_set(rep, a, folder):
    cats = sorted(d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d)))
    files = []
    for c in cats:
        pdfs = sorted(glob.glob(os.path.join(folder, c, "*.pdf")))[: a.limit or None]
        files += [(c, p) for p in pdfs]
    recs, wall = classify_files(a.rolescan, [p for _, p in files], a.jobs)
    if len(recs) != len(files):
        sys.exit("rolescan classify returned %d records for %d" % (len(recs), len(files)))
    per = collections.defaultdict(collections.Counter)
    tracks = collections.defaultdict(collections.Counter)
    non_it_tracks = collections.Counter()
    it_missed, failed = [], []
    for (c, p), rec in zip(files, recs):
        if rec["status"] == "error":
            failed.append((c, os.path.basename(p), own_words(rec.get("message"))))
        per[c][rec["status"]] += 1
        per[c]["n"] += 1
        if rec["status"] == "ok":
            tracks[c][rec["track"]] += 1
            if c in LIVECAREER_OUT:
                non_it_tracks[rec["track"]] += 1
        elif c in LIVECAREER_IN:
            it_missed.append((os.path.basename(p), rec["status"], own_words(rec.get("message"))))

    def total(group, key):
        return sum(per[c][key] for c in cats if c in group)
    it_n, it_ok, it_err = total(LIVECAREER_IN, "n"), total(LIVECAREER_IN, "ok"), \
        total(LIVECAREER_IN, "error")
    no_n, no_out, no_err = total(LIVECAREER_OUT, "n"), total(LIVECAREER_OUT, "out_of_scope"), \
        total(LIVECAREER_OUT, "error")
    f_in = it_ok / it_n if it_n else 0.0
    f_out = no_out / no_n if no_n else 0.0
    rep.h("livecareer — %d resume PDFs in %d categories, %.1f s" % (len(files), len(cats), wall))
    rep.line("INFORMATION-TECHNOLOGY in scope (status ok): **%s** (errors: %d); "
             "everything in scope: 1.000, everything out: 0.000" % (pct(it_ok, it_n), it_err))
    rep.line("clearly non-IT categories out of scope: **%s** (errors: %d); "
             "everything in scope: 0.000, everything out: 1.000" % (pct(no_out, no_n), no_err))
    rep.line("tracks given to in-scope non-IT resumes: %s"
             % (", ".join("%s %d" % kv for kv in non_it_tracks.most_common()) or "none"))
    rep.figures.update(livecareer_it_in_scope=f_in, livecareer_non_it_out_of_scope=f_out,
                       livecareer_errors=sum(per[c]["error"] for c in cats))
    target_table(rep, [
        ("IT in scope", f_in if it_n else None, "1.000 (all in) / 0.000 (all out)", "livecareer_it_in_scope"),
        ("non-IT out of scope", f_out if no_n else None, "0.000 (all in) / 1.000 (all out)",
         "livecareer_non_it_out_of_scope"),
    ])

    def group(c):
        return "IT" if c in LIVECAREER_IN else "non-IT" if c in LIVECAREER_OUT else "mixed (info)"
    order = sorted(cats, key=lambda c: ({"IT": 0, "non-IT": 1}.get(group(c), 2),
                                        -per[c]["ok"] / max(per[c]["n"], 1), c))
    rep.table(["category", "scope read", "files", "in scope", "out of scope", "errors",
               "in-scope rate", "tracks given"],
              [[c, group(c), per[c]["n"], per[c]["ok"], per[c]["out_of_scope"], per[c]["error"],
                "%.3f" % (per[c]["ok"] / per[c]["n"]) if per[c]["n"] else "n/a",
                ", ".join("%s %d" % kv for kv in tracks[c].most_common(4))] for c in order],
              "per category (by in-scope rate within each scope reading)")
    if it_missed:
        rep.table(["file", "status", "rolescan's message"], [list(x) for x in it_missed[:15]],
                  "INFORMATION-TECHNOLOGY resumes not in scope (first 15)")
    if failed:
        rep.table(["category", "file", "rolescan's message"], [list(x) for x in failed[:15]],
                  "errors (first 15)")
    slowest(rep, recs, ["%s/%s" % (c, os.path.basename(p)) for c, p in files])
    person_names(rep, a, [p for _, p in files])


def person_names(rep, a, paths):
    """Whose resume it is (score's "person", the report's heading): the set
    is anonymised, its first line a job title ("ENGLISH TEACHER"), so
    every name claimed is either one the anonymisation missed or a job, a
    heading or a skill taken for a name. The claims are counted here and
    read by hand (docs/accuracy.md); no name is printed."""
    cmd = [a.rolescan, "score", "--format", "jsonl", "-q"] + paths
    if LEXICONS:
        cmd[2:2] = ["--lexicons", LEXICONS]
    t0 = time.monotonic()
    p = subprocess.run(cmd, capture_output=True)
    wall = time.monotonic() - t0
    docs = [json.loads(l) for l in p.stdout.decode("utf-8").splitlines() if l.strip()]
    ok = [d for d in docs if d.get("status") == "ok"]
    claimed = [d for d in ok if d.get("person")]
    by_line = collections.Counter(d["person"]["line"] for d in claimed)
    rep.line("whose resume it is: a name claimed for **%d of %d** resumes read (%.1f s; "
             "naive \"first line is the name\": %d of %d); lines: %s"
             % (len(claimed), len(ok), wall, len(ok), len(ok),
                ", ".join("line %d: %d" % kv for kv in sorted(by_line.items())) or "none"))
    rep.figures.update(livecareer_person_claimed=len(claimed))


YEARS_RE = re.compile(r"\b(\d+)\+?\s*-?\s*years?\b(?!\s+(?:BA|BS|degree|program))", re.I)


def google_set(rep, a, path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))[: a.limit or None]
    records = []
    for i, r in enumerate(rows):
        title = (r.get("Title") or "").strip()
        text = "%s\n\nResponsibilities\n%s\n\nMinimum qualifications\n%s\n\nPreferred qualifications\n%s" \
            % (title, (r.get("Responsibilities") or "").strip(),
               (r.get("Minimum Qualifications") or "").strip(),
               (r.get("Preferred Qualifications") or "").strip())
        records.append({"id": str(i), "title": title, "text": text})
    recs, wall = classify(a.rolescan, records, a.jobs)
    per = collections.defaultdict(collections.Counter)
    tracks = collections.defaultdict(collections.Counter)
    years_ok = years_n = years_null = 0
    years_ok_in = years_n_in = 0
    years_pairs = collections.Counter()
    gold_years = collections.Counter()
    for r, rec in zip(rows, recs):
        c = (r.get("Category") or "").strip()
        per[c][rec["status"]] += 1
        per[c]["n"] += 1
        if rec["status"] == "ok":
            tracks[c][rec["track"]] += 1
        m = YEARS_RE.search(r.get("Minimum Qualifications") or "")
        if m:
            want, got = int(m.group(1)), rec.get("years_required")
            years_n += 1
            years_ok += got == want
            years_null += got is None
            if rec["status"] == "ok":
                years_n_in += 1
                years_ok_in += got == want
            gold_years[want] += 1
            if got != want:
                years_pairs[(want, got if got is not None else "none")] += 1

    def kind(c):
        return GOOGLE_CATEGORIES.get(c, "mixed")
    cats = sorted(per, key=lambda c: ({"eng": 0, "not": 1}.get(kind(c), 2),
                                      -per[c]["ok"] / per[c]["n"], c))
    eng_n = sum(per[c]["n"] for c in cats if kind(c) == "eng")
    eng_ok = sum(per[c]["ok"] for c in cats if kind(c) == "eng")
    not_n = sum(per[c]["n"] for c in cats if kind(c) == "not")
    not_out = sum(per[c]["out_of_scope"] for c in cats if kind(c) == "not")
    errs = sum(per[c]["error"] for c in cats)
    f_in = eng_ok / eng_n if eng_n else 0.0
    f_out = not_out / not_n if not_n else 0.0
    f_years = years_ok / years_n if years_n else 0.0
    common_y = gold_years.most_common(1)[0] if gold_years else (0, 0)
    rep.h("google-postings — %d postings, %.1f s" % (len(rows), wall))
    rep.line("engineering categories in scope: **%s**; everything in scope: 1.000, "
             "everything out: 0.000" % pct(eng_ok, eng_n))
    rep.line("clearly non-engineering categories out of scope: **%s**; everything in scope: "
             "0.000, everything out: 1.000" % pct(not_out, not_n))
    rep.line("years required equal to the first \"N years\" of Minimum qualifications: **%s** "
             "(no years given: %d); always %d: %s"
             % (pct(years_ok, years_n), years_null, common_y[0], pct(common_y[1], years_n)))
    rep.line("the same over the postings rolescan took in scope: %s" % pct(years_ok_in, years_n_in))
    rep.line("errors: %d" % errs)
    rep.figures.update(google_engineering_in_scope=f_in,
                       google_non_engineering_out_of_scope=f_out, google_years_accuracy=f_years,
                       google_years_accuracy_in_scope=years_ok_in / years_n_in if years_n_in else 0.0,
                       naive_google_years_accuracy=common_y[1] / years_n if years_n else 0.0)
    target_table(rep, [
        ("engineering in scope", f_in if eng_n else None, "1.000 (all in) / 0.000 (all out)",
         "google_engineering_in_scope"),
        ("non-engineering out of scope", f_out if not_n else None,
         "0.000 (all in) / 1.000 (all out)", "google_non_engineering_out_of_scope"),
        ("years required", f_years if years_n else None, "%.3f (always %d)"
         % (common_y[1] / years_n if years_n else 0, common_y[0]), None),
    ])
    rep.table(["category", "reading", "postings", "in scope", "out of scope", "errors",
               "in-scope rate", "tracks given"],
              [[c, kind(c), per[c]["n"], per[c]["ok"], per[c]["out_of_scope"], per[c]["error"],
                "%.3f" % (per[c]["ok"] / per[c]["n"]),
                ", ".join("%s %d" % kv for kv in tracks[c].most_common(3))] for c in cats],
              "per category (eng: in scope expected; not: out expected; mixed: information)")
    rep.table(["count", "years stated", "rolescan"],
              [[n_, w, g] for (w, g), n_ in years_pairs.most_common(15)],
              "years required: most common disagreements")
    google_requirements(rep, a, rows, records, recs)
    # rows by number and category: the set's text stays out of the report
    slowest(rep, recs, ["record %d (%s)" % (i + 1, (r.get("Category") or "").strip())
                        for i, r in enumerate(rows)])


WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]")


def words_of(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return set(WORD.findall(f.read().lower()))


def auc(scores, labels):
    """Probability that a relevant item outscores an irrelevant one; ties
    count one half (Mann-Whitney)."""
    pos = [s for s, l in zip(scores, labels) if l]
    neg = [s for s, l in zip(scores, labels) if not l]
    if not pos or not neg:
        return None, 0
    wins = ties = 0
    for p in pos:
        for n in neg:
            wins += p > n
            ties += p == n
    return (wins + 0.5 * ties) / (len(pos) * len(neg)), ties


def match_scores(rolescan, resume, postings):
    cmd = [rolescan, "match", "--format", "csv", resume] + postings
    if LEXICONS:
        cmd[2:2] = ["--lexicons", LEXICONS]
    p = subprocess.run(cmd, capture_output=True)
    if p.returncode not in (0, 2):
        sys.exit("rolescan match failed (%d): %s" % (p.returncode, p.stderr.decode()[:300]))
    rows = csv.DictReader(io.StringIO(p.stdout.decode("utf-8")))
    return {os.path.basename(r["posting"]): float(r["score"] or 0) for r in rows}


def ranking_set(rep, a, folder):
    """Ranking: the sample resumes against 40 labelled postings written
    for this check (tests/data/ranking; labels fixed before scoring, see
    its README). AUC per resume: how often a posting labelled relevant
    scores above one labelled not; the naive baseline counts the distinct
    words the resume and the posting share. Also: does each sample resume
    rank its own sample posting (samples/README.md) first?"""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    labels = collections.defaultdict(dict)
    with open(os.path.join(folder, "labels.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            labels[r["resume"]][r["posting"]] = int(r["relevant"])
    track = {}   # posting -> track, from the README's table of postings
    with open(os.path.join(folder, "README.md"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\| `([^`]+)` \| [^|]+ \| ([^|]+?) \|", line)
            if m:
                track[m.group(1)] = m.group(2)
    pdir = os.path.join(folder, "postings")
    names = sorted(os.listdir(pdir))
    paths = [os.path.join(pdir, n) for n in names]
    pwords = {n: words_of(p) for n, p in zip(names, paths)}
    rep.h("ranking — %d sample resumes × %d labelled postings" % (len(labels), len(names)))
    rows, ours, naive, all_ties, all_pairs = [], [], [], 0, 0
    ours_tr, naive_tr = [], []
    for resume in sorted(labels):
        rpath = os.path.join(root, "samples", "resumes", resume)
        scores = match_scores(a.rolescan, rpath, paths)
        rw = words_of(rpath)
        lab = [labels[resume][n] for n in names]
        ours_auc, ties = auc([scores.get(n, 0.0) for n in names], lab)
        base_auc, _ = auc([len(rw & pwords[n]) for n in names], lab)
        # the hard part: relevant postings against the others of their track
        tracks = {track.get(n) for n in names if labels[resume][n]}
        same = [n for n in names if track.get(n) in tracks]
        same_lab = [labels[resume][n] for n in same]
        ours_same, _ = auc([scores.get(n, 0.0) for n in same], same_lab)
        base_same, _ = auc([len(rw & pwords[n]) for n in same], same_lab)
        if ours_same is not None:
            ours_tr.append(ours_same)
            naive_tr.append(base_same)
        best = max(names, key=lambda n: (scores.get(n, 0.0), n))
        ours.append(ours_auc)
        naive.append(base_auc)
        npos = sum(lab)
        all_ties += ties
        all_pairs += npos * (len(lab) - npos)
        rows.append([resume, npos, fig(ours_auc), fig(base_auc),
                     "%d: %s / %s" % (len(same), fig(ours_same) if ours_same is not None else "-",
                                      fig(base_same) if base_same is not None else "-"),
                     ties, "%s%s" % (best, " (relevant)" if labels[resume][best] else "")])
    rep.table(["resume", "relevant", "AUC rolescan", "AUC shared words",
               "same track: postings, AUC rolescan / shared words", "tied pairs",
               "ranked first"], rows, "AUC per resume")
    mean = sum(ours) / len(ours)
    base = sum(naive) / len(naive)
    rep.figures["ranking_mean_auc"] = mean
    rep.figures["ranking_mean_auc_shared_words"] = base
    rep.figures["ranking_tied_pairs"] = all_ties / all_pairs if all_pairs else 0.0
    same_mean = sum(ours_tr) / len(ours_tr) if ours_tr else None
    same_base = sum(naive_tr) / len(naive_tr) if naive_tr else None
    rep.figures["ranking_same_track_auc"] = same_mean
    top1 = sum(1 for r in rows if r[6].endswith("(relevant)"))
    rep.figures["ranking_first_is_relevant"] = top1 / len(rows)
    own = own_posting_first(a, root)
    rep.figures["ranking_own_posting_first"] = own
    target_table(rep, [
        ("mean AUC per resume", mean, "shared words %s" % fig(base), None),
        ("mean AUC within the relevant postings' track (%d resumes)" % len(ours_tr), same_mean,
         "shared words %s" % fig(same_base) if same_base is not None else "-", None),
        ("pairs tied", rep.figures["ranking_tied_pairs"], "-", None),
        ("first-ranked posting is relevant", top1 / len(rows), "-", None),
        ("sample resume ranks its own sample posting first", own, "-",
         "ranking_own_posting_first"),
    ])


def own_posting_first(a, root):
    """samples/README.md pairs each resume with a posting: the share of
    those resumes that rank it first among all sample postings."""
    pairs = []
    with open(os.path.join(root, "samples", "README.md"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\| `(\d\d-[^`]+)` \|.*\| `(\d\d-[^`]+)`", line)
            if m:
                pairs.append((m.group(1), m.group(2)))
    pairs = [(r, p) for r, p in pairs if os.path.exists(os.path.join(root, "samples", "resumes", r))]
    postings = sorted(glob.glob(os.path.join(root, "samples", "postings", "*")))
    hits = 0
    for resume, posting in pairs:
        scores = match_scores(a.rolescan, os.path.join(root, "samples", "resumes", resume), postings)
        hits += max(scores, key=lambda n: (scores[n], n)) == posting
    return hits / len(pairs) if pairs else 0.0


SETS = ["titles-occupation", "titles-experience-level", "titles-category-experience",
        "skillspan", "level-texts", "livecareer", "google-postings", "ranking"]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rolescan", default=os.path.join(root, "build", "rolescan"))
    ap.add_argument("--data", default=os.path.join(root, "..", "shared", "data", "dev"))
    ap.add_argument("--out", help="write the report as Markdown here (e.g. docs/quality.md)")
    ap.add_argument("--json", help="write the figures as JSON here")
    ap.add_argument("--limit", type=int, default=0, help="first N rows of each set (N files per category for livecareer)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--lexicons", help="lexicon folder (default: rolescan's own)")
    ap.add_argument("--sets", default=",".join(SETS),
                    help="comma-separated sets to run (default all: %s)" % ",".join(SETS))
    a = ap.parse_args()
    global LEXICONS
    LEXICONS = a.lexicons
    chosen = [x.strip() for x in a.sets.split(",") if x.strip()]
    unknown = [x for x in chosen if x not in SETS]
    if unknown:
        sys.exit("eval: unknown set(s) %s; known: %s" % (", ".join(unknown), ", ".join(SETS)))
    if not os.access(a.rolescan, os.X_OK):
        sys.exit("eval: no rolescan at %s (build it, or pass --rolescan)" % a.rolescan)
    rep = Report()
    walls = []

    def run(name, fn, p, exists):
        if name not in chosen:
            return
        if not exists:
            print("eval: %s missing, skipped" % p, file=sys.stderr)
            return
        t0 = time.monotonic()
        fn(rep, a, p)
        walls.append((name, time.monotonic() - t0))

    for name, fn in [("titles-occupation", occupation_set),
                     ("titles-experience-level", level_set),
                     ("titles-category-experience", category_set)]:
        p = os.path.join(a.data, name + ".tsv")
        run(name, fn, p, os.path.exists(p))
    if "skillspan" in chosen:
        tech = sorted(glob.glob(os.path.join(a.data, "skillspan", "*tech*.conll")))
        if tech:
            run("skillspan", skillspan_set, tech, True)
        else:
            print("eval: no skillspan/*tech*.conll in %s, skipped" % a.data, file=sys.stderr)
    p = os.path.join(a.data, "level-texts")
    run("level-texts", level_texts_set, p, os.path.exists(os.path.join(p, "labels.tsv")))
    p = os.path.join(a.data, "livecareer")
    run("livecareer", livecareer_set, p, os.path.isdir(p))
    p = os.path.join(a.data, "google-postings", "job_skills.csv")
    run("google-postings", google_set, p, os.path.exists(p))
    p = os.path.join(root, "tests", "data", "ranking")
    run("ranking", ranking_set, p, os.path.exists(os.path.join(p, "labels.tsv")))
    if walls:
        print("\nwall time per set")
        for name, w in walls:
            print("  %-28s %7.1f s" % (name, w))
    if a.out:
        with open(a.out + ".tmp", "w", encoding="utf-8") as f:
            f.write(QUALITY_HEAD % {"data": os.path.relpath(a.data, root)})
            f.write("\n".join(rep.md) + "\n")
        os.replace(a.out + ".tmp", a.out)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(rep.figures, f, indent=2, sort_keys=True)


QUALITY_HEAD = """# Quality: rolescan measured on labelled data

Written by `bench/eval.py --out docs/quality.md` (data: `%(data)s`); every
figure below comes from `rolescan classify --format jsonl` over the set, as an
analyst would run it. The label mappings are in `bench/eval.py`; the
discussion of targets and label noise is in `docs/accuracy.md`.
"""

if __name__ == "__main__":
    main()
