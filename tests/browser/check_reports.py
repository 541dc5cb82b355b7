#!/usr/bin/env python3
"""Opens rolescan's HTML reports in headless Chromium and checks what it
renders: the expected sections and figures are in the DOM, no script ran
(none was parsed, nothing changed the title, no inline handler or
javascript: link exists), and no request left the page.

At a phone (390 px, mobile) and a desktop (1280 px) viewport it probes the
layout: nothing reaches past the right edge unless a box that scrolls or
clips sideways holds it, and no rendered text is smaller than 12 px (SVG
text at its on-screen size). In resume reports the closest-roles table
turns into cards on the phone with score bars that fit and differ, and
stays a table on the desktop; a list of top skills is shown.

What a reader sees: a resume report's h1 names the person as the resume
writes it (the hostile one, its file name), no page shows a repository
path, and skill evidence holds no Markdown marks; the skills by kind sit
in closed <details>. The batch summary puts captions above its charts,
colours the track x rung table by count (heat0..heat5, never lower for
a larger count), gives postings their titles and tracks their names.
Saves phone and desktop screenshots next to the reports.

    tests/browser/check_reports.py ROLESCAN SOURCE_DIR OUT_DIR

Speaks the Chrome DevTools Protocol over a WebSocket with the standard
library only. Exit 0 when every check holds, 1 when one fails (each
named), 77 (CTest's skip) when no Chromium is installed.
"""
import base64
import csv
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                  "--hide-scrollbars", "--remote-debugging-port=0"]


# ---- a minimal WebSocket client (RFC 6455, client side) ------------------

