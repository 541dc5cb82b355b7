#!/usr/bin/env python3
"""Inputs just under the 16 MiB limit through the command line: the work,
the output and the peak memory stay bounded.

    bounded_memory.py ROLESCAN LEXICONS WORKDIR [--max-ratio R]

Three files of 16 MiB less 64 bytes: one token repeated ("C++ "), one
skill phrase repeated, and one 16 MiB run of "+" (a token a byte). Each is
read by `scan --format json` and `classify --format jsonl`. Counted, not
timed:
  - exit 0; the JSON parses; no skill lists more than 100 places, and one
    that was counted past them says how many it left out;
  - the output is under 1 MB whatever the input (100 places a skill);
  - a warning says where the text stopped being read when the tokens' budget
    ran out (and reaches the JSON as well as stderr);
  - the child's peak resident set (ru_maxrss from wait4) is at most R times
    the input (default 10; sanitizer builds pass 0 to skip it).
CTest's timeout is the hang guard. Exit 0 pass, 1 fail.
"""
import argparse
import json
import os
import resource
import subprocess
import sys

SIZE = (16 << 20) - 64
CASES = [("one-token", "C++ ", True), ("one-phrase", "Kubernetes and Terraform on AWS. ", False),
         ("one-symbol", "+", True)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("lexicons")
    ap.add_argument("work")
    ap.add_argument("--max-ratio", type=float, default=10.0)
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    env = dict(os.environ, ROLESCAN_LEXICONS=a.lexicons,
               ROLESCAN_CACHE_DIR=os.path.join(a.work, "cache"))
    failures = []
    for name, piece, cut in CASES:
        path = os.path.join(a.work, name + ".txt")
        with open(path, "w") as f:
            f.write((piece * (SIZE // len(piece) + 1))[:SIZE])
        for args in (["scan", "--format", "json", path],
                     ["classify", "--format", "jsonl", "--as-of", "2026-11", path]):
            p = subprocess.run([a.cli] + args, capture_output=True, env=env)
            peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            what = "%s %s" % (args[0], name)
            if p.returncode != 0:
                failures.append("%s: exit %d: %s" % (what, p.returncode, p.stderr[:300]))
                continue
            if len(p.stdout) > 1_000_000:
                failures.append("%s: %d bytes of output" % (what, len(p.stdout)))
            stderr = p.stderr.decode("utf-8", "replace")
            if cut and "not read" not in stderr:
                failures.append("%s: no warning on stderr that the text was cut" % what)
            if args[0] == "scan":
                doc = json.loads(p.stdout)["documents"][0]
                for s in doc["skills"]:
                    if len(s["evidence"]) > 100:
                        failures.append("%s: %s lists %d places" % (what, s["id"],
                                                                     len(s["evidence"])))
                    if s["implied_by"] is None and s["count"] > len(s["evidence"]) and \
                            s.get("evidence_omitted") != s["count"] - len(s["evidence"]):
                        failures.append("%s: %s does not say what it left out" % (what, s["id"]))
                if cut and not any("not read" in w for w in doc["warnings"]):
                    failures.append("%s: the JSON does not carry the warning" % what)
            else:
                json.loads(p.stdout.splitlines()[0])
            if a.max_ratio and peak_kib * 1024 > a.max_ratio * SIZE:
                failures.append("%s: peak %.1f MiB, over %.0f x the input" %
                                (what, peak_kib / 1024, a.max_ratio))
            print("%-22s ok, peak so far %.1f MiB (%.1f x), output %d bytes" %
                  (what, peak_kib / 1024, peak_kib * 1024 / SIZE, len(p.stdout)))
        os.unlink(path)
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
