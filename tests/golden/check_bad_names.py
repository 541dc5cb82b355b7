#!/usr/bin/env python3
"""File names that are not UTF-8 (legal on Linux): every output stays valid
and shows the name with its bad bytes as \\xNN, and exit codes tell the truth.

    check_bad_names.py ROLESCAN SOURCE WORK
"""
import csv
import html.parser
import io
import json
import os
import shutil
import subprocess
import sys

cli, source, work = (os.path.abspath(a) for a in sys.argv[1:4])
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
name = b"cv-\xff\xfe-name.txt"
shown = "cv-\\xFF\\xFE-name.txt"
with open(os.path.join(source, "samples/resumes/03-senior-backend.txt"), "rb") as f:
    body = f.read()
with open(os.path.join(work.encode(), name), "wb") as f:
    f.write(body)
os.makedirs(os.path.join(work, "postings"))
with open(os.path.join(work.encode(), b"postings", name), "wb") as f:
    f.write(body)
env = dict(os.environ, ROLESCAN_LEXICONS=os.path.join(source, "lexicons"))
failures = []


def run(*args, rc=0):
    p = subprocess.run([cli.encode()] + [a if isinstance(a, bytes) else a.encode() for a in args], cwd=work, env=env, capture_output=True)
    if p.returncode != rc:
        failures.append("%s: exit %d, not %d: %s" % (args[:2], p.returncode, rc, p.stderr[:200]))
    return p.stdout.decode("utf-8"), p.stderr.decode("utf-8")   # both must be UTF-8


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.closed = False
        self.text = []

    def handle_endtag(self, tag):
        self.closed |= tag == "html"

    def handle_data(self, data):
        self.text.append(data)


def check_html(path, what):
    with open(path, "rb") as f:
        page = Page()
        page.feed(f.read().decode("utf-8"))
    if not page.closed:
        failures.append("%s: the page is cut short" % what)
    if shown not in "".join(page.text):
        failures.append("%s: the name is not shown as %s" % (what, shown))


out, _ = run("scan", "--format", "json", name)
if json.loads(out)["documents"][0]["input"] != shown:
    failures.append("scan json: input is not %s" % shown)
out, _ = run("score", "--format", "json", name)
json.loads(out)
out, _ = run("scan", name)
if shown not in out:
    failures.append("scan text: the name is not shown as %s" % shown)
out, _ = run("classify", "--format", "jsonl", "--as-of", "2026-11", "postings")
ids = [json.loads(line)["id"] for line in out.splitlines()]
if ids != ["postings/" + shown]:
    failures.append("classify jsonl: ids %s" % ids)
out, _ = run("classify", "--format", "csv", "--as-of", "2026-11", "postings")
rows = list(csv.reader(io.StringIO(out)))
if rows[1][0] != "postings/" + shown:
    failures.append("classify csv: id %r" % rows[1][0])
run("classify", "--as-of", "2026-11", "--report", "batch.html", "-o", "rows.csv", "postings")
check_html(os.path.join(work, "batch.html"), "classify --report")
run("report", "-o", "one.html", name)
check_html(os.path.join(work, "one.html"), "report")
# a missing file of such a name: exit 1, the message on stderr in UTF-8
_, err = run("scan", b"no-\xff.txt", rc=1)
if "no-\\xFF.txt" not in err:
    failures.append("missing file: message %r" % err)
for f in failures:
    print("FAIL:", f)
shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if failures else 0)
