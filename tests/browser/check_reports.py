#!/usr/bin/env python3
"""Opens rolescan's HTML reports in headless Chromium and checks what it
renders: the expected sections and figures are in the DOM, no script ran
(none was parsed, nothing changed the title, no inline handler or
javascript: link exists), and no request left the page. Saves phone and
desktop screenshots next to the reports.

    tests/browser/check_reports.py ROLESCAN SOURCE_DIR OUT_DIR

Speaks the Chrome DevTools Protocol over a WebSocket with the standard
library only. Exit 0 when every check holds, 1 when one fails (each
named), 77 (CTest's skip) when no Chromium is installed.
"""
import base64
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
    width: document.documentElement.scrollWidth,
  };
})()"""


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
    got = b.call("Runtime.evaluate", {"expression": PROBE, "returnByValue": True})
    probe = got["result"]["value"]
    requests = [e["params"]["request"]["url"] for e in page_events
                if e.get("method") == "Network.requestWillBeSent"]
    scripts = [e["params"].get("url", "") for e in page_events
               if e.get("method") == "Debugger.scriptParsed"]
    logs = [e["params"]["entry"]["text"] for e in page_events
            if e.get("method") == "Log.entryAdded"]
    return url, probe, requests, scripts, logs


def screenshot(b, out, width, height, mobile):
    b.call("Emulation.setDeviceMetricsOverride",
           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    m = b.call("Page.getLayoutMetrics")
    size = m.get("cssContentSize") or m["contentSize"]
    shot = b.call("Page.captureScreenshot",
                  {"format": "png", "captureBeyondViewport": True,
                   "clip": {"x": 0, "y": 0, "width": width,
                            "height": min(size["height"], 12000), "scale": 1}})
    with open(out, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    probe = b.call("Runtime.evaluate",
                   {"expression": "document.documentElement.scrollWidth", "returnByValue": True})
    return probe["result"]["value"]


class Checks:
    def __init__(self):
        self.failed = []

    def ok(self, name, cond, detail=""):
        print("  %s %s%s" % ("ok  " if cond else "FAIL", name, (": " + detail) if detail and not cond else ""))
        if not cond:
            self.failed.append(name)


def check_page(b, c, path, kind, expect):
    print("%s (%s)" % (os.path.basename(path), kind))
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
    base = os.path.splitext(path)[0]
    for label, w, h, mobile in (("phone", 390, 844, True), ("desktop", 1280, 900, False)):
        sw = screenshot(b, "%s-%s.png" % (base, label), w, h, mobile)
        c.ok("%s width: no horizontal overflow (%d px)" % (label, sw), sw <= w, str(sw))


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
    pages = []
    for name, expect_role in (("01-junior-backend.txt", "Junior Backend Developer"),
                              ("03-senior-backend.txt", "Senior Backend Developer"),
                              ("09-data-engineer.md", "Data Engineer")):
        html = os.path.join(out, "report-" + os.path.splitext(name)[0] + ".html")
        run([rolescan, "report", "--as-of", "2026-11", "-q", "-o", html,
             os.path.join(samples, "resumes", name)])
        pages.append((html, "resume report", {
            "sections": ["ladder", "roles", "gaps", "skills", "advice", "salary"],
            "at_least": {"roleRows": 3, "skillItems": 8, "marks": 8, "gapItems": 1},
            "contains": {"lede": expect_role, "here": expect_role}}))
    hostile = os.path.join(out, "report-hostile.html")
    run([rolescan, "report", "--as-of", "2026-11", "-q", "-o", hostile,
         os.path.join(src, "tests", "data", "hostile-resume.txt")])
    pages.append((hostile, "hostile resume", {
        "sections": ["ladder", "roles", "gaps", "skills"],
        "at_least": {"skillItems": 3},
        "contains": {"bodyText": "<script>"}}))
    summary = os.path.join(out, "batch-summary.html")
    run([rolescan, "classify", "--as-of", "2026-11", "-q", "--format", "csv", "-o",
         os.path.join(out, "batch.csv"), "--report", summary, os.path.join(samples, "postings"),
         os.path.join(src, "tests", "golden", "inputs", "classify-faults")])
    pages.append((summary, "batch summary", {
        "sections": ["tracks", "top-skills", "postings", "errors"],
        "charts": 2,
        "at_least": {"postingRows": 15, "errorRows": 2},
        "contains": {"lede": "postings"}}))
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
