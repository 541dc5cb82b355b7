#!/usr/bin/env python3
"""The accuracy regression floor: runs bench/eval.py on the fixed slice in
tests/data/eval-slice and fails when a figure falls below tests/eval/floor.json
(the level reached when the floor was set, less a small margin).

    tests/eval/floor.py ROLESCAN LEXICONS

Exit 0 when every figure holds, 1 when one fell (each named).
"""
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: floor.py ROLESCAN LEXICONS")
    rolescan, lexicons = sys.argv[1:]
    with open(os.path.join(here, "floor.json")) as f:
        floor = json.load(f)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "figures.json")
        subprocess.run([sys.executable, os.path.join(root, "bench", "eval.py"),
                        "--rolescan", rolescan, "--lexicons", lexicons, "-j", "2",
                        "--data", os.path.join(root, "tests", "data", "eval-slice"),
                        "--json", out], check=True, stdout=subprocess.DEVNULL)
        with open(out) as f:
            got = json.load(f)
    fell = [(k, got.get(k, 0.0), v) for k, v in sorted(floor.items()) if got.get(k, 0.0) < v]
    for k, v in sorted(floor.items()):
        g = got.get(k, 0.0)
        print("%-34s %.3f  (floor %.3f)%s" % (k, g, v, "  FELL" if g < v else ""))
    if fell:
        print("accuracy fell below the floor: " + ", ".join(k for k, _, _ in fell))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
