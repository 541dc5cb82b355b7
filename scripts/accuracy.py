#!/usr/bin/env python3
"""Accuracy of rolescan's title reading on the labelled development data.

    scripts/accuracy.py [--rolescan build/rolescan] [--data ../shared/data/dev]

Runs `rolescan title` once per set (all titles on stdin) and prints, per
set, track accuracy and level agreement, with the mappings below from the
sets' labels to rolescan's tracks and rungs. Nothing here is tuned to rows
of the data: the mappings are written from the label names alone.
"""
import argparse
import csv
import os
import subprocess
import sys

# titles-occupation.tsv: occupation -> tracks that count as right.
# Network administrators and project managers are outside our tracks:
# the right answer there is "not an engineering title".
OCCUPATION_TRACKS = {
    "Software_Developer": {"backend", "fullstack"},
    "Java_Developer": {"backend"},
    "Python_Developer": {"backend"},
    "Web_Developer": {"frontend", "fullstack", "backend"},
    "Front_End_Developer": {"frontend", "fullstack"},
    "Database_Administrator": {"dba"},
    "Security_Analyst": {"security"},
    "Systems_Administrator": {"devops"},
}
OUT_OF_SCOPE_OCCUPATIONS = {"Network_Administrator", "Project_manager"}

# titles-experience-level.tsv: employer level -> rungs that agree.
LEVEL_RUNGS = {
    "Internship": {1},
    "Entry level": {1},
    "Associate": {1, 2},
    "Mid-Senior level": {2, 3, 4, 5},
    "Director": {6},
    "Executive": {7, 8},
}

# titles-category-experience.tsv: category -> tracks that count as right;
# categories outside software engineering tracks are left out of accuracy.
CATEGORY_TRACKS = {
    "Fullstack": {"fullstack"},
    "DevOps": {"devops"},
    "Sysadmin": {"devops"},
    "Python": {"backend"},
    "Node.js": {"backend"},
    ".NET": {"backend"},
    "PHP": {"backend"},
    "Java": {"backend"},
    "Golang": {"backend"},
    "C++": {"backend"},
    "CPP": {"backend"},
    "JavaScript": {"frontend", "fullstack"},
    "React.js": {"frontend"},
    "ML AI": {"ml"},
    "Data Science": {"ml"},
    "Data Engineer": {"data"},
    "Security": {"security"},
    "SQL": {"dba", "data"},
    "Architect": {"backend", "sysarch", "cloud"},
    "Laravel": {"backend"},
}


def naive_rung(title):
    """The naive title-keyword rule the issues compare against."""
    t = title.lower()
    if any(w in t for w in ("cto", "chief")):
        return 8
    if "vp" in t.split() or "vice president" in t:
        return 7
    if "director" in t or "head" in t:
        return 6
    if "principal" in t or "architect" in t:
        return 5
    if any(w in t for w in ("lead", "staff", "manager")):
        return 4
    if "senior" in t:
        return 3
    if "intern" in t or "junior" in t:
        return 1
    return 2


def read_tsv(path):
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[1:]


def classify(rolescan, titles):
    clean = [t.replace("\t", " ").replace("\r", " ").replace("\n", " ") for t in titles]
    out = subprocess.run([rolescan, "title"], input="\n".join(clean) + "\n",
                         capture_output=True, text=True, check=True).stdout
    result = []
    for line in out.splitlines():
        f = line.split("\t")
        track, rung = f[-4], f[-3]
        result.append((None if track == "-" else track, None if rung == "-" else int(rung)))
    if len(result) != len(titles):
        sys.exit("rolescan title returned %d lines for %d titles" % (len(result), len(titles)))
    return result


def pct(a, b):
    return "%.1f%% (%d/%d)" % (100.0 * a / b, a, b) if b else "n/a"


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
    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def occupation_set(rolescan, path):
    rows = [r for r in read_tsv(path) if len(r) >= 2]
    got = classify(rolescan, [r[0] for r in rows])
    right = total = oos_right = oos_total = 0
    for (title, occ), (track, _) in zip(rows, got):
        occs = set(o.strip() for o in occ.replace(";", ",").split(",") if o.strip())
        want = set().union(*(OCCUPATION_TRACKS.get(o, set()) for o in occs))
        if want:
            total += 1
            right += track in want
        elif occs and occs <= OUT_OF_SCOPE_OCCUPATIONS:
            oos_total += 1
            oos_right += track is None
    print("titles-occupation.tsv (%d titles)" % len(rows))
    print("  track accuracy, titles whose occupations map to our tracks: %s" % pct(right, total))
    print("  out of scope said for project/network-administrator titles:  %s" % pct(oos_right, oos_total))


def level_set(rolescan, path):
    rows = [r for r in read_tsv(path) if len(r) >= 2 and r[1] in LEVEL_RUNGS]
    got = classify(rolescan, [r[0] for r in rows])
    read = agree = naive = 0
    for (title, level), (_, rung) in zip(rows, got):
        naive += naive_rung(title) in LEVEL_RUNGS[level]
        if rung is not None:
            read += 1
            agree += rung in LEVEL_RUNGS[level]
    print("titles-experience-level.tsv (%d titles)" % len(rows))
    print("  read as engineering titles:                 %s" % pct(read, len(rows)))
    print("  level agreement on those:                   %s" % pct(agree, read))
    print("  naive keyword rule on all titles:           %s" % pct(naive, len(rows)))


def category_set(rolescan, path):
    rows = [r for r in read_tsv(path) if len(r) >= 3]
    got = classify(rolescan, [r[0] for r in rows])
    right = total = 0
    rungs, months, naive = [], [], []
    for (title, cat, m), (track, rung) in zip(rows, got):
        if cat in CATEGORY_TRACKS:
            total += 1
            right += track in CATEGORY_TRACKS[cat]
        if rung is not None and m.isdigit():
            rungs.append(rung)
            months.append(int(m))
            naive.append(naive_rung(title))
    print("titles-category-experience.tsv (%d titles)" % len(rows))
    print("  track accuracy on engineering categories:   %s" % pct(right, total))
    if rungs:
        print("  Spearman(rung, required months), %d titles read: %.3f (naive rule on the same: %.3f)"
              % (len(rungs), spearman(rungs, months), spearman(naive, months)))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rolescan", default=os.path.join(here, "..", "build", "rolescan"))
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "data", "dev"))
    a = ap.parse_args()
    occupation_set(a.rolescan, os.path.join(a.data, "titles-occupation.tsv"))
    level_set(a.rolescan, os.path.join(a.data, "titles-experience-level.tsv"))
    category_set(a.rolescan, os.path.join(a.data, "titles-category-experience.tsv"))


if __name__ == "__main__":
    main()
