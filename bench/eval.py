#!/usr/bin/env python3
"""rolescan's accuracy on labelled data, measured through `classify`.

    bench/eval.py [--rolescan build/rolescan] [--data ../shared/data/dev]
                  [--out docs/quality.md] [--limit N] [--json FILE]

Every set in the data folder is written as JSON Lines records and run
through `rolescan classify --format jsonl --spans --timing`, exactly as an
analyst would run it. Printed per set, and written to --out as Markdown:
the figures, their confusion matrices, the most common errors and the
slowest records. The mappings from the sets' labels to rolescan's tracks
and rungs are written below from the label names alone; nothing is tuned to
rows of the data. --limit takes the first N rows of each set (the fast
regression slice); --json writes the figures for tests/eval/floor.py.

Data (see ../shared/data/README.md): titles-occupation.tsv,
titles-experience-level.tsv, titles-category-experience.tsv and
skillspan/*tech*.conll. A missing set is reported and skipped.
"""
import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

# ---- label mappings ------------------------------------------------------

# titles-occupation.tsv: occupation -> tracks that count as right. Network
# administrators and project managers are outside our tracks: the right
# answer there is "not an engineering title" (out of scope).
OCCUPATION_TRACKS = {
    "Software_Developer": {"backend", "fullstack", "frontend", "ml", "data", "devops"},
    "Java_Developer": {"backend", "fullstack"},
    "Python_Developer": {"backend", "fullstack", "data", "ml"},
    "Web_Developer": {"frontend", "fullstack", "backend"},
    "Front_End_Developer": {"frontend", "fullstack"},
    "Database_Administrator": {"dba", "data"},
    "Security_Analyst": {"security"},
    "Systems_Administrator": {"devops", "cloud", "sysarch"},
}
OUT_OF_SCOPE_OCCUPATIONS = {"Network_Administrator", "Project_manager"}

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
    "Sysadmin": {"devops"},
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
    "Data Science": {"ml", "data"},
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
        t0 = time.monotonic()
        cmd = [rolescan, "classify", "--format", "jsonl", "--spans", "--timing", "-q",
               "-j", str(jobs), path]
        if LEXICONS:
            cmd[2:2] = ["--lexicons", LEXICONS]
        p = subprocess.run(cmd, capture_output=True)
        wall = time.monotonic() - t0
    finally:
        os.unlink(path)
    if p.returncode not in (0, 1):
        sys.exit("rolescan classify failed (%d): %s" % (p.returncode, p.stderr.decode()[:500]))
    out = [json.loads(l) for l in p.stdout.decode("utf-8").splitlines() if l.strip()]
    if len(out) != len(records):
        sys.exit("rolescan classify returned %d records for %d" % (len(out), len(records)))
    return out, wall


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


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rolescan", default=os.path.join(root, "build", "rolescan"))
    ap.add_argument("--data", default=os.path.join(root, "..", "shared", "data", "dev"))
    ap.add_argument("--out", help="write the report as Markdown here (e.g. docs/quality.md)")
    ap.add_argument("--json", help="write the figures as JSON here")
    ap.add_argument("--limit", type=int, default=0, help="first N rows of each set")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--lexicons", help="lexicon folder (default: rolescan's own)")
    a = ap.parse_args()
    global LEXICONS
    LEXICONS = a.lexicons
    if not os.access(a.rolescan, os.X_OK):
        sys.exit("eval: no rolescan at %s (build it, or pass --rolescan)" % a.rolescan)
    rep = Report()
    sets = [("titles-occupation.tsv", occupation_set),
            ("titles-experience-level.tsv", level_set),
            ("titles-category-experience.tsv", category_set)]
    for name, fn in sets:
        p = os.path.join(a.data, name)
        if os.path.exists(p):
            fn(rep, a, p)
        else:
            print("eval: %s missing, skipped" % p, file=sys.stderr)
    tech = sorted(glob.glob(os.path.join(a.data, "skillspan", "*tech*.conll")))
    if tech:
        skillspan_set(rep, a, tech)
    else:
        print("eval: no skillspan/*tech*.conll in %s, skipped" % a.data, file=sys.stderr)
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
