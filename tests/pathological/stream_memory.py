#!/usr/bin/env python3
"""Streams generated JSON Lines postings through `rolescan classify --stream`
and checks that memory stays bounded, whatever the volume.

    stream_memory.py ROLESCAN LEXICONS [--mb N] [--max-rss-mb M] [--jobs J]

N MB of records (default 1024, or $RS_STREAM_MB) are generated on the fly
into the CLI's stdin (nothing is written to disk); its stdout is read as it
comes. Counted, not timed:
  - one output line per record, in input order (ids checked one by one);
  - the records that must fail (a broken line, a record with no field, one
    over --max-size, one line longer than 4 x --max-size) fail, and only
    they;
  - the child's peak resident set (ru_maxrss from wait4) stays under M MiB
    (default 64; sanitizer builds pass a larger M).
CTest's timeout is the hang guard. Exit 0 pass, 1 fail.
"""
import argparse
import json
import os
import subprocess
import sys
import threading
import time

SKILLS = ["Python", "Go", "Kubernetes", "AWS", "PostgreSQL", "Kafka", "Terraform",
          "React", "TypeScript", "Java", "Spring Boot", "Docker", "Redis", "gRPC",
          "Rust", "C++", "Linux", "CI/CD", "GraphQL", "Snowflake"]
TITLES = ["Senior Backend Engineer", "Staff Software Engineer", "Junior Developer",
          "Engineering Manager", "Site Reliability Engineer", "Data Engineer",
          "Principal Engineer", "Frontend Engineer", "Marketing Coordinator",
          "VP of Engineering"]
FILLER = ("We build reliable systems for millions of users and care about code "
          "review, testing and mentoring. You will own services end to end, "
          "work with product and design, and improve our on-call practice. ")


def templates():
    """A few hundred distinct record bodies (without id): the generator
    cycles through them with fresh ids, so Python's speed is not the limit."""
    out = []
    for k in range(300):
        title = TITLES[k % len(TITLES)]
        skills = ", ".join(SKILLS[(k + i) % len(SKILLS)] for i in range(3 + k % 9))
        years = 2 + k % 8
        text = (f"{title}\n\nAbout the role\n{FILLER * (1 + k % 7)}\n"
                f"Requirements\n- {years}+ years of experience with {skills}\n"
                f"- Experience from Jan 2015 - Mar 2019 and 2019 - present\n"
                f"Nice to have\n- {SKILLS[(3 * k) % len(SKILLS)]}\n")
        if k % 5 == 0:
            body = {"title": title, "html": "<div><h2>Requirements</h2><ul>" +
                    "".join(f"<li>{s}</li>" for s in skills.split(", ")) +
                    f"</ul><p>{FILLER}</p></div>"}
        else:
            body = {"title": title, "text": text}
        out.append(json.dumps(body)[1:])   # '"title": ...}' : the id goes first
    return out


def content_id(line):
    """The id rolescan gives a streamed record without one: FNV-1a 64 of its bytes."""
    h = 0xcbf29ce484222325
    for b in line:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "fnv1a64:%016x" % h


