#!/usr/bin/env python3
"""scripts/fit_scope.py ROLESCAN [DATA] — is a fitted linear model a better
judge of scope than the hand-set sum in src/analyze/analyze.c?

The sum (docs/scoring.md) adds an engineering title's weight, the work
described, the skills of engineering kinds (capped) and a penalty for a
headline job outside engineering, and takes a text in scope at 4 (3 for a
text naming no job and no dated position). `rolescan score --format json`
reports those parts as `scope_evidence`. This script reads them for the
labelled development sets that say in or out of scope:

  livecareer/      resume PDFs: INFORMATION-TECHNOLOGY in, the clearly
                   non-IT categories out (bench/eval.py's lists)
  level-texts/     67 engineering level descriptions: all in
  google-postings/ postings: engineering categories in, sales, marketing,
                   finance, legal, people ... out (bench/eval.py's lists)

and fits a logistic regression on the same parts (scikit-learn, Debian's
python3-sklearn; each set-and-label group weighted equally), scored by
5-fold cross-validation against the hand-set rule on the figures #13
sets. It prints the table and the fitted weights; it writes nothing into
the product. docs/accuracy.md records the outcome. Needs the data folder
(default ../shared/data/dev); takes a few minutes.
"""
import collections
import csv
import importlib.util
import json
import math
import os
import re
import subprocess
import sys
import tempfile

try:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
except ImportError:
    sys.exit("fit_scope.py needs numpy and scikit-learn: apt-get install python3-sklearn, "
             "then run it with /usr/bin/python3")

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = importlib.util.spec_from_file_location("eval", os.path.join(HERE, "..", "bench", "eval.py"))
EV = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(EV)

GROUPS = [("lc", 1, "livecareer IT in scope"), ("lc", 0, "livecareer non-IT out of scope"),
          ("lt", 1, "level texts in scope"), ("g", 1, "Google engineering in scope"),
          ("g", 0, "Google non-engineering out of scope")]
BATCH = 100


def items(data, tmp):
    """(set, label, path) for every labelled text; postings and level texts
    are written to tmp as the evaluation builds them."""
    out = []
    lc = os.path.join(data, "livecareer")
    for cat in sorted(os.listdir(lc)):
        label = 1 if cat in EV.LIVECAREER_IN else 0 if cat in EV.LIVECAREER_OUT else None
        if label is None or not os.path.isdir(os.path.join(lc, cat)):
            continue
        for name in sorted(os.listdir(os.path.join(lc, cat))):
            if name.endswith(".pdf"):
                out.append(("lc", label, os.path.join(lc, cat, name)))
    lt = os.path.join(data, "level-texts")
    with open(os.path.join(lt, "labels.tsv"), encoding="utf-8") as f:
        for i, line in enumerate(list(f)[1:]):
            with open(os.path.join(lt, line.split("\t")[0]), encoding="utf-8") as t:
                text = t.read()
            cut = re.search(r"\n[ \t]*\n", text)   # line 1 names the level: drop it
            path = os.path.join(tmp, "lt%03d.txt" % i)
            with open(path, "w", encoding="utf-8") as w:
                w.write(text[cut.end():] if cut else "")
            out.append(("lt", 1, path))
    with open(os.path.join(data, "google-postings", "job_skills.csv"), encoding="utf-8",
              newline="") as f:
        for i, r in enumerate(csv.DictReader(f, delimiter=";")):
            kind = EV.GOOGLE_CATEGORIES.get((r.get("Category") or "").strip(), "mixed")
            if kind == "mixed":
                continue
            text = "%s\n\nResponsibilities\n%s\n\nMinimum qualifications\n%s\n\n" \
                   "Preferred qualifications\n%s" % tuple(
                       (r.get(k) or "").strip() for k in
                       ("Title", "Responsibilities", "Minimum Qualifications",
                        "Preferred Qualifications"))
            path = os.path.join(tmp, "g%04d.txt" % i)
            with open(path, "w", encoding="utf-8") as w:
                w.write(text)
            out.append(("g", 1 if kind == "eng" else 0, path))
    return out


def evidence(rolescan, paths):
    """scope_evidence and in_scope per path, None where rolescan failed."""
    got = {}
    for k in range(0, len(paths), BATCH):
        chunk = paths[k:k + BATCH]
        p = subprocess.run([rolescan, "score", "--format", "json", "-q"] + chunk,
                           capture_output=True)
        try:
            docs = json.loads(p.stdout.decode("utf-8")).get("documents", [])
        except ValueError:
            docs = []
        for d in docs:
            if "scope_evidence" in d:
                got[d.get("input")] = (d["scope_evidence"], d["in_scope"])
    return [got.get(path) for path in paths]


def features(e):
    """The rule's parts, with diminishing returns where a sum can grow."""
    return [e["title"], math.log1p(e["work"]), math.log1p(e["skills_found"]),
            1.0 if e["other_job"] < 0 else 0.0, 1.0 if e["needed"] < 4 else 0.0]


NAMES = ["title", "log(1+work)", "log(1+skills)", "other job", "no job named"]


def rates(sets, labels, pred):
    return [float(np.mean(pred[(sets == s) & (labels == y)] == y)) for s, y, _ in GROUPS]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rolescan = sys.argv[1]
    data = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "shared",
                                                              "data", "dev")
    with tempfile.TemporaryDirectory() as tmp:
        its = items(data, tmp)
        ev = evidence(rolescan, [p for _, _, p in its])
    rows = [(s, y, e) for (s, y, _), e in zip(its, ev) if e]
    print("texts: %d labelled, %d scored" % (len(its), len(rows)))
    sets = np.array([s for s, _, _ in rows])
    labels = np.array([y for _, y, _ in rows])
    rule = np.array([1 if e[1] else 0 for _, _, e in rows])
    x = np.array([features(e[0]) for _, _, e in rows])
    group = np.array(["%s%d" % (s, y) for s, y in zip(sets, labels)])
    count = collections.Counter(group)
    weight = np.array([len(group) / (len(count) * count[g]) for g in group])
    table = [("hand-set rule", rates(sets, labels, rule))]
    for c in (0.1, 1.0, 10.0):
        pred = np.zeros(len(labels), int)
        for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(x, group):
            m = LogisticRegression(C=c, max_iter=5000).fit(x[train], labels[train],
                                                            sample_weight=weight[train])
            pred[test] = m.predict(x[test])
        table.append(("logistic C=%g (5-fold)" % c, rates(sets, labels, pred)))
    print("%-26s" % "" + "".join("%10s" % ("%s%d" % (s, y)) for s, y, _ in GROUPS) +
          "%10s" % "worst")
    for name, r in table:
        print("%-26s" % name + "".join("%10.3f" % v for v in r) + "%10.3f" % min(r))
    print("columns: " + "; ".join("%s%d = %s" % (s, y, d) for s, y, d in GROUPS))
    m = LogisticRegression(C=1.0, max_iter=5000).fit(x, labels, sample_weight=weight)
    print("fitted on all (C=1): " + ", ".join("%s %.2f" % (n, w) for n, w in
                                               zip(NAMES, m.coef_[0])) +
          ", intercept %.2f" % m.intercept_[0])


if __name__ == "__main__":
    main()
