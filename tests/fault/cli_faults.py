#!/usr/bin/env python3
"""cli_faults.py — the rolescan CLI under faults (CTest label "fault").

    cli_faults.py CHECK --rolescan BIN --source DIR --work DIR
                  [--failmalloc SO] [--enospc SO] [--sanitize ON|OFF]

CHECK is one of:
  failmalloc-score     `score RESUME -o OUT` with the Nth malloc failing
  failmalloc-classify  `classify -j 1 --format csv samples/postings -o OUT`
                       (failmalloc.so; once and persist modes; N sampled over
                       the whole run, every one of the last allocations):
                       exit 0 with the clean run's output, or 5 (or 4 when
                       stdio could not allocate for the output file) with
                       a message; OUT absent, or whole and naming the input
                       that ran out of memory; no temporary file left.
                       Crashes and exit 3 that libxml2 2.9 causes itself
                       after a failed allocation of its own are listed as
                       KNOWN and not counted (see known_libxml2_fault)
  unreadable           a folder, a missing path and a dangling link given as
                       inputs beside good ones: exit 1, the file named on
                       stderr, the good inputs still processed
  enospc               scan/score/classify/report -o OUT (and classify
                       --report) on a disk that fills after N bytes
                       (enospc.so): exit 4, a clear message, OUT keeps its
                       old content, no temporary file left
  stdout               standard output closed and a full device (/dev/full):
                       exit 4 and a message on stderr; a pipe closed early
                       (`classify MANY | head -1`): exit 4 with "Broken
                       pipe" when SIGPIPE is ignored, and with SIGPIPE at its
                       default (a shell pipeline) the usual death by SIGPIPE

Every run must end on its own (a timeout is a hang), by exit (a signal is
a crash), with a code the CLI documents. Exit 77 = skipped (the preload
shims and sanitizer builds do not mix). Set FAULT_VERBOSE=1 to see each
run.
"""
import argparse
import concurrent.futures as cf
import glob
import os
import shutil
import signal
import subprocess
import sys
import time

SKIP = 77
TIMEOUT = 60          # seconds for one run; more is a hang
EXIT_NAMES = {0: "ok", 1: "input", 2: "usage", 3: "lexicon", 4: "output", 5: "internal"}

failures = []
verbose = os.environ.get("FAULT_VERBOSE") == "1"


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, file=sys.stderr, flush=True)


def run(argv, env=None, cwd=None, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        pass_fds=(), preexec=None):
    """Runs argv; returns (rc, stdout bytes, stderr text). rc < 0: a signal."""
    try:
        p = subprocess.run(argv, env=env, cwd=cwd, stdin=stdin, stdout=stdout,
                           stderr=subprocess.PIPE, timeout=TIMEOUT, pass_fds=pass_fds,
                           preexec_fn=preexec)
    except subprocess.TimeoutExpired:
        return None, b"", "timeout"
    return p.returncode, p.stdout or b"", p.stderr.decode("utf-8", "replace")


def describe(rc):
    if rc is None:
        return "hung (timeout %ds)" % TIMEOUT
    if rc < 0:
        return "killed by signal %s" % signal.Signals(-rc).name
    if rc >= 128:
        return "exit %d (a signal through a shell?)" % rc
    return "exit %d (%s)" % (rc, EXIT_NAMES.get(rc, "undocumented"))


def crashed(rc):
    return rc is None or rc < 0 or rc >= 128


def temp_files(directory):
    return sorted(glob.glob(os.path.join(directory, "*.tmp.*")))


def base_env(a):
    env = dict(os.environ)
    env["ROLESCAN_LEXICONS"] = os.path.join(a.source, "lexicons")
    env.pop("LD_PRELOAD", None)
    env["NO_COLOR"] = "1"
    return env


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


# ---- failmalloc ------------------------------------------------------------