class WebSocket:
    def __init__(self, url):
        m = re.match(r"ws://([^:/]+):(\d+)(/.*)", url)
        self.sock = socket.create_connection((m.group(1), int(m.group(2))), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        req = ("GET %s HTTP/1.1\r\nHost: %s:%s\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
               "Sec-WebSocket-Version: 13\r\n\r\n" % (m.group(3), m.group(1), m.group(2), key))
        self.sock.sendall(req.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise OSError("websocket handshake failed")
            head += chunk
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise OSError("websocket handshake refused: %r" % head[:80])

    def send(self, text):
        data = text.encode()
        mask = os.urandom(4)
        n = len(data)
        if n < 126:
            header = struct.pack("!BB", 0x81, 0x80 | n)
        elif n < 65536:
            header = struct.pack("!BBH", 0x81, 0x80 | 126, n)
        else:
            header = struct.pack("!BBQ", 0x81, 0x80 | 127, n)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
        self.sock.sendall(header + mask + masked)

    def _read(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise OSError("websocket closed")
            buf += chunk
        return buf

    def recv(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack("!H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack("!Q", self._read(8))[0]
            payload = self._read(n)
            opcode = b0 & 0x0F
            if opcode == 0x8:
                raise OSError("websocket closed by the browser")
            if opcode in (0x9, 0xA):   # ping/pong: not expected, ignored
                continue
            message += payload
            if b0 & 0x80:
                return message.decode()


class Browser:
    """One Chromium, one page target, commands and the events they cause."""

    def __init__(self, chromium, profile):
        self.proc = subprocess.Popen([chromium] + CHROMIUM_FLAGS +
                                     ["--user-data-dir=" + profile, "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        url = None
        deadline = time.time() + 60
        while time.time() < deadline and not url:
            line = self.proc.stderr.readline().decode(errors="replace")
            if not line and self.proc.poll() is not None:
                break
            m = re.search(r"DevTools listening on (ws://\S+)", line)
            url = m.group(1) if m else None
        if not url:
            raise OSError("Chromium did not start")
        self.ws = WebSocket(url)
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]

    def call(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and getattr(self, "session", None):
            msg["sessionId"] = self.session
        self.ws.send(json.dumps(msg))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise OSError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for e in self.events:
                if e.get("method") == method:
                    return e
            self.events.append(json.loads(self.ws.recv()))
        raise OSError("timed out waiting for " + method)

    def close(self):
        try:
            self.call("Browser.close", session=False)
        except OSError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# ---- what a page must hold -----------------------------------------------

PROBE = r"""(() => {
  const all = [...document.querySelectorAll('*')];
  return {
    title: document.title,
    sections: [...document.querySelectorAll('section[id]')].map(s => s.id),
    h1: (document.querySelector('h1') || {}).textContent || '',
    lede: (document.querySelector('.lede') || {}).textContent || '',
    here: (document.querySelector('.ladder .here') || {}).textContent || '',
    next: (document.querySelector('.ladder .next') || {}).textContent || '',
    roleRows: document.querySelectorAll('#roles tbody tr').length,
    skillItems: document.querySelectorAll('#skills li').length,
    marks: document.querySelectorAll('#skills mark').length,
    gapItems: document.querySelectorAll('#gaps li').length,
    postingRows: document.querySelectorAll('#postings tbody tr').length,
    errorRows: document.querySelectorAll('#errors tbody tr').length,
    charts: document.querySelectorAll('svg[role=img] title').length,
    footer: (document.querySelector('footer') || {}).textContent || '',
    scripts: document.scripts.length,
    handlers: all.filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
    jsLinks: [...document.querySelectorAll('[href],[src]')].filter(e =>
        /^\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || '')).length,
    pwned: window.__pwned === undefined ? 0 : 1,
    bodyText: document.body.innerText,
    allText: document.body.textContent,
    snippets: [...document.querySelectorAll('#skills q')].map(q => q.textContent),
    skillDetails: [...document.querySelectorAll('#skills details')].map(d => ({
        open: d.hasAttribute('open'), summary: !!d.querySelector(':scope > summary')})),
    figures: [...document.querySelectorAll('#tracks figure')].map(f =>
        (f.firstElementChild || {}).tagName || ''),
    heat: [...document.querySelectorAll('#tracks table.heat tbody td')].map(td => ({
        text: td.textContent.trim(), cls: td.getAttribute('class') || ''})),
    heatTables: document.querySelectorAll('#tracks table.heat').length,
    postingHead: [...document.querySelectorAll('#postings thead th')].map(th =>
        th.textContent.trim()),
    postings: [...document.querySelectorAll('#postings tbody tr')].map(r => ({
        hrefs: [...r.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
        cells: [...r.cells].map(c => c.textContent.trim())})),
  };
})()"""

# One viewport's layout, W its width in CSS px: what reaches past the right
# edge, the smallest rendered text, the closest-roles rows and their score
# bars, the top skills shown.
LAYOUT = r"""(W => {
  const css = e => getComputedStyle(e);
  const shown = e => e.getClientRects().length > 0 && css(e).visibility !== 'hidden';
  const collapsed = e => {   // inside a closed <details>, other than its <summary>
    for (let d = e.closest('details:not([open])'); d;
         d = d.parentElement && d.parentElement.closest('details:not([open])')) {
      const s = d.querySelector(':scope > summary');
      if (!s || !s.contains(e)) return true;
    }
    return false;
  };
  const clipped = e => {     // held by a box below <body> that scrolls or clips sideways
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
      if (/auto|scroll|hidden|clip/.test(css(a).overflowX)) return true;
    return false;
  };
  const describe = e => e.tagName.toLowerCase() +
      (e.getAttribute('class') || '').trim().split(/\s+/).filter(Boolean)
          .map(k => '.' + k).join('') +
      ' "' + e.textContent.trim().replace(/\s+/g, ' ').slice(0, 40) + '"';
  const cssScale = e => {    // transform, scale and zoom of the element and its ancestors
    let k = 1;
    for (let a = e; a; a = a.parentElement) {
      const s = css(a);
      if (s.transform && s.transform !== 'none') {
        const m = new DOMMatrix(s.transform);
        k *= Math.hypot(m.a, m.b);
      }
      if (s.scale && s.scale !== 'none') k *= parseFloat(s.scale);
      k *= parseFloat(s.zoom) || 1;
    }
    return k;
  };
  const textPx = e => {
    const px = parseFloat(css(e).fontSize);
    if (e instanceof SVGElement) {
      const m = e.getScreenCTM();
      return m ? px * Math.hypot(m.a, m.b) : px;
    }
    return px * cssScale(e);
  };
  const ownText = e => [...e.childNodes].some(n => n.nodeType === 3 && n.data.trim());
  const rendered = [...document.body.querySelectorAll('*')].filter(e => shown(e) && !collapsed(e));
  const wide = rendered.find(e => e.getBoundingClientRect().right + scrollX > W + 1 && !clipped(e));
  let smallest = null, small = 0;
  for (const e of rendered.filter(ownText)) {
    const px = textPx(e);
    small += px < 12 ? 1 : 0;
    if (!smallest || px < smallest.px) smallest = {px: px, what: describe(e)};
  }
  const rows = [...document.querySelectorAll('#roles tbody tr')].map(r => {
    const bar = r.querySelector('svg.bar'), fill = bar && bar.querySelector('.fill');
    const box = bar && bar.getBoundingClientRect();
    return {display: css(r).display, name: (r.cells[0] || r).textContent.trim().slice(0, 40),
            bar: bar ? {shown: shown(bar), width: box.width,
                        left: box.left, right: box.right} : null,
            fill: fill ? fill.getBBox().width : null};
  });
  const top = [...document.querySelectorAll('#skills .top-skills li')];
  return {
    width: document.documentElement.scrollWidth,
    wide: wide ? describe(wide) + ' right edge at ' +
        Math.round(wide.getBoundingClientRect().right + scrollX) + ' px' : '',
    smallest: smallest, small: small,
    rows: rows,
    topSkills: top.filter(e => shown(e) && !e.closest('details')).length,
  };
})"""


def evaluate(b, expression):
    """The value of a probe run in the page; a probe that throws is an error."""
    got = b.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
    if "exceptionDetails" in got:
        d = got["exceptionDetails"]
        raise OSError("probe failed: %s" % d.get("exception", {}).get("description", d.get("text")))
    return got["result"]["value"]


def open_page(b, path):
    b.events = []
    b.call("Page.enable")
    b.call("Network.enable")
    b.call("Debugger.enable")
    b.call("Log.enable")
    url = "file://" + os.path.abspath(path)
    b.call("Page.navigate", {"url": url})
    b.wait_for("Page.loadEventFired")
    page_events = list(b.events)
    b.call("Debugger.disable")   # our probes below are not the page's scripts
    probe = evaluate(b, PROBE)
    requests = [e["params"]["request"]["url"] for e in page_events
                if e.get("method") == "Network.requestWillBeSent"]
    scripts = [e["params"].get("url", "") for e in page_events
               if e.get("method") == "Debugger.scriptParsed"]
    logs = [e["params"]["entry"]["text"] for e in page_events
            if e.get("method") == "Log.entryAdded"]
    return url, probe, requests, scripts, logs


def view(b, out, width, height, mobile):
    """Lays the page out at one viewport, probes that layout, then saves a
    screenshot of the whole page at that width."""
    b.call("Emulation.setDeviceMetricsOverride",
           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    layout = evaluate(b, "(%s)(%d)" % (LAYOUT, width))
    m = b.call("Page.getLayoutMetrics")
    size = m.get("cssContentSize") or m["contentSize"]
    shot = b.call("Page.captureScreenshot",
                  {"format": "png", "captureBeyondViewport": True,
                   "clip": {"x": 0, "y": 0, "width": width,
                            "height": min(size["height"], 12000), "scale": 1}})
    with open(out, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    return layout


class Checks:
    def __init__(self):
        self.failed = []
        self.page = ""   # named with each failure in the closing summary

    def ok(self, name, cond, detail=""):
        print("  %s %s%s" % ("ok  " if cond else "FAIL", name, (": " + detail) if detail and not cond else ""))
        if not cond:
            self.failed.append("%s: %s" % (self.page, name) if self.page else name)


def check_page(b, c, path, kind, expect):
    c.page = os.path.basename(path)
    print("%s (%s)" % (c.page, kind))
    url, p, requests, scripts, logs = open_page(b, path)
    c.ok("no request but the page itself", requests == [url], ", ".join(requests))
    page_scripts = [s for s in scripts if s.startswith("file:")]
    c.ok("no script parsed from the page", not page_scripts, ", ".join(page_scripts))
    c.ok("no script element, handler or javascript: link",
         p["scripts"] == 0 and p["handlers"] == 0 and p["jsLinks"] == 0,
         "scripts %d handlers %d js-links %d" % (p["scripts"], p["handlers"], p["jsLinks"]))
    c.ok("nothing set window.__pwned", p["pwned"] == 0)
    c.ok("no console error or blocked request", not logs, " | ".join(logs[:3]))
    for s in expect["sections"]:
        c.ok("section #%s present" % s, s in p["sections"], "sections: %s" % p["sections"])
    c.ok("footer names rolescan and the lexicon",
         "rolescan" in p["footer"] and "lexicon" in p["footer"], p["footer"])
    c.ok("charts carry titles for screen readers", p["charts"] >= expect.get("charts", 1),
         str(p["charts"]))
    for key, low in expect.get("at_least", {}).items():
        c.ok("%s >= %d" % (key, low), p[key] >= low, str(p[key]))
    for key, text in expect.get("contains", {}).items():
        c.ok("%s mentions %r" % (key, text), text in p[key], p[key][:200])
    check_text(c, p, expect)
    if expect.get("resume"):
        check_skills(c, p)
    if expect.get("track_ids"):
        check_batch(c, p, expect["track_ids"])
    base = os.path.splitext(path)[0]
    for label, w, h, mobile in (("phone", 390, 844, True), ("desktop", 1280, 900, False)):
        lay = view(b, "%s-%s.png" % (base, label), w, h, mobile)
        check_layout(c, label, w, lay)
        if expect.get("resume"):
            check_cards(c, label, w, lay)
            c.ok("%s: >= 3 top skills shown outside <details>" % label, lay["topSkills"] >= 3,
                 "%d shown of #skills .top-skills li" % lay["topSkills"])


def check_layout(c, label, w, lay):
    """Every page at every viewport: nothing past the right edge, no tiny text."""
    sw = lay["width"]
    c.ok("%s width: no horizontal overflow (%d px)" % (label, sw), sw <= w, str(sw))
    c.ok("%s: no element past the right edge" % label, not lay["wide"], lay["wide"])
    s = lay["smallest"]
    c.ok("%s: text at least 12 px" % label, s is None or s["px"] >= 12,
         s and "%d below; smallest %.1f px: %s" % (lay["small"], s["px"], s["what"]))


def check_cards(c, label, w, lay):
    """Resume reports: the closest roles are cards with whole, differing score
    bars on a phone, and table rows on a desktop."""
    rows = lay["rows"]
    if label == "desktop":
        odd = [r for r in rows if r["display"] != "table-row"]
        c.ok("desktop: #roles rows are table rows", rows and not odd,
             "; ".join("%s: %s" % (r["name"], r["display"]) for r in odd[:3]) or "no rows")
        return
    flat = [r for r in rows if r["display"] == "table-row"]
    c.ok("phone: #roles rows reflow into cards", rows and not flat,
         "%d of %d rows still display table-row" % (len(flat), len(rows)))
    bad = [r for r in rows if not bar_fits(r["bar"], w)]
    c.ok("phone: every score bar shown, >= 80 px wide, inside the viewport", rows and not bad,
         "; ".join("%s: %s" % (r["name"], describe_bar(r["bar"])) for r in bad[:2]))
    fills = [r["fill"] for r in rows]
    c.ok("phone: score bars show different scores",
         None not in fills and len(set(round(f, 1) for f in fills)) > 1,
         "fill widths %s" % fills)


def bar_fits(bar, w):
    return bool(bar and bar["shown"] and bar["width"] >= 80
                and bar["left"] >= -1 and bar["right"] <= w + 1)


def describe_bar(bar):
    if not bar:
        return "no svg.bar"
    return "%s, %.0f px wide, spans %.0f..%.0f px" % (
        "shown" if bar["shown"] else "not shown", bar["width"], bar["left"], bar["right"])


def check_text(c, p, expect):
    """What every page says: the h1, no repository path, clean evidence."""
    if "name" in expect:
        c.ok("h1 names %r" % expect["name"], expect["name"] in p["h1"], p["h1"][:120])
    shown = [n for n in expect["no_paths"] if n in p["allText"]]
    at = p["allText"].find(shown[0]) if shown else 0
    c.ok("no repository path in the text", not shown,
         "%s in ...%s..." % (shown, " ".join(p["allText"][max(0, at - 40):at + 60].split())))
    marked = [q for q in p["snippets"] if re.search(r"\*\*|`|\|", q)]
    c.ok("evidence snippets hold no **, ` or |", not marked,
         "%d of %d, e.g. %r" % (len(marked), len(p["snippets"]), marked[0][:80]) if marked else "")


def check_skills(c, p):
    """Resume reports: skills by kind in closed <details>; top skills come first."""
    d = p["skillDetails"]
    c.ok("#skills holds <details>, all closed, each with a <summary>",
         d and all(not x["open"] and x["summary"] for x in d),
         "%d details, %d open, %d without summary" % (
             len(d), sum(x["open"] for x in d), sum(not x["summary"] for x in d)))


def check_batch(c, p, track_ids):
    """The batch summary: captions above charts, the heat table, the postings."""
    figs = p["figures"]
    c.ok("#tracks figures open with their figcaption",
         figs and all(t == "FIGCAPTION" for t in figs),
         "first children: %s" % ", ".join(t.lower() for t in figs) if figs else "no figure")
    c.ok("#tracks table.heat present", p["heatTables"] == 1, "%d found" % p["heatTables"])
    cells, bad = [], []
    for td in p["heat"]:
        heat = [k for k in td["cls"].split() if re.fullmatch(r"heat[0-5]", k)]
        if re.fullmatch(r"[0-9]+", td["text"]) and heat:
            cells.append((int(td["text"]), int(heat[0][4])))
        else:
            bad.append("%r class %r" % (td["text"], td["cls"]))
    c.ok("heat cells hold counts classed heat0..heat5", cells and not bad,
         "; ".join(bad[:3]) or "no cells")
    c.ok("a larger count never has a lower heat class", not heat_inversion(cells),
         heat_inversion(cells))
    rows = [r for r in p["postings"] if any(h.endswith("02-backend-java.md") for h in r["hrefs"])]
    title = "Backend Developer (Java / Spring Boot)"
    c.ok("#postings shows the title of 02-backend-java.md",
         rows and title in rows[0]["cells"][0],
         rows[0]["cells"][0] if rows else "no row links to 02-backend-java.md")
    col = p["postingHead"].index("Track") if "Track" in p["postingHead"] else -1
    ids = sorted({r["cells"][col] for r in p["postings"]
                  if col >= 0 and col < len(r["cells"]) and r["cells"][col] in track_ids})
    c.ok("#postings names tracks, not their ids", col >= 0 and not ids,
         "shows %s" % ", ".join(ids) if ids else "no Track column")


def heat_inversion(cells):
    """The first pair where the larger count has the lower heat class, or ''."""
    for n1, h1 in cells:
        for n2, h2 in cells:
            if n1 > n2 and h1 < h2:
                return "%d is heat%d but %d is heat%d" % (n1, h1, n2, h2)
    return ""


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr))


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    rolescan, src, out = sys.argv[1:]
    chromium = find_chromium()
    if not chromium:
        print("skipped: no Chromium installed (Debian: apt-get install chromium)")
        return 77
    os.makedirs(out, exist_ok=True)
    samples = os.path.join(src, "samples")
    no_paths = sorted({"/work/", os.path.abspath(src), os.path.realpath(src), "docs/", "lexicons/"})
    pages = []
    for name, expect_role, person in (
            ("01-junior-backend.txt", "Junior Backend Developer", "TOMASZ KOWALCZYK"),
            ("03-senior-backend.txt", "Senior Backend Developer", "DANIEL OKAFOR"),
            ("09-data-engineer.md", "Data Engineer", "Priya Natarajan")):
        html = os.path.join(out, "report-" + os.path.splitext(name)[0] + ".html")
        run([rolescan, "report", "--as-of", "2026-11", "-q", "-o", html,
             os.path.join(samples, "resumes", name)])
        pages.append((html, "resume report", {
            "sections": ["ladder", "roles", "gaps", "skills", "advice", "salary"],
            "at_least": {"roleRows": 3, "skillItems": 8, "marks": 8, "gapItems": 1},
            "contains": {"lede": expect_role, "here": expect_role},
            "resume": True, "name": person, "no_paths": no_paths}))
    job = os.path.join(out, "report-job.html")
    run([rolescan, "report", "--as-of", "2026-11", "-q", "-o", job, "--job",
         os.path.join(samples, "postings", "03-senior-go.txt"),
         os.path.join(samples, "resumes", "03-senior-backend.txt")])
    pages.append((job, "resume report with a job", {
        "sections": ["ladder", "match", "roles", "gaps", "skills"],
        "at_least": {"roleRows": 3, "skillItems": 8},
        "contains": {"allText": "Senior Backend Engineer (Go)"},
        "name": "DANIEL OKAFOR", "no_paths": no_paths}))
    hostile = os.path.join(out, "report-hostile.html")
    run([rolescan, "report", "--as-of", "2026-11", "-q", "-o", hostile,
         os.path.join(src, "tests", "data", "hostile-resume.txt")])
    pages.append((hostile, "hostile resume", {
        "sections": ["ladder", "roles", "gaps", "skills"],
        "at_least": {"skillItems": 3},
        "contains": {"allText": "<script>"},
        "name": "hostile-resume.txt", "no_paths": no_paths}))
    summary = os.path.join(out, "batch-summary.html")
    batch_csv = os.path.join(out, "batch.csv")
    run([rolescan, "classify", "--as-of", "2026-11", "-q", "--format", "csv", "-o",
         batch_csv, "--report", summary, os.path.join(samples, "postings"),
         os.path.join(src, "tests", "golden", "inputs", "classify-faults")])
    with open(batch_csv, newline="") as f:
        track_ids = {r["track"] for r in csv.DictReader(f) if r["track"]}
    pages.append((summary, "batch summary", {
        "sections": ["tracks", "top-skills", "postings", "errors"],
        "charts": 2,
        "at_least": {"postingRows": 15, "errorRows": 2},
        "contains": {"lede": "postings"},
        "no_paths": no_paths, "track_ids": sorted(track_ids | {"backend"})}))
    c = Checks()
    with tempfile.TemporaryDirectory() as profile:
        b = Browser(chromium, profile)
        try:
            for path, kind, expect in pages:
                check_page(b, c, path, kind, expect)
        finally:
            b.close()
    if c.failed:
        print("%d checks failed: %s" % (len(c.failed), "; ".join(c.failed)))
        return 1
    print("all checks passed; screenshots in %s" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
