#!/usr/bin/env python3
"""The same resume as text, DOCX, ODT and PDF gives the same skills, rung
and closest role; a two-column PDF is read column by column (its sections
come out whole, in order, not interleaved).

    check_format_twins.py ROLESCAN FORMATS_DIR
"""
import json
import os
import subprocess
import sys


def run(args):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(args), p.returncode, p.stderr[:400]))
    return json.loads(p.stdout)


def main():
    rolescan, d = sys.argv[1:]
    failed = 0
    want = None
    for name in ("resume.txt", "resume.docx", "resume.odt", "resume.pdf"):
        path = os.path.join(d, name)
        scan = run([rolescan, "scan", "-q", "--format", "json", path])
        skills = sorted(s["id"] for s in scan["documents"][0]["skills"])
        score = run([rolescan, "score", "-q", "--as-of", "2026-11", "--format", "json", path])
        doc = score["documents"][0]
        got = (skills, doc["level"]["rung"], doc["roles"][0]["id"])
        if want is None:
            want = got
            print("%-12s %d skills, rung %d, %s" % (name, len(skills), got[1], got[2]))
            continue
        same = got == want
        print("%-12s %d skills, rung %d, %s: %s" % (name, len(skills), got[1], got[2],
                                                     "same" if same else "DIFFERENT"))
        if not same:
            failed += 1
            print("  missing:", sorted(set(want[0]) - set(skills)),
                  "extra:", sorted(set(skills) - set(want[0])))
    # a two-column resume: the sections in column order
    for name in ("two-column.pdf", "two-column-styled.pdf"):
        m = run([rolescan, "match", "-q", "--as-of", "2026-11", "--format", "json",
                 os.path.join(d, name), os.path.join(d, "resume.txt")])
        p = m["postings"][0]
        kinds = [s["kind"] for s in p["sections"]["resume"]]
        kinds = [k for i, k in enumerate(kinds) if i == 0 or k != kinds[i - 1]]
        jobs = [j["title"] for j in p["positions"]]
        ok = kinds[-4:] == ["skills", "education", "certifications", "experience"] and len(jobs) >= 3
        print("%-22s sections %s, %d positions: %s" % (name, kinds, len(jobs),
                                                     "column by column" if ok else "INTERLEAVED"))
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