def failmalloc_commands(a):
    s = a.source
    return {
        "failmalloc-score": ["score", "--as-of", "2026-11",
                             os.path.join(s, "samples/resumes/03-senior-backend.txt")],
        "failmalloc-classify": ["classify", "-j", "1", "--format", "csv", "--as-of", "2026-11",
                                os.path.join(s, "samples/postings")],
    }


def sample_points(total):
    """Every 11th N up to 2000 (start-up, libxml2 and the built-in schemas),
    50 more spread over the rest (the lexicons' load), every one of the
    last 40 (reading, the pipeline, rendering, writing the output), and one
    past the end (no failure at all)."""
    pts = set(range(1, min(total, 2000) + 1, 11))
    if total > 2000:
        step = (total - 2000) / 50.0
        pts.update(int(2000 + step * k) for k in range(1, 51))
    pts.update(range(max(1, total - 39), total + 1))
    pts.add(total + 1)
    return sorted(p for p in pts if p >= 1)


LIBC_FRAMES = {"gsignal", "raise", "abort", "malloc", "calloc", "realloc", "free",
               "__libc_start_main", "__libc_malloc", "__libc_realloc", "__libc_calloc"}


def known_libxml2_fault(rc, where, crash):
    """A fault of libxml2 2.9.x's own handling of a failed allocation, not
    rolescan's. The allocation failed inside libxml2 (the first function
    above malloc is libxml2's) and then either
      - the process crashed with only libc and libxml2 on the stack up to
        rolescan's call into libxml2 (no rolescan callback running): e.g.
        xmlRelaxNGNewDefine doubles defMax before its realloc can fail, and
        the RelaxNG validator dereferences a state it failed to allocate; or
      - exit 3 after the failure inside xmlRelaxNGParse, compiling
        rolescan's built-in (valid) schema: xmlAutomataNewTransition2's
        failed malloc is swallowed and a damaged schema comes back, so a
        good lexicon "fails to validate", with no error to tell."""
    frames = [f.strip() for f in where.split(" in:", 1)[-1].split("<")] if where else []
    frames = [f for f in frames if f not in LIBC_FRAMES]
    if not frames or not frames[0].startswith(("xml", "html")):
        return False
    if rc == 3:
        return "xmlRelaxNGParse" in frames
    if not crashed(rc) or not crash:
        return False
    saw_xml = False
    for f in (f.strip() for f in crash.split(" in:", 1)[-1].split("<")):
        if f == "[rolescan]":
            return saw_xml
        if f.startswith("[libc") or f in LIBC_FRAMES:
            continue
        if f.startswith(("[libxml2", "xml", "html")):
            saw_xml = True
            continue
        return False
    return saw_xml


def complete_error_output(got, good):
    """An output that is whole but reports, in its place, an input that ran
    out of memory (scan and score list the error; classify gives the posting
    an error row): it says so, ends its last line, and (line-based formats)
    has a line for every line of the clean output."""
    said = b"out of memory" in got or b"Cannot allocate memory" in got   # ENOMEM's text
    if not said or not got.endswith(b"\n"):
        return False
    if good.count(b"\r\n") == good.count(b"\n"):   # CSV: one row per posting
        return got.count(b"\n") == good.count(b"\n")
    return True