class Feed:
    """Writes records to the child's stdin; remembers what each line must be."""

    def __init__(self, total_bytes, max_size):
        self.total = total_bytes
        self.max_size = max_size
        self.expected = []      # per record: (id, must_fail); id None: the line's own
        self.written = 0
        self.error = None

    def records(self):
        bodies = templates()
        n = 0
        hostile_every = 5000
        while self.written < self.total:
            n += 1
            rid = f"r{n}"
            if n % hostile_every == 1 and n > 1:
                kind = (n // hostile_every) % 4
                if kind == 0:     # broken JSON: its id is that of its bytes
                    line = '{"id": "%s", "text": "unterminated' % rid
                    rid = content_id(line.encode())
                elif kind == 1:
                    line = '{"id": "%s", "other": 1}' % rid              # no field
                elif kind == 2:   # a text field over --max-size
                    line = '{"id": "%s", "text": "%s"}' % (rid, "Go " * (self.max_size // 3 + 10))
                else:             # a line over 4 x --max-size: dropped unread
                    line = '{"id": "%s", "text": "%s"}' % (rid, "x" * (4 * self.max_size + 10))
                    rid = content_id(line.encode()[:4 * self.max_size])   # what was kept
                self.expected.append((rid, True))
            else:
                line = '{"id": "%s", ' % rid + bodies[n % len(bodies)]
                self.expected.append((rid, False))
            data = (line + "\n").encode()
            self.written += len(data)
            yield data

    def run(self, pipe):
        try:
            buf = []
            size = 0
            for data in self.records():
                buf.append(data)
                size += len(data)
                if size >= 1 << 20:
                    pipe.write(b"".join(buf))
                    buf, size = [], 0
            pipe.write(b"".join(buf))
        except Exception as e:   # a broken pipe: the child died; reported below
            self.error = e
        finally:
            try:
                pipe.close()
            except Exception:
                pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rolescan")
    ap.add_argument("lexicons")
    ap.add_argument("--mb", type=int, default=int(os.environ.get("RS_STREAM_MB", "1024")))
    ap.add_argument("--max-rss-mb", type=int,
                    default=int(os.environ.get("RS_STREAM_MAX_RSS_MB", "64")))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--max-size-mb", type=int, default=1,
                    help="--max-size given to the CLI (small, so the hostile records stay small)")
    a = ap.parse_args()

    max_size = a.max_size_mb << 20
    feed = Feed(a.mb << 20, max_size)
    cmd = [a.rolescan, "classify", "--stream", "-q", "-j", str(a.jobs),
           "--lexicons", a.lexicons, "--max-size", f"{a.max_size_mb}M", "--as-of", "2026-11"]
    started = time.monotonic()
    child = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    writer = threading.Thread(target=feed.run, args=(child.stdin,), daemon=True)
    writer.start()
    errors_out = []
    threading.Thread(target=lambda: errors_out.append(child.stderr.read()), daemon=True).start()

    failures = []
    lines = 0
    failed = 0
    for raw in child.stdout:
        try:
            row = json.loads(raw)
        except ValueError:
            failures.append(f"output line {lines + 1} is not JSON: {raw[:120]!r}")
            break
        # records are only known once written: the writer is always ahead
        while lines >= len(feed.expected) and writer.is_alive():
            time.sleep(0.001)
        if lines >= len(feed.expected):
            failures.append(f"more output lines than records ({lines + 1})")
            break
        rid, must_fail = feed.expected[lines]
        want_id = rid
        if row.get("id") != want_id:
            failures.append(f"output line {lines + 1}: id {row.get('id')!r}, want {want_id!r}")
            break
        is_error = row.get("status") == "error"
        if is_error != must_fail:
            failures.append(f"record {want_id}: status {row.get('status')!r} "
                            f"({row.get('message')!r}), want {'error' if must_fail else 'ok'}")
            break
        failed += is_error
        lines += 1
    if failures:   # stop the child rather than wait on it with its pipes full
        child.kill()
        for _ in child.stdout:
            pass
    # wait4 gives the child's own peak resident set (KiB on Linux)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    writer.join()
    elapsed = time.monotonic() - started
    peak_mb = usage.ru_maxrss / 1024.0

    if not failures and lines != len(feed.expected):
        failures.append(f"{lines} output lines for {len(feed.expected)} records")
    must_fail = sum(1 for _, f in feed.expected if f)
    if not failures and failed != must_fail:
        failures.append(f"{failed} records failed, want {must_fail}")
    if child.returncode != 0:   # a stream's bad records never fail the task
        failures.append(f"exit code {child.returncode}, want 0: "
                        f"{b''.join(errors_out)[-400:]!r}")
    count = f"{must_fail} of {len(feed.expected)} records were errors".encode()
    if must_fail and count not in b"".join(errors_out):
        failures.append(f"stderr lacks {count!r}: {b''.join(errors_out)[-400:]!r}")
    if peak_mb > a.max_rss_mb:
        failures.append(f"peak RSS {peak_mb:.1f} MiB over {a.max_rss_mb} MiB")
    if feed.error and not failures:
        failures.append(f"writing to the CLI failed: {feed.error}")

    print(f"stream: {feed.written / 1048576:.0f} MiB, {len(feed.expected)} records "
          f"({must_fail} hostile), {lines} lines out, peak RSS {peak_mb:.1f} MiB, "
          f"{elapsed:.1f} s ({feed.written / 1048576 / max(elapsed, 1e-9):.1f} MiB/s)")
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