def check_failmalloc(a, name):
    if a.sanitize:
        print("skipped: LD_PRELOAD of a malloc shim conflicts with the sanitizer runtime")
        return SKIP
    args = failmalloc_commands(a)[name]
    work = os.path.join(a.work, name)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = base_env(a)
    env["LD_PRELOAD"] = a.failmalloc
    env["FAILMALLOC_WHERE"] = "1"   # "failmalloc: allocation #N failed in: ..."

    # the clean run, counted
    out = os.path.join(work, "good.out")
    report = os.path.join(work, "count")
    e = dict(env, FAILMALLOC_REPORT=report)
    rc, _, err = run([a.rolescan] + args + ["-o", out], env=e)
    if rc != 0:
        fail("%s: the clean run: %s\n%s" % (name, describe(rc), err))
        return 1
    good = read(out)
    total = int(open(report).read().split()[0])
    points = sample_points(total)
    print("%s: %d allocations in a clean run; %d values of N x 2 modes" %
          (name, total, len(points)), flush=True)

    def one(job):
        mode, n = job
        d = os.path.join(work, "%s-%d" % (mode, n))
        os.makedirs(d)
        o = os.path.join(d, "out")
        rep = os.path.join(d, "count")
        e = dict(env, FAILMALLOC_N=str(n), FAILMALLOC_MODE=mode, FAILMALLOC_REPORT=rep)
        rc, _, err = run([a.rolescan] + args + ["-o", o], env=e, cwd=d)
        got = read(o)
        leftovers = temp_files(d)
        injected = 0
        try:
            injected = int(open(rep).read().split()[1])
        except (OSError, IndexError, ValueError):
            pass   # the process died before its destructor
        problems = []
        lines = err.splitlines()
        where = next((l for l in lines if l.startswith("failmalloc: allocation")), "")
        crash = next((l for l in lines if l.startswith("failmalloc: signal")), "")
        err = "\n".join(l for l in lines if not l.startswith("failmalloc: "))
        if known_libxml2_fault(rc, where, crash):
            shutil.rmtree(d, ignore_errors=True)
            return mode, n, rc, injected, [], "KNOWN libxml2: %s; %s; %s" % (
                describe(rc), where, crash)
        if crashed(rc):
            problems.append(describe(rc))
        elif rc not in (0, 4, 5):
            problems.append("%s: an allocation failure must exit 0, 4 or 5" % describe(rc))
        if rc == 0 and got != good:
            problems.append("exit 0 but the output %s" %
                            ("is missing" if got is None else "differs from a clean run"))
        if rc not in (0, None) and got is not None and got != good and \
                not complete_error_output(got, good):
            problems.append("exit %d left a half-written output file (%d bytes of %d)" %
                            (rc, len(got), len(good)))
        if leftovers:
            problems.append("temporary files left: %s" % ", ".join(leftovers))
        if rc in (4, 5) and "error" not in err:
            problems.append("exit %d without an error message" % rc)
        if rc == 0 and injected and "out of memory" in err.lower() and "rolescan:" in err:
            problems.append("exit 0 although rolescan reported running out of memory")
        shutil.rmtree(d, ignore_errors=True)
        first = err.strip().splitlines()[-1] if err.strip() else ""
        return mode, n, rc, injected, problems, first

    jobs = [(m, n) for m in ("once", "persist") for n in points]
    codes = {}
    known = []
    t0 = time.time()
    with cf.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        for mode, n, rc, injected, problems, last in pool.map(one, jobs):
            codes.setdefault(mode, {}).setdefault(rc, 0)
            codes[mode][rc] += 1
            if verbose:
                print("  %s N=%d: %s, %d injected; %s" % (mode, n, describe(rc), injected, last))
            if last.startswith("KNOWN"):
                known.append("%s N=%d: %s" % (mode, n, last))
            for p in problems:
                fail("%s %s FAILMALLOC_N=%d: %s (stderr: %s)" % (name, mode, n, p, last))
    for mode in sorted(codes):
        print("  %-7s exit codes: %s" % (mode, ", ".join(
            "%s x%d" % (describe(rc), k) for rc, k in sorted(codes[mode].items(),
                                                             key=lambda x: str(x[0])))))
    for k in known:
        print("  " + k)
    print("  %d runs in %.1fs (%d known libxml2 faults, not rolescan's)" %
          (len(jobs), time.time() - t0, len(known)))
    return 1 if failures else 0


# ---- unreadable inputs -------------------------------------------------------

def check_unreadable(a):
    work = os.path.join(a.work, "unreadable")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = base_env(a)
    good = os.path.join(a.source, "samples/resumes/03-senior-backend.txt")
    posting = os.path.join(a.source, "samples/postings/03-senior-go.txt")
    folder = os.path.join(work, "a-folder.txt")          # EISDIR
    os.makedirs(folder)
    missing = os.path.join(work, "missing.txt")          # ENOENT
    dangling = os.path.join(work, "dangling.txt")        # a link to nothing
    os.symlink(os.path.join(work, "nowhere.txt"), dangling)
    bad = [("a folder", folder), ("a missing file", missing), ("a dangling link", dangling)]

    for what, path in bad:
        for cmd in (["scan"], ["score", "--as-of", "2026-11"], ["scan", "--format", "json"]):
            rc, out, err = run([a.rolescan] + cmd + [path, good], env=env)
            label = "%s with %s" % (" ".join(cmd), what)
            if rc != 1:
                fail("%s: %s, expected exit 1" % (label, describe(rc)))
            if path not in err:
                fail("%s: stderr does not name %s: %r" % (label, path, err))
            if good.encode() not in out and b"03-senior-backend" not in out:
                fail("%s: the good input was not processed (stdout: %r)" % (label, out[:200]))
        # report takes one file: the error alone
        rc, out, err = run([a.rolescan, "report", path], env=env)
        if rc != 1 or path not in err:
            fail("report with %s: %s, stderr %r" % (what, describe(rc), err))
        # match: the resume fine, one posting unreadable, one fine (a
        # folder of postings is walked, as classify does: not an error)
        if path == folder:
            continue
        rc, out, err = run([a.rolescan, "match", "--as-of", "2026-11", good, path, posting],
                           env=env)
        if rc != 1 or path not in err and path.encode() not in out:
            fail("match with %s: %s, stderr %r" % (what, describe(rc), err))
        if b"03-senior-go" not in out:
            fail("match with %s: the good posting is missing: %r" % (what, out[:300]))

    # classify: bad inputs get an error row each, the good ones their rows
    rc, out, err = run([a.rolescan, "classify", "-j", "2", "--format", "csv", "--as-of",
                        "2026-11", posting, folder, missing, dangling, good], env=env)
    if rc != 1:
        fail("classify with unreadable inputs: %s, expected 1" % describe(rc))
    text = out.decode("utf-8", "replace")
    for path in (missing, dangling):
        rows = [l for l in text.splitlines() if l.startswith(path + ",") or
                l.startswith('"%s"' % path)]
        if not rows or ",error," not in rows[0]:
            fail("classify: no error row for %s:\n%s" % (path, text))
    if "03-senior-go" not in text or "03-senior-backend" not in text:
        fail("classify: the good inputs are missing:\n%s" % text)
    # a folder given as a path is walked (empty here), not an error; the
    # same folder named as a JSON Lines file cannot be read as one
    jl = os.path.join(work, "records.jsonl")
    os.makedirs(jl)
    rc, out, err = run([a.rolescan, "classify", "--format", "csv", jl, posting], env=env)
    if crashed(rc) or rc not in (0, 1):
        fail("classify with a folder named *.jsonl: %s" % describe(rc))
    print("unreadable: %d checks, %d failures" % (len(bad) * 5 + 1, len(failures)))
    return 1 if failures else 0


# ---- a full disk -------------------------------------------------------------

def check_enospc(a):
    if a.sanitize:
        print("skipped: LD_PRELOAD shims and the sanitizer runtime do not mix")
        return SKIP
    work = os.path.join(a.work, "enospc")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = base_env(a)
    s = a.source
    resume = os.path.join(s, "samples/resumes/03-senior-backend.txt")
    commands = {
        "scan": ["scan", resume],
        "score": ["score", "--as-of", "2026-11", resume],
        "score-json": ["score", "--format", "json", "--as-of", "2026-11", resume],
        "classify": ["classify", "-j", "2", "--format", "jsonl", "--as-of", "2026-11",
                     os.path.join(s, "samples/postings")],
        "report": ["report", "--as-of", "2026-11", resume],
    }
    old = b"previous content: must survive a failed write\n"
    count = 0
    for name, args in commands.items():
        out = os.path.join(work, name + ".out")
        rc, _, err = run([a.rolescan] + args + ["-o", out], env=env)
        if rc != 0:
            fail("%s: the clean run: %s %s" % (name, describe(rc), err))
            continue
        good = read(out)
        size = len(good)
        budgets = sorted({0, 1, 100, 4095, 4096, 4097, size // 2, size - 1})
        for after in [b for b in budgets if 0 <= b < size] + [size, size + 1000]:
            with open(out, "wb") as f:
                f.write(old)
            e = dict(env, LD_PRELOAD=a.enospc, ENOSPC_AFTER=str(after))
            rc, stdout, err = run([a.rolescan] + args + ["-o", out], env=e, cwd=work)
            count += 1
            got = read(out)
            label = "%s -o OUT, disk full after %d of %d bytes" % (name, after, size)
            if after >= size:
                if rc != 0 or got != good:
                    fail("%s: %s, output %s" % (label, describe(rc),
                                               "ok" if got == good else "wrong"))
            else:
                if rc != 4:
                    fail("%s: %s, expected 4 (output)" % (label, describe(rc)))
                if "No space left on device" not in err or out not in err:
                    fail("%s: the message does not say what failed: %r" % (label, err))
                if got != old:
                    fail("%s: OUT was changed (%s)" % (
                        label, "removed" if got is None else "%d bytes" % len(got)))
            left = temp_files(work)
            if left:
                fail("%s: temporary files left: %s" % (label, left))
                for t in left:
                    os.unlink(t)

    # classify --report FILE on a full disk: the table goes to stdout; the
    # report is the only file written
    rep = os.path.join(work, "summary.html")
    for after in (0, 1000):
        with open(rep, "wb") as f:
            f.write(old)
        e = dict(env, LD_PRELOAD=a.enospc, ENOSPC_AFTER=str(after))
        rc, _, err = run([a.rolescan, "classify", "-j", "1", "--as-of", "2026-11", "--report",
                          rep, os.path.join(s, "samples/postings")], env=e, cwd=work)
        count += 1
        if rc != 4 or read(rep) != old or temp_files(work) or "No space left" not in err:
            fail("classify --report, disk full after %d bytes: %s, report %s, stderr %r" % (
                after, describe(rc), "kept" if read(rep) == old else "changed", err))
    print("enospc: %d runs, %d failures" % (count, len(failures)))
    return 1 if failures else 0


# ---- standard output closed, full or cut short ------------------------------

def check_stdout(a):
    env = base_env(a)
    s = a.source
    resume = os.path.join(s, "samples/resumes/03-senior-backend.txt")
    postings = os.path.join(s, "samples/postings")
    commands = {
        "scan": ["scan", resume],
        "score": ["score", "--as-of", "2026-11", resume],
        "classify": ["classify", "-j", "2", "--as-of", "2026-11", postings],
        "classify-stream": ["classify", "--stream", "--as-of", "2026-11"],
        "report": ["report", "--as-of", "2026-11", resume],
    }
    records = "".join('{"id": "r%d", "text": "Senior Go engineer, Kubernetes, AWS, 5+ years"}\n'
                      % i for i in range(50)).encode()
    count = 0

    def stdin_for(name):
        if name != "classify-stream":
            return subprocess.DEVNULL
        r, w = os.pipe()
        os.write(w, records)   # 3 KB: fits the pipe buffer
        os.close(w)
        return r

    for name, args in commands.items():
        # 1. stdout closed (`rolescan ... >&-`)
        fd = stdin_for(name)
        rc, _, err = run([a.rolescan] + args, env=env, stdin=fd, stdout=None,
                         preexec=lambda: os.close(1))
        count += 1
        if fd != subprocess.DEVNULL:
            os.close(fd)
        if rc != 4 or "standard output" not in err and "<stdout>" not in err:
            fail("%s >&-: %s, stderr %r (expected exit 4 and a message)" %
                 (name, describe(rc), err))
        # 2. a full device
        fd = stdin_for(name)
        with open("/dev/full", "wb") as full:
            rc, _, err = run([a.rolescan] + args, env=env, stdin=fd, stdout=full)
        count += 1
        if fd != subprocess.DEVNULL:
            os.close(fd)
        if rc != 4 or "No space left on device" not in err:
            fail("%s >/dev/full: %s, stderr %r (expected exit 4, ENOSPC named)" %
                 (name, describe(rc), err))

    # 3. a pipe closed early: `rolescan classify MANY | head -1`. SIGPIPE
    # is ignored by the harness here as a shell pipeline leaves it at its
    # default; both are tried: default -> killed by SIGPIPE is what a
    # shell user expects and is allowed; ignored -> EPIPE -> exit 4.
    many = os.path.join(a.work, "stdout-many")
    shutil.rmtree(many, ignore_errors=True)
    os.makedirs(many)
    src = open(os.path.join(s, "samples/postings/03-senior-go.txt"), "rb").read()
    for i in range(400):
        with open(os.path.join(many, "p%03d.txt" % i), "wb") as f:
            f.write(src)
    for sigpipe in ("default", "ignored"):
        for fmt in ("table", "csv", "jsonl"):
            def pre(sp=sigpipe):
                signal.signal(signal.SIGPIPE,
                              signal.SIG_DFL if sp == "default" else signal.SIG_IGN)
            p = subprocess.Popen([a.rolescan, "classify", "-j", "2", "--format", fmt,
                                  "--as-of", "2026-11", many], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 preexec_fn=pre)
            first = p.stdout.readline()
            p.stdout.close()   # head -1 exits
            try:
                _, err = p.communicate(timeout=TIMEOUT)
                rc = p.returncode
            except subprocess.TimeoutExpired:
                p.kill()
                p.communicate()
                rc = None
            err = err.decode("utf-8", "replace")
            count += 1
            label = "classify --format %s | head -1 (SIGPIPE %s)" % (fmt, sigpipe)
            if not first:
                fail("%s: no first line" % label)
            if sigpipe == "default":
                ok = rc == -signal.SIGPIPE or rc == 4 or rc == 0
            else:
                ok = rc == 4 and "Broken pipe" in err
            if not ok:
                fail("%s: %s, stderr %r" % (label, describe(rc), err[-300:]))
            elif verbose:
                print("  %s: %s" % (label, describe(rc)))
    print("stdout: %d runs, %d failures" % (count, len(failures)))
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("check", choices=["failmalloc-score", "failmalloc-classify", "unreadable",
                                      "enospc", "stdout"])
    ap.add_argument("--rolescan", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--failmalloc")
    ap.add_argument("--enospc")
    ap.add_argument("--sanitize", default="OFF")
    a = ap.parse_args()
    a.sanitize = a.sanitize.upper() in ("ON", "1", "TRUE", "YES")
    for k in ("rolescan", "source", "work", "failmalloc", "enospc"):
        if getattr(a, k):
            setattr(a, k, os.path.abspath(getattr(a, k)))   # runs change folder
    os.makedirs(a.work, exist_ok=True)
    t0 = time.time()
    if a.check.startswith("failmalloc"):
        rc = check_failmalloc(a, a.check)
    elif a.check == "unreadable":
        rc = check_unreadable(a)
    elif a.check == "enospc":
        rc = check_enospc(a)
    else:
        rc = check_stdout(a)
    if rc != SKIP:
        print("%s: %s in %.1fs" % (a.check, "FAILED (%d)" % len(failures) if failures else "ok",
                                   time.time() - t0))
    return rc


if __name__ == "__main__":
    sys.exit(main())
