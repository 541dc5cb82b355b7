#!/usr/bin/env python3
"""Generate the extended skill lexicons from public data.

    scripts/gen_lexicon.py [--sources DIR] [--lexicons DIR] [--words FILE]
                           [--check] [--stats] [--report FILE]

Writes two generated lexicon files next to the hand-written ones:

  lexicons/skills-linguist.xml  languages of GitHub Linguist's languages.yml
                                (MIT, GitHub Inc.): programming languages,
                                then markup, data and prose formats
  lexicons/skills-onet.xml      the technology examples ("Example" column of
                                Technology Skills.txt) of O*NET 29.3
                                (CC BY 4.0, USDOL/ETA): computer occupations
                                (15-xxxx), Hot Technologies and In Demand
                                first, then the other tiers of ONET_TIERS

Sources are taken in a fixed order, each tier whole, until the folder holds
TARGET_SKILLS (3,000) skills: Linguist programming languages, O*NET 15-xxxx
and the Hot Technologies of 11-3021 and 17-xxxx; then Linguist markup, data
and prose; then 11-3021's other examples and 17-xxxx In Demand, 17-xxxx tools
of several occupations, 17-xxxx software development tools, 17-xxxx other
tools. The files are committed; running the script again rebuilds them
byte-identically (same sources, same hand-written lexicons, same word list).
`--check` compares instead of writing (exit 1 when a file is out of date);
`--stats` prints counts on stderr; `--report FILE` writes every decision
(kept or dropped, and why) as TSV.

Rules (lexicons/FORMAT.md has the format):
  * Duplicates. Every alias, stop and cue of the hand-written lexicons (every
    lexicon file of the folder but the two generated ones) is normalized as
    rolescan matches (NFKC, case folding, accent stripping, rolescan's
    tokens: a hyphen between letters is a space). A generated entry whose
    name, shortened name, singular/plural, Linguist alias or own short name
    ("Tcl" of "Tool command language Tcl") is already an alias is the same
    skill and is left out; an acronym counts only when its long form shares
    a word with that skill ("EDA" of Electronic design automation is not the
    hand-written Event-Driven Architecture). Preference: hand-written, then
    Linguist, then O*NET; no alias is given to two skills.
  * Ambiguity. One-token names of 1-2 letters/digits are dropped. A
    one-word name that is a word or a name of the word list, or of
    EXTRA_AMBIGUOUS (Processing, Reason, Pony, Janet, Eiffel, Cairo, Slack,
    Teams ...), is left out (Linguist's other aliases stay: Max -> "Max/MSP")
    unless written like no word is (PostScript, ChucK) or listed in
    NOTABLE_WORD_NAMES (Handlebars, Mustache, Dropbox, Samba ...): those,
    and acronyms of 4 letters or less (BGP, CMS, SAN), get context="tech"
    case="exact". Acronyms that are English words (FIRST, BASIC) and
    everyday abbreviations (ASAP, KPI) are dropped. A vendor's remainder
    ("Oracle Human Resources" -> "Human Resources") must be unambiguous.
    Names of several words are names ("Microsoft Word").
  * O*NET names. Descriptions ("Network monitoring software", "Compilers")
    are categories, not tools: left out; O*NET writes them in sentence case.
    A generic trailing " software" is cut ("Ansible software" -> Ansible); a
    vendor prefix ("Microsoft", or "<Company> Software|Systems|...") gives a
    second alias; a trailing acronym of the words before it ("Border Gateway
    Protocol BGP", "Internet Information Services (IIS)") gives the long form
    and the acronym; the full O*NET name is kept as an alias unless shorter
    aliases of the skill match the same words. Acronyms of categories (ERP,
    CRM, CMS) are aliases only of the O*NET entry that defines them.
    Categories come from the commodity titles (COMMODITY_CATEGORY; unknown:
    tool; a language listed as development software: language).
  * Implications. A Linguist language of a group implies the group's
    language; an O*NET product naming a hand-written product as whole
    tokens ("Teradata FastLoad") implies it, so role scores that count the
    hand-written skill still see it where the longer term wins.

Requirements: python3 standard library, the O*NET and Linguist sources
(default /work/shared/data/sources, or --sources), and the English word list
/usr/share/dict/words of Debian's `wamerican` package (2020.12.07-2 in
Debian 12): `apt-get install wamerican`. The word list is needed only here,
to regenerate the files; building and running rolescan never needs it (nor
this script). PyYAML is not used: languages.yml is read by a small parser
of the subset of YAML it uses.
"""
import argparse
import csv
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

VERSION = "2026.11.0"
NS = "urn:rolescan:lexicon:1"
WORDS_FILE = "/usr/share/dict/words"
GENERATED = ("skills-onet.xml", "skills-linguist.xml")

ONET_DIR = "onet-29.3"
ONET_FILE = "Technology Skills.txt"
LINGUIST_DIR = "linguist"
LINGUIST_FILE = "languages.yml"

ONET_ATTRIBUTION = (
    "O*NET 29.3 Database (May 2025) by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA), used under the "
    "CC BY 4.0 license; generated by scripts/gen_lexicon.py")
ONET_NOTE = (
    " Technology examples (Technology Skills.txt), in this order: %s. Names shortened "
    "(vendor prefixes, trailing \"software\", acronyms) and categories mapped "
    "from the commodity titles by the script. O*NET is a trademark of "
    "USDOL/ETA. https://www.onetcenter.org/license_db.html")

# O*NET tiers, in the order they are taken (a tier is taken whole, and only
# while the folder is short of TARGET_SKILLS).
ONET_TIERS = [
    "Computer occupations (15-xxxx): Hot Technologies and In Demand",
    "Computer occupations (15-xxxx): other technology examples",
    "IT managers (11-3021) and engineers (17-xxxx): Hot Technologies",
    "IT managers (11-3021): other examples; engineers: In Demand",
    "Engineers (17-xxxx): tools of two or more occupations",
    "Engineers (17-xxxx): software development tools of one occupation",
    "Engineers (17-xxxx): other tools",
]
# Commodity titles of software development (for the engineers' tools).
SOFTWARE_TITLES = {
    "Development environment software",
    "Object or component oriented development software",
    "Data base management system software",
    "Data base user interface and query software",
    "Data base reporting software",
    "Operating system software",
    "Program testing software",
    "Web platform development software",
    "Configuration management software",
    "Application server software",
    "Platform interconnectivity software",
    "Information retrieval or search software",
    "Compiler and decompiler software",
    "Graphical user interface development software",
}
LINGUIST_TYPES = ["programming", "markup", "data", "prose"]
LINGUIST_SECTIONS = {"programming": "Programming languages",
                     "markup": "Markup and template languages",
                     "data": "Data, configuration and file formats",
                     "prose": "Prose and documentation formats"}

# The goal for the whole folder (hand-written + generated skills).
TARGET_SKILLS = 3000

# ---------------------------------------------------------------------------
# Normalization: the matching key rolescan gives a term (NFKC, case folding,
# accent stripping, lumping of dashes and quotes, then tokens: runs of
# letters/digits or single punctuation characters, joined by a space unless
# written glued).
_LUMP = {
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'", "\u201a": "'",
    "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2044": "/", "\u2215": "/",
}


def fold(text):
    s = unicodedata.normalize("NFKC", text).casefold()
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) not in ("Mn", "Me", "Cf"))
    s = unicodedata.normalize("NFC", s)
    return "".join(_LUMP.get(c, c) for c in s)


def _is_word_char(c):
    return c.isalnum() or unicodedata.category(c)[0] in "LNM"


def tokens(text):
    """[(token, glued)] of the folded text, as rolescan's tokenizer cuts it:
    in each run of non-space characters, runs of letters and digits and
    single punctuation characters; a hyphen between two ASCII letters
    separates words as a space does ("front-end" = "front end")."""
    s = fold(text)
    out = []
    for m in re.finditer(r"\S+", s):
        chunk = m.group(0)
        i, n = 0, len(chunk)
        glued = False
        while i < n:
            c = chunk[i]
            if _is_word_char(c):
                j = i
                while j < n and _is_word_char(chunk[j]):
                    j += 1
                out.append((chunk[i:j], glued))
                i = j
            elif c == "-" and 0 < i < n - 1 and "a" <= chunk[i - 1] <= "z" \
                    and "a" <= chunk[i + 1] <= "z":
                i += 1
                glued = False
                continue
            else:
                out.append((c, glued))
                i += 1
            glued = True
    return out


def key(text):
    toks = tokens(text)
    parts = []
    for k, (t, g) in enumerate(toks):
        if k and not g:
            parts.append(" ")
        parts.append(t)
    return "".join(parts)


_TLDS = (".com", ".org", ".edu", ".gov", ".dev", ".co.uk", ".de", ".fr", ".me")


def reads_as_barrier(text):
    """rolescan never looks inside URLs, domains and e-mail addresses."""
    for chunk in fold(text).split():
        chunk = chunk.strip(".,;:!?()[]{}<>\"'")
        if "://" in chunk or chunk.startswith("www.") or "@" in chunk:
            return True
        if "." in chunk:
            end = chunk.split("/", 1)[0]
            if any(end.endswith(t) and len(end) > len(t) for t in _TLDS):
                return True
    return False


def plural_variants(text):
    """"Protocol Buffer" <-> "Protocol Buffers": probes for duplicates."""
    if " " not in text.strip():
        return []       # "Polar" is not "Polars"
    if re.search(r"[A-Za-z]{3}s$", text) and not text.endswith("ss"):
        return [text[:-1]]
    if re.search(r"[A-Za-z]{3}$", text):
        return [text + "s"]
    return []


def term_ok(text):
    """A term rolescan accepts: 1-120 characters, 1-16 tokens, no URL."""
    return 1 <= len(text) <= 120 and 1 <= len(tokens(text)) <= 16 \
        and not reads_as_barrier(text)


# ---------------------------------------------------------------------------
# Ambiguity.
class Words:
    """The English word list: common (lower-case) words and proper names."""

    def __init__(self, path):
        self.common = set()
        self.proper = set()
        with open(path, encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                if not w or "'" in w:
                    continue
                if w[0].isupper():
                    self.proper.add(fold(w))
                else:
                    self.common.add(fold(w))

    def is_common(self, word):
        w = fold(word)
        return w in self.common or (len(w) > 4 and w.endswith("s") and
                                    w[:-1] in self.common)

    def is_word(self, word):
        w = fold(word)
        return w in self.common or w in self.proper


# Words the word list lacks (or spells differently) that read as ordinary
# words or names in resumes.
EXTRA_AMBIGUOUS = {
    # names of Linguist languages and O*NET tools that are words or names
    # in other languages, or in everyday English though the list lacks them
    "io", "teams", "slack", "zoom", "box", "dash", "spark", "hive", "pig",
    "storm", "flume", "tableau", "looker", "mode", "domo", "ink", "click",
    "kit", "mint", "nu", "opal", "gap", "stan", "sage", "scratch", "max",
    "move", "roc", "leo", "ring", "red", "jac", "just", "edge", "tea",
    "mask", "pic", "latte", "slim", "blade", "liquid", "less", "riot",
    "vento", "bru", "glyph", "mercury", "grace", "clean", "cool", "arc",
    "alloy", "crystal", "curry", "dune", "hack", "lean", "lasso", "logos",
    "monkey", "parrot", "pike", "polar", "pony", "processing", "pure",
    "quake", "rouge", "sail", "self", "boo", "factor", "fancy", "charity",
    "cadence", "carbon", "clarity", "fluent", "genie", "janet", "jolie",
    "joy", "papyrus", "pawn", "volt", "chef", "salt", "vault", "helm",
    "puppet", "word", "access", "outlook", "project", "publisher", "excel",
    "office", "forms", "chrome", "safari", "opera", "notepad", "paint",
    "pages", "numbers", "keynote", "photos", "drive", "docs", "sheets",
    "slides", "calendar", "meet", "duo", "groups", "sites", "directory",
    "defender", "dynamics", "sentinel", "pulse", "workday", "basecamp",
    "monday", "asana", "notion", "visual", "studio", "server", "database",
    "cloud", "analytics", "script", "basic", "logo", "forth", "turing",
    "harbour", "squirrel", "nit", "pact", "pan", "oz", "ox", "wisp",
    "vim", "emacs", "nano", "hugo", "gatsby", "gulp", "grunt", "yarn",
    "mocha", "jasmine", "karma", "jest", "chai", "sinon", "enzyme", "cypress",
    "route", "dig", "sand", "kant", "loom", "seesaw", "eko", "augmint",
    "calibre", "cufflinks", "bowtie", "tophat", "canu",
    # first names, surnames and words of other languages the list lacks
    "jasmin", "shen", "uno", "rez", "whiley", "jai", "opa", "vala", "golo",
    "imba", "noir", "frege", "flix", "quint", "idris", "marko", "soong",
    "kickstart", "meister", "rapide", "allora", "meson",
}

# Abbreviations of everyday office English.
EVERYDAY_ABBREVIATIONS = {
    "asap", "faq", "faqs", "ceo", "cto", "cfo", "coo", "eta", "tbd", "fyi",
    "pto", "kpi", "kpis", "roi", "okr", "okrs", "eod", "rsvp", "aka", "diy",
    "usa", "hq", "mba", "phd", "bsc", "msc", "gpa", "ngo", "llc", "inc",
    "ltd", "org", "etc", "n/a", "tba", "wfh", "nda", "sow", "rfp", "rfq",
    "sla", "slas", "b2b", "b2c", "saas", "ceo", "vp", "svp", "evp",
}

# Names left out whatever the rules say: descriptions rather than tools, or
# names that read as something else in resumes.
DROP_NAMES = {
    # Linguist entries that are file kinds or jokes, not skills
    "Checksums", "Ignore List", "Option List", "Raw token data", "Record Jar",
    "Text", "Public Key", "Formatted", "desktop", "E-mail", "Readline Config",
    "Hosts File", "Git Revision List", "Git Attributes", "Git Config",
    "Git Commit", "Redirect Rules", "Python traceback", "Python console",
    "Julia REPL", "Elvish Transcript", "IRC log", "Jest Snapshot",
    "Omgrofl", "Dogescript", "LOLCODE", "Brainfuck", "Befunge",
    "Apollo Guidance Computer", "Linear Programming",
    "World of Warcraft Addon Data", "Go Checksums", "Go Workspace",
    "Simple File Verification", "2-Dimensional Array", "Cue Sheet",
    "Survex data", "Wget Config", "Tor Config", "NPM Config", "cURL Config",
    "nanorc", "dircolors", "XCompose", "X Font Directory Index",
    "Win32 Message File", "Windows Registry Entries", "Gerber Image",
    "Wavefront Material", "Wavefront Object", "Edje Data Collection",
    "Ecere Projects", "Filebench WML", "Spline Font Database",
    "Glyph Bitmap Distribution Format", "STAR", "STON", "NL", "Pickle",
    "Roff Manpage", "Vim Snippet", "YASnippet", "SRecode Template",
    "Rich Text Format", "RUNOFF", "Quake", "Click", "Mask", "Pic", "Kit",
    "Tea", "Edge", "ATS", "Nit", "Pan", "Gemini", "Pod", "Pod 6", "Diff",
    "Muse", "Singularity", "Org",
    # O*NET names that read as plain words, people, places or employers
    "Word", "Access", "Outlook", "Project", "Teams", "Slack", "Facebook",
    "LinkedIn", "YouTube", "Epic Systems", "Seimens Healthineers",
    "Riverbed Technology", "Silver Peak", "LexisNexis", "McAfee", "Route",
    "Dig", "SAND", "KANT", "Diameter", "Loom", "Seesaw", "Compilers",
    "Decompilers", "Autocoders", "Honeypot", "Traffic shapers", "MUMPS M",
    "Microsoft operating system", "Ping Identity", "Systemware", "Eko",
    "Augmint", "Unawave", "Delphi Technology", "Magellan Firmware",
    "Retargetable compiler", "Apple Shazam", "Abbott", "Survey", "Debuggers",
    "Emulators", "MAGIC",
}

# One-word names that are everyday English words but well-known tools: they
# are kept with context="tech" case="exact". Other such names are left out
# (their other aliases stay: Max -> "Max/MSP", Just -> "Justfile").
NOTABLE_WORD_NAMES = {
    "Metal", "Handlebars", "Mustache", "Bison", "Nix", "Samba", "Snort", "PuTTY", "Blackboard", "SAP",
    "Mermaid", "Pug", "Dropbox", "Bugzilla", "Jekyll", "Skype", "Yacc",
    "Meson",
}

# Acronyms and names that read as people, places or plain words in resumes.
DROP_WORDS = {"tim", "sam", "hms", "abel", "oslo", "les", "parthenon", "napa",
              "rodin", "minos", "asl", "ron", "pid", "gaussian", "pegasus",
              "aztec", "lld"}

# Secondary aliases (Linguist's code-fence names) that point elsewhere.
DROP_ALIASES = {
    "emacs", "node", "man", "inc", "apache", "django", "terraform",
    "opentofu", "octave", "delphi", "progress", "openedge", "raw", "commit",
    "mail", "email", "eml", "mbox", "hash", "hashes", "sum", "sums",
    "checksum", "irc", "ignore", "snippet", "readline", "robots", "hosts",
    "redirects", "cron", "cron table", "conf", "cake", "coffee", "flex",
    "make", "rake", "mumps", "lisp", "batch", "apples", "commit", "octave",
    "postscr", "carto", "caddy", "cabal", "gtk", "gtk 1", "gtk 2", "bird",
    "bird3", "altium", "eagle", "ad block", "adblock", "ad block filters",
    "adb", "keyvalues", "python3", "py3", "live-script", "jruby", "rusthon",
    "macruby", "splus", "html+ruby", "html+django", "html+jinja",
    "htmldjango", "xml+kid", "xml+genshi", "java server page", "aspx-vb",
    "velocity", "latex", "manpage", "man page", "man-page", "mdoc",
    "electronic business card", "virtual contact file", "ical",
    "travelling salesman problem", "traveling salesman problem",
    "tab-seperated values", "robots txt", "robotx.txt", "text proto",
    "hls playlist", "m3u playlist", "nginx configuration file", "wsdl", "xsd",
    "rss", "topojson", "geojson", "sarif", "jsonl", "ipython notebook",
    "cucumber", "terraform", "classic qbasic", "classic quickbasic",
    "basic for android", "coldfusion html", "nvim", "proto", "autoconf",
    "specfile",
}

# ---------------------------------------------------------------------------
# O*NET names.
VENDORS = [
    # longest first where one is a prefix of another
    "Microsoft", "Apache", "Oracle", "IBM", "Amazon Web Services", "Amazon",
    "AWS", "Google", "Adobe Systems", "Adobe", "SAP", "Autodesk", "Atlassian",
    "Cisco Systems", "Cisco", "Apple", "Hewlett Packard", "HP", "Intuit",
    "Salesforce", "VMware", "Red Hat", "Citrix", "Dell", "EMC", "Symantec",
    "McAfee", "Novell", "Sun Microsystems", "Sun", "JetBrains", "Embarcadero",
    "Eclipse", "Mozilla", "Facebook", "Meta", "Netscape", "Computer Associates",
    "CA", "BMC Software", "Micro Focus", "Quest Software", "SAS Institute",
    "Teradata", "Informatica", "TIBCO Software", "TIBCO", "Software AG",
    "Progress Software", "Progress", "Borland", "Sybase", "Unisys", "Infor",
    "Epicor", "Esri", "ESRI", "Dassault Systemes", "Bentley Systems", "PTC",
    "Siemens", "NVIDIA", "Intel", "Hitachi", "Fujitsu", "Corel", "Qualys",
    "Tenable", "Trend Micro", "Kaspersky", "Sophos", "Splunk", "SolarWinds",
    "NetIQ", "Veritas", "Avaya", "Juniper Networks", "Juniper", "F5 Networks",
    "Palo Alto Networks", "Check Point", "Fortinet", "Blackbaud", "Ellucian",
    "Deltek", "Sage", "Workday", "ServiceNow", "Zoho", "HashiCorp", "Docker",
    "Pivotal", "Puppet Labs", "Chef", "Rapid7", "Wolfram Research",
    "The MathWorks", "MathWorks", "Minitab", "IBM Rational", "Rational",
    "Micro Strategy", "MicroStrategy", "Qlik", "Alteryx", "Tableau", "Twilio",
    "Meta Platforms", "Yahoo", "Adobe Inc.", "Trimble", "Hexagon", "Altair",
    "Ansys", "ANSYS", "Cadence", "Mentor Graphics", "Synopsys", "Xilinx",
    "National Instruments", "Rockwell Automation", "Schneider Electric",
    "Fog Creek Software", "Econometric Software", "Stanford Business Software",
    "Dartware", "Hex-Rays", "Aptech Systems", "LINDO Systems", "Insightful",
    "Cognizant", "Actuate", "Bizmatics", "GE Healthcare", "Imagine That",
    "Coglin Mill", "DB Tech", "ITT Visual Information Solutions", "Insureware",
    "Claritas", "Allscripts", "Cerner", "Epic Systems", "McKesson",
    "Micosoft", "Unity Technologies", "Hewlett-Packard", "Wind River",
    "Qlik Tech", "Quest", "ToadSoft", "Rapid-I", "SmugMug", "Vector 35",
    "Stat-Ease", "StatPoint", "Systat Software", "LogMeIn", "Grafana Labs",
    "Red Hat", "Trimble", "Bentley", "OpenMake Software", "Infoblox",
]
# Vendor prefixes that need two words before the product: "Microsoft Visual
# Studio" keeps "Visual Studio", never "Studio".
_VENDOR_KEYS = sorted({v for v in VENDORS}, key=lambda v: (-len(v), v))

# Generic head words of O*NET descriptions ("... software").
GENERIC_TAIL = re.compile(r"\s+(?:software|Software|programs?|applications?|tools?)$")
FUNCTION_WORDS = {"and", "or", "of", "for", "to", "the", "a", "an", "&", "in",
                  "on", "with", "by"}
GENERIC_HEADS = {"software", "systems", "system", "tools", "tool",
                 "programs", "program", "applications", "application",
                 "utilities", "utility", "interpreters", "compilers",
                 "suites", "suite", "packages", "platforms", "services",
                 "libraries", "environments", "databases", "editors",
                 "emulators", "languages", "servers", "browsers"}
# Words that may appear in a generic description though the word list lacks
# them.
GENERIC_WORDS = {"3d", "2d", "online", "e-mail", "email", "anti", "trojan",
                 "spyware", "phishing", "antivirus", "cad", "cam", "web",
                 "internet", "munger", "debugger", "debuggers", "middleware",
                 "workflow", "wiki", "wikis", "chatbot", "geospatial", "ip",
                 "app", "apps", "dataset", "datasets", "plugin", "plugins",
                 "cybersecurity", "backend", "frontend", "firmware",
                 "multimedia", "virtualization", "videoconferencing",
                 "photogrammetric", "geodetic", "trojan", "profilers"}

# Descriptive tails of O*NET names: "Rust programming language" is Rust.
DESCRIPTIVE_TAIL = re.compile(
    r"\s+(?:programming language|language|software|framework|library|IDE|CI|"
    r"ORM|API|platform|database|DB|server|suite|tools?|system|services|"
    r"enterprise|edition|professional|pro)$", re.I)

# Acronyms of categories, not of one product: "SAP ERP" never owns "ERP",
# "Sitecore CMS" is no duplicate of a CMS skill. Such an acronym becomes an
# alias only of the O*NET entry that defines it ("Content management
# systems CMS").
GENERIC_ACRONYMS = {
    "ERP", "CRM", "EMR", "EHR", "CMS", "SIEM", "IDE", "ECM", "HMI", "PLC",
    "CNC", "GIS", "BI", "ETL", "ESB", "API", "SDK", "HR", "HRMS", "PLM",
    "MES", "MRP", "DMS", "LMS", "SCADA", "FEA", "CAD", "CAM", "CAE", "CADD",
    "ATPG", "COGO", "RTL", "EDA", "PPM", "ALM", "BPM", "IDS", "IPS", "VPN",
    "DLP", "MDM", "OCR", "SQL", "DBMS", "RDBMS", "OS", "PDM", "QMS", "WMS",
    "EAM", "CMMS", "SCM", "HCM", "POS", "GUI", "UI", "IT", "AI", "ML",
}

# Categories of hand-written skills that a generated product may imply.
TECH_CATEGORIES = {"language", "framework", "library", "database", "cloud",
                   "infrastructure", "ci_cd", "observability", "data", "ml",
                   "testing", "security", "api", "mobile", "os", "tool"}

# The order of an O*NET skill's aliases in the file.
ROLE_ORDER = {"full": 0, "clean": 1, "long": 2, "remainder": 3, "acronym": 4}

# Words too general to show that two skills are about the same thing.
SHARED_WORDS = {"system", "systems", "software", "management", "data",
                "network", "service", "services", "language", "protocol",
                "control", "design", "server", "application", "applications",
                "enterprise", "program", "programming", "computer", "digital",
                "information", "analysis", "development", "integrated"}

# Commodity title -> category. Unknown titles -> tool.
COMMODITY_CATEGORY = {
    "Access software": "tool",
    "Accounting software": "business",
    "Administration software": "infrastructure",
    "Analytical or scientific software": "data",
    "Application server software": "infrastructure",
    "Authentication server software": "security",
    "Backup or archival software": "infrastructure",
    "Bridge software": "infrastructure",
    "Business intelligence and data analysis software": "data",
    "Calendar and scheduling software": "tool",
    "Categorization or classification software": "data",
    "Charting software": "data",
    "Cloud-based data access and sharing software": "tool",
    "Cloud-based management software": "cloud",
    "Cloud-based protection or security software": "security",
    "Clustering software": "infrastructure",
    "Communications server software": "infrastructure",
    "Compiler and decompiler software": "tool",
    "Compliance software": "security",
    "Computer aided design CAD software": "tool",
    "Computer aided manufacturing CAM software": "tool",
    "Computer based training software": "tool",
    "Computer imaging software": "tool",
    "Configuration management software": "infrastructure",
    "Content workflow software": "tool",
    "Customer relationship management CRM software": "business",
    "Data base management system software": "database",
    "Data base reporting software": "data",
    "Data base user interface and query software": "database",
    "Data compression software": "tool",
    "Data conversion software": "data",
    "Data mining software": "data",
    "Desktop communications software": "tool",
    "Desktop publishing software": "tool",
    "Development environment software": "tool",
    "Device drivers or system software": "os",
    "Document management software": "tool",
    "Electronic mail software": "tool",
    "Enterprise application integration software": "infrastructure",
    "Enterprise resource planning ERP software": "business",
    "Enterprise system management software": "infrastructure",
    "Expert system software": "ml",
    "Facilities management software": "business",
    "File versioning software": "tool",
    "Filesystem software": "os",
    "Financial analysis software": "business",
    "Flight control software": "tool",
    "Gateway software": "infrastructure",
    "Geographic information system": "data",
    "Graphical user interface development software": "framework",
    "Graphics or photo imaging software": "tool",
    "Helpdesk or call center software": "business",
    "Human resources software": "business",
    "Industrial control software": "tool",
    "Information retrieval or search software": "database",
    "Instant messaging software": "tool",
    "Interactive voice response software": "tool",
    "Internet browser software": "tool",
    "Internet directory services software": "infrastructure",
    "Internet protocol IP multimedia subsystem software": "api",
    "Inventory management software": "business",
    "LAN software": "infrastructure",
    "License management software": "tool",
    "Manufacturing execution system MES software": "business",
    "Map creation software": "data",
    "Materials requirements planning logistics and supply chain software": "business",
    "Medical software": "business",
    "Metadata management software": "data",
    "Mobile location based services software": "mobile",
    "Multi-media educational software": "tool",
    "Music or sound editing software": "tool",
    "Network conferencing software": "tool",
    "Network connectivity terminal emulation software": "tool",
    "Network monitoring software": "observability",
    "Network operating system enhancement software": "infrastructure",
    "Network operation system software": "os",
    "Network security and virtual private network VPN equipment software": "security",
    "Network security or virtual private network VPN management software": "security",
    "Object or component oriented development software": "framework",
    "Object oriented data base management software": "database",
    "Office suite software": "tool",
    "Operating system software": "os",
    "Optical character reader OCR or scanning software": "tool",
    "Optical network management software": "infrastructure",
    "Pattern design software": "tool",
    "Platform interconnectivity software": "infrastructure",
    "Point of sale POS software": "business",
    "Portal server software": "infrastructure",
    "Presentation software": "tool",
    "Procedure management software": "tool",
    "Process mapping and design software": "tool",
    "Procurement software": "business",
    "Program testing software": "testing",
    "Project management software": "tool",
    "Requirements analysis and system architecture software": "architecture",
    "Risk management data and analysis software": "business",
    "Route navigation software": "tool",
    "Sales and marketing software": "business",
    "Software defined networking/ virtualization software": "infrastructure",
    "Spreadsheet software": "tool",
    "Storage media loading software": "infrastructure",
    "Storage networking software": "infrastructure",
    "Switch or router software": "infrastructure",
    "Time accounting software": "business",
    "Transaction security and virus protection software": "security",
    "Transaction server software": "infrastructure",
    "Video conferencing software": "tool",
    "Video creation and editing software": "tool",
    "WAN switching software and firmware": "infrastructure",
    "Web page creation and editing software": "tool",
    "Web platform development software": "framework",
    "Wireless software": "infrastructure",
    "Word processing software": "tool",
}
# Commodity titles under which a programming language may be listed.
LANGUAGE_TITLES = {
    "Object or component oriented development software",
    "Development environment software",
    "Web platform development software",
    "Compiler and decompiler software",
    "Analytical or scientific software",
}

# O*NET names whose shortened forms name something else (a vendor-less
# remainder or an acronym that is another skill): only the full name is kept.
KEEP_FULL_NAME_ONLY = {
    "Cisco IOS": [],                       # not Apple's iOS
    "Qualys Cloud Platform": [],           # not "cloud platform"
    "Amazon Data Pipeline": ["AWS Data Pipeline"],
    "IBM Rational Apex": [],               # not Salesforce Apex
    "Oracle Application Express APEX": ["Oracle Application Express",
                                        "Oracle APEX"],
}

# Words that end a company name in O*NET's "<company> <product>" names:
# "Fog Creek Software FogBugz", "Cisco Systems CiscoWorks".
COMPANY_WORDS = {"Software", "Systems", "Technologies", "Technology",
                 "Networks", "Corporation", "Corp", "Incorporated", "Inc",
                 "Labs", "Research", "Solutions", "Group", "Studios",
                 "Scientific", "Sciences", "Healthcare", "International",
                 "Communications", "Instruments", "Geosystems", "Graphics"}

# ---------------------------------------------------------------------------
# Reading the sources.


def read_onet(path):
    """Rows of Technology Skills.txt as dicts."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _yaml_scalar(v):
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] == '"':
        return bytes(v[1:-1], "utf-8").decode("unicode_escape").encode(
            "latin-1").decode("utf-8") if "\\" in v else v[1:-1]
    if len(v) >= 2 and v[0] == v[-1] == "'":
        return v[1:-1].replace("''", "'")
    return v


def read_linguist(path):
    """{name: {"type":, "aliases": [...], "group":}} in file order.

    languages.yml uses a fixed subset of YAML: a top-level key per language
    (column 0, ending in ':'), two-space indented scalar properties, and
    lists as "  - item" lines under "  key:"."""
    langs = {}
    cur = None
    listkey = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#") or line == "---":
                continue
            if not line.startswith(" "):
                if not line.endswith(":"):
                    raise ValueError("languages.yml: unexpected line: " + line)
                name = _yaml_scalar(line[:-1])
                cur = langs.setdefault(name, {"aliases": []})
                listkey = None
                continue
            if cur is None:
                raise ValueError("languages.yml: property before a language")
            body = line.strip()
            if body.startswith("- "):
                if listkey == "aliases":
                    cur["aliases"].append(_yaml_scalar(body[2:]))
                continue
            k, _, v = body.partition(":")
            if v.strip():
                cur[k] = _yaml_scalar(v)
                listkey = None
            else:
                listkey = k
    return langs


def read_handwritten(lexdir):
    """Keys claimed by the hand-written lexicons: alias key -> skill id,
    the set of ids, stop and cue keys."""
    alias_owner = {}
    ids = set()
    stops = set()
    cues = set()
    contexted = set()     # alias keys that need context in the hand-written
    names = {}
    categories = {}
    written = {}
    files = []
    for fn in sorted(os.listdir(lexdir)):
        if not fn.endswith(".xml") or fn in GENERATED:
            continue
        path = os.path.join(lexdir, fn)
        root = ET.parse(path).getroot()
        if root.tag != "{%s}lexicon" % NS:
            continue
        files.append(fn)
        for sk in root.iter("{%s}skill" % NS):
            sid = sk.get("id")
            ids.add(sid)
            names[sid] = sk.get("name")
            categories[sid] = sk.get("category")
            for a in sk.iter("{%s}alias" % NS):
                k = key(a.text)
                written.setdefault(k, a.text)
                alias_owner.setdefault(k, sid)
                if a.get("context") == "tech" or a.get("case") == "exact":
                    contexted.add(k)
        for s in root.iter("{%s}stop" % NS):
            stops.add(key(s.text))
        for c in root.iter("{%s}cue" % NS):
            cues.add(key(c.text))
    return (alias_owner, ids, stops, cues, contexted, names, files,
            categories, written)


# ---------------------------------------------------------------------------
# The generator.


class Skill:
    def __init__(self, source, name, category, tier, comment):
        self.source = source
        self.name = name
        self.category = category
        self.tier = tier
        self.comment = comment
        self.aliases = []        # [(term, needs_context_exact, context_only)]
        self.implies = []
        self.id = None
        self.parent = None       # Linguist group (a language name)


class Generator:
    def __init__(self, lexdir, srcdir, words):
        self.lexdir = lexdir
        self.srcdir = srcdir
        self.words = words
        (self.hand_alias, self.hand_ids, self.stops, self.cues,
         self.hand_context, self.hand_names, self.hand_files,
         self.hand_category, self.hand_written) = read_handwritten(lexdir)
        self.hand_alias_text = defaultdict(list)
        for k, sid in self.hand_alias.items():
            self.hand_alias_text[sid].append(k)
        self.claimed = {}          # key -> Skill (generated) or hand id (str)
        for k, sid in self.hand_alias.items():
            self.claimed[k] = sid
        self.ids = set(self.hand_ids)
        self.stats = Counter()
        self.decisions = []        # (source, name, decision, detail)
        self.skills = {"linguist": [], "onet": []}
        self.context_examples = defaultdict(list)

    # -- helpers ---------------------------------------------------------
    def log(self, source, name, decision, detail=""):
        self.decisions.append((source, name, decision, detail))
        self.stats[(source, decision)] += 1

    def word_tokens(self, text):
        return [t for t, _ in tokens(text) if _is_word_char(t[0])]

    def ambiguity(self, text):
        """'drop', 'context' (context="tech" case="exact"), 'phrase'
        (context="tech": a phrase of common words) or 'ok'."""
        toks = tokens(text)
        words = [t for t, _ in toks if _is_word_char(t[0])]
        if not words:
            return "drop"
        if len(toks) == 1:
            w = toks[0][0]
            if len(w) <= 2 or w.isdigit():
                return "drop"
            raw = text.strip()
            if w in EVERYDAY_ABBREVIATIONS or w in DROP_WORDS:
                return "drop"   # ASAP, FAQ, KPI; TIM, OSLO: never a tool
            if raw.isupper():
                # an acronym: one that is an English word reads as one in
                # headings written in capitals (FIRST, BASIC, CLIPS); short
                # ones (MIB, PLM, COM, DEM) name many things; longer ones
                # that are no word (AJAX, SPSS) one
                if self.words.is_common(w) and raw not in NOTABLE_WORD_NAMES:
                    return "drop"
                if len(raw) <= 4 or self.words.is_word(w) or w in EXTRA_AMBIGUOUS:
                    return "context"
                return "ok"
            if self.words.is_word(w) or w in EXTRA_AMBIGUOUS:
                # a word or a name (Processing, Reason, Janet, Eiffel,
                # Cairo): left out, unless written like no word is
                # (PostScript, ChucK) or listed as a tool worth a context
                # rule (Handlebars, Dropbox)
                if raw in NOTABLE_WORD_NAMES or any(c.isupper() for c in raw[1:]):
                    return "context"
                return "drop"
            return "ok"
        # several tokens: glued punctuation (C++, F#, Node.js) or words
        if len(words) == 1:
            w = words[0]
            if len(w) <= 2:
                return "ok"     # C++, F#, Q#: the symbol makes the name
            if self.words.is_word(w) or w in EXTRA_AMBIGUOUS:
                return "context"
            return "ok"
        if len(words) <= 3 and all(
                self.words.is_common(w) and not w.isdigit() for w in words):
            return "phrase"
        return "ok"

    def new_id(self, name, prefix):
        base = re.sub(r"[^a-z0-9_.+#-]+", "-", fold(name))
        base = re.sub(r"-{2,}", "-", base).strip("-._")
        base = re.sub(r"^[^a-z0-9]+", "", base)
        if not base:
            base = prefix
        base = base[:64].rstrip("-._")
        cand = base
        if cand in self.ids:
            cand = (prefix + "-" + base)[:64].rstrip("-._")
        n = 2
        while cand in self.ids:
            suffix = "-%d" % n
            cand = (prefix + "-" + base)[:64 - len(suffix)].rstrip("-._") + suffix
            n += 1
        self.ids.add(cand)
        return cand

    def owner(self, term):
        return self.claimed.get(key(term))

    def blocked(self, term):
        k = key(term)
        return k in self.stops or k in self.cues

    def claim(self, skill, term, mode):
        """Adds an alias; mode 'ok', 'context' or 'phrase'."""
        k = key(term)
        if k in self.claimed or k in self.stops or k in self.cues:
            return False
        if not term_ok(term):
            return False
        self.claimed[k] = skill
        skill.aliases.append((term, mode))
        return True

    def contained_handwritten(self, term):
        """Hand-written technical products named inside term as whole
        tokens ("Teradata" in "Teradata FastLoad", "SQL Server" in "Redgate
        SQL Server"): the skills it implies. Only aliases written with a
        capital (product names, not concepts like "data management") that
        need no context, of skills in TECH_CATEGORIES ("Mentor Graphics"
        implies no mentoring)."""
        toks = tokens(term)
        found = []
        n = len(toks)
        for i in range(n):
            if i > 0 and toks[i][1]:
                continue                  # glued to the token before
            for j in range(n, i, -1):
                if (i == 0 and j == n) or (j < n and toks[j][1]):
                    continue
                parts = []
                for k2 in range(i, j):
                    t, g = toks[k2]
                    if k2 > i and not g:
                        parts.append(" ")
                    parts.append(t)
                k = "".join(parts)
                sid = self.hand_alias.get(k)
                if not sid or sid in found or k in self.hand_context:
                    continue
                if self.hand_category.get(sid) not in TECH_CATEGORIES:
                    continue
                if not any(c.isupper() for c in self.hand_written.get(k, "")):
                    continue
                found.append(sid)
        return found

    # -- Linguist ----------------------------------------------------------
    def gen_linguist(self, types):
        langs = read_linguist(os.path.join(self.srcdir, LINGUIST_DIR, LINGUIST_FILE))
        self.linguist_keys = set()
        for name, d in langs.items():
            if d.get("type") in ("programming", "markup"):
                self.linguist_keys.add(key(name))
                for a in d["aliases"]:
                    self.linguist_keys.add(key(a))
        by_name = {}
        for tier, typ in enumerate(types):
            for name in sorted(langs, key=lambda n: (key(n), n)):
                d = langs[name]
                if d.get("type") != typ:
                    continue
                src = "linguist"
                if name in DROP_NAMES:
                    self.log(src, name, "dropped-listed")
                    continue
                # the name, its plural or singular, or one of its aliases
                # already naming a skill makes this language a duplicate
                probes = [name] + plural_variants(name) + [
                    x for x in d["aliases"] if self.linguist_alias_ok(x)]
                other = next((self.claimed[key(x)] for x in probes
                              if key(x) in self.claimed), None)
                if other is not None:
                    self.log(src, name, "dropped-duplicate",
                             other if isinstance(other, str) else other.name)
                    by_name[name] = other
                    continue
                if self.blocked(name) or not term_ok(name):
                    self.log(src, name, "dropped-invalid")
                    continue
                amb = self.ambiguity(name)
                if amb == "drop":
                    amb = None       # "Processing", "Reason": only its aliases
                if amb == "phrase":
                    amb = "ok"       # a name of several words is a name
                category = "language" if typ == "programming" else "tool"
                sk = Skill(src, name, category, tier, LINGUIST_SECTIONS[typ])
                sk.parent = d.get("group") if typ != "data" else None
                if amb:
                    self.claim(sk, name, amb)
                if amb not in ("ok", None):
                    self.context_examples[("linguist", amb)].append(name)
                for a in d["aliases"]:
                    if self.linguist_alias_ok(a) and self.owner(a) is None:
                        self.claim(sk, a, "ok")
                if not sk.aliases:
                    self.log(src, name, "dropped-ambiguous",
                             "too short" if len(name) <= 2 else "a word or name")
                    continue
                self.skills["linguist"].append(sk)
                by_name[name] = sk
                self.log(src, name, "kept", amb or "aliases only")
        # groups: a variant implies its language
        for sk in self.skills["linguist"]:
            if sk.parent and sk.parent != sk.name and sk.parent in by_name:
                sk.implies.append(by_name[sk.parent])

    def linguist_alias_ok(self, alias):
        """Linguist's aliases are code-fence names: kept when unambiguous,
        not listed in DROP_ALIASES, and not 3 letters or fewer (cds, lhs,
        pir are acronyms of many other things)."""
        f = fold(alias)
        if f in DROP_ALIASES or self.ambiguity(alias) != "ok":
            return False
        return not (len(f) <= 3 and re.fullmatch(r"[a-z]+", f))

    # -- O*NET -------------------------------------------------------------
    def onet_examples(self):
        rows = read_onet(os.path.join(self.srcdir, ONET_DIR, ONET_FILE))
        # first words O*NET uses as brands: followed by capitalized words
        # only ("Blackboard Learn", "Blackboard Wimba"), never by a lower-case
        # word other than "software" ("Data acquisition software")
        follow = defaultdict(set)
        for n in {r["Example"].strip() for r in rows}:
            parts = n.split()
            if len(parts) >= 2:
                follow[parts[0]].add(parts[1])
        self.onet_brands = {
            fold(w) for w, nxt in follow.items()
            if any(x[:1].isupper() for x in nxt) and
            all(x[:1].isupper() or x[:1].isdigit() or x == "software" for x in nxt)}
        ex = {}
        for r in rows:
            soc = r["O*NET-SOC Code"]
            hot = r["Hot Technology"] == "Y"
            dem = r["In Demand"] == "Y"
            if soc.startswith("15-"):
                tier = 0 if (hot or dem) else 1
            elif soc.startswith("11-3021") or soc.startswith("17-"):
                if hot:
                    tier = 2
                elif dem or soc.startswith("11-3021"):
                    tier = 3
                else:
                    tier = 4      # 5 below when a single occupation lists it
            else:
                continue
            name = r["Example"].strip()
            e = ex.setdefault(name, {"tier": tier, "titles": Counter(),
                                     "socs": set()})
            e["tier"] = min(e["tier"], tier)
            e["titles"][r["Commodity Title"]] += 1
            e["socs"].add(soc)
        for e in ex.values():
            if e["tier"] == 4 and len(e["socs"]) < 2:
                e["tier"] = 5 if set(e["titles"]) & SOFTWARE_TITLES else 6
        return ex

    def split_vendor(self, name):
        """(vendor, product) of "<vendor> <product>", or (None, name)."""
        vendor = None
        for v in _VENDOR_KEYS:
            if name.startswith(v + " ") and len(name) > len(v) + 1:
                vendor = v
                break
        parts = name.split(" ")
        # "<Company> Software|Systems|... <Product>", the product capitalized
        start = len(vendor.split(" ")) if vendor else 0
        for i in range(max(1, start), len(parts) - 1):
            if parts[i] in COMPANY_WORDS and parts[i + 1][:1].isupper() and \
                    all(p[:1].isupper() or p[:1].isdigit() for p in parts[:i]):
                vendor = " ".join(parts[:i + 1])
        if vendor:
            return vendor, name[len(vendor) + 1:]
        return None, name

    def trailing_acronym(self, name):
        """("Border Gateway Protocol", "BGP") or None."""
        parts = name.split(" ")
        if len(parts) < 2:
            return None
        acr = parts[-1]
        letters = re.sub(r"[^A-Za-z]", "", acr)
        if len(letters) < 2 or not re.fullmatch(r"[A-Z][A-Z0-9/&+.-]*[A-Z0-9+]", acr) \
                or any(c.islower() for c in acr):
            return None
        rest = " ".join(parts[:-1])
        words = [w for w in re.split(r"[\s/-]+", rest) if w]
        if words and words[0].lower() in ("a", "an", "the"):
            words = words[1:]
        if not words:
            return None
        # the acronym's first letter starts the first word; its letters
        # come in order out of the words
        flat = "".join(w.lower() for w in words)
        if letters[0].lower() != words[0][0].lower():
            return None
        i = 0
        for c in letters.lower():
            i = flat.find(c, i)
            if i < 0:
                return None
            i += 1
        if len(words) < 2 and len(letters) > 2:
            # "Subversion SVN": one word; letters must come from it in order
            pass
        return rest, acr

    def same_topic(self, text, owner, acronym):
        """Whether a skill (hand-written id or generated Skill) shares a
        significant word with text: the test for acronym collisions."""
        if isinstance(owner, str):
            names = [self.hand_names.get(owner, "")] + self.hand_alias_text.get(owner, [])
        else:
            names = [owner.name] + [t for t, _ in owner.aliases]
        if fold(names[0]) == fold(acronym):
            return True       # the skill is named by the acronym: JSON
        mine = {w for w in self.word_tokens(text) if len(w) >= 4} - SHARED_WORDS
        theirs = set()
        for n in names:
            theirs.update(self.word_tokens(n))
        return bool(mine & theirs)

    def is_generic(self, name):
        """A description ("Network monitoring software", "Compilers"), not
        a tool. O*NET writes descriptions in sentence case and products with
        capitals ("Perforce Helix", "InVision"); a description that ends in
        an acronym ("Secure shell SSH software") names a technology and is
        kept. A first word that O*NET uses as a brand elsewhere ("Blackboard
        Learn") makes "Blackboard software" a product."""
        core = self.clean_name(name)
        if self.trailing_acronym(core) or len(name.split()) < 2:
            return False
        words = core.split()
        first = words[0]
        if len(first) == 1 or any(c.isupper() for c in first[1:]):
            return False          # "C shell", "InVision software"
        for w in words[1:]:
            if any(c.isupper() for c in w):
                return False      # "Perforce Helix"
        if len(words) >= 2:
            return True           # "Hydrological modeling software"
        p = fold(first)
        parts = [x for x in re.split(r"[-/]", p) if x]
        if all(x in GENERIC_WORDS or x in GENERIC_HEADS or x in FUNCTION_WORDS
               for x in parts):
            return True       # "Anti-phishing software"
        return all(self.words.is_common(x) or x in GENERIC_WORDS or
                   x in FUNCTION_WORDS for x in parts) and p not in self.onet_brands

    def clean_name(self, name):
        """The O*NET name without generic noise ("Ansible software")."""
        m = GENERIC_TAIL.search(name)
        if m:
            core = name[:m.start()].strip()
            if core:
                return core
        return name

    def gen_onet(self, max_tier):
        ex = self.onet_examples()
        src = "onet"
        order = sorted(ex, key=lambda n: (ex[n]["tier"], key(n), n))
        for name in order:
            e = ex[name]
            if e["tier"] > max_tier:
                continue
            title = sorted(e["titles"].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            if name in DROP_NAMES:
                self.log(src, name, "dropped-listed")
                continue
            if self.is_generic(name):
                self.log(src, name, "dropped-generic")
                continue
            clean = self.clean_name(name)
            # "InforSense InforSense"
            half = clean.split(" ")
            if len(half) % 2 == 0 and half[:len(half) // 2] == half[len(half) // 2:]:
                clean = " ".join(half[:len(half) // 2])
            vendor, rest = self.split_vendor(clean)
            # (term, role): "full" and "clean" are the O*NET name; "long" an
            # acronym's long form; "remainder" the name after its vendor;
            # "acronym" the acronym.
            forms = [(name, "full")]
            display = clean
            paren = re.fullmatch(r"(.*\S)\s+\(([^()]+)\)", clean)
            if paren and (" " in paren.group(2) or paren.group(2).islower()):
                # "Goldenseal (accounting feature)": a note, not a name
                clean = display = paren.group(1)
                forms.append((clean, "clean"))
                vendor, rest = self.split_vendor(clean)
                paren = None
            acr = None if paren else (self.trailing_acronym(clean) or
                                      (self.trailing_acronym(rest) if vendor else None))
            if clean != name and (clean, "clean") not in forms:
                forms.append((clean, "clean"))
            if paren:
                # "Microsoft Internet Information Services (IIS)"
                long_, short = paren.group(1), paren.group(2)
                forms.append((long_, "clean"))
                forms.append((short, "acronym"))
                if vendor and long_.startswith(vendor + " "):
                    forms.append((long_[len(vendor) + 1:], "remainder"))
            elif acr:
                # "Border Gateway Protocol BGP", "Cisco Systems Hot Standby
                # Router Protocol HSRP"
                short = acr[1]
                long_ = clean[:-len(short)].rstrip()
                display = "%s (%s)" % (long_, short)
                forms.append((long_, "clean"))
                forms.append((short, "acronym"))
                if vendor:
                    forms.append((rest, "remainder"))
                    forms.append((rest[:-len(short)].rstrip(), "long"))
            elif vendor:
                forms.append((rest, "remainder"))
            if name in KEEP_FULL_NAME_ONLY:
                forms = [(name, "full")] + [
                    (t, "clean") for t in KEEP_FULL_NAME_ONLY[name]]
            # forms that only decide whether this is a duplicate: the name
            # without a descriptive tail ("Rust programming language",
            # "Jenkins CI", "Hibernate ORM"), singular or plural, a last
            # token that is an acronym ("Amazon Simple Storage Service S3")
            probes = list(forms)
            if name not in KEEP_FULL_NAME_ONLY:
                for term, role in forms:
                    if role in ("full", "clean", "remainder", "long"):
                        m = DESCRIPTIVE_TAIL.search(term)
                        if m and m.start() > 0:
                            probes.append((term[:m.start()], "probe"))
                        probes += [(v, "probe") for v in plural_variants(term)]
                # the last word when it may be the tool's own short name:
                # "Amazon Simple Storage Service S3", "Tool command language
                # Tcl", "Platform as a service PaaS"
                last = clean.split(" ")[-1].strip("()")
                if " " in clean and len(last) >= 2 and re.search(r"[A-Z]", last) and \
                        last not in GENERIC_ACRONYMS and not self.words.is_common(fold(last)):
                    probes.append((last, "lastword"))
            # an acronym of a category names no product ("SAP ERP"); one of a
            # concept only where O*NET defines it ("Content management
            # systems CMS")
            long_form = None
            if paren or acr:
                long_form = paren.group(1) if paren else clean[:-len(acr[1])].rstrip()
            concept = bool(long_form) and not vendor and \
                not any(c.isupper() for w in long_form.split()[1:] for c in w)
            forms = [(t, r) for t, r in forms
                     if not (r in ("acronym", "remainder") and t in GENERIC_ACRONYMS
                             and not concept)]
            # a form that already names another skill makes this a duplicate;
            # an acronym only when the long forms agree ("EDA" of Electronic
            # design automation is not the hand-written Event-Driven
            # Architecture): then the acronym is just not used
            dup = None
            for term, role in probes:
                other = self.claimed.get(key(term))
                if other is None:
                    continue
                if role == "acronym" and not self.same_topic(long_form or clean, other, term):
                    continue
                if role == "lastword":
                    # "Tcl", "PaaS", "S3" name the skill; "Multiphysics" of
                    # "COMSOL Multiphysics" does not name ANSYS Multiphysics
                    oname = self.hand_names.get(other, "") if isinstance(other, str) \
                        else other.name
                    caps = len(re.findall(r"[A-Z0-9]", term)) >= 2
                    if fold(oname) != fold(term) and not (
                            caps and self.same_topic(long_form or clean, other, term)):
                        continue
                dup = other
                break
            if dup is not None:
                self.log(src, name, "dropped-duplicate", "%s (as %s)" % (
                    dup if isinstance(dup, str) else "%s:%s" % (dup.source, dup.name),
                    term))
                continue
            if len(display) > 80 and vendor and len(display) - len(vendor) - 1 <= 80:
                display = display[len(vendor) + 1:]
            if len(display) > 80:
                display = display[:81].rsplit(" ", 1)[0]
            category = COMMODITY_CATEGORY.get(title, "tool")
            lang_keys = getattr(self, "linguist_keys", set())
            if title in LANGUAGE_TITLES and (
                    any(key(t) in lang_keys for t, _ in forms) or
                    re.search(r"\blanguage\b", name, re.I)):
                category = "language"
            sk = Skill(src, display, category, e["tier"], ONET_TIERS[e["tier"]])
            # The full O*NET name comes last, and is left out where a shorter
            # alias of this skill matches the same words: "Ansible software"
            # reads as Ansible (then "software"), "Border Gateway Protocol
            # BGP" as the long form (then the acronym). Keeps the file, and
            # loading it, small.
            cut = GENERIC_TAIL.sub("", name)
            if acr:
                cut = clean[:-len(acr[1])].rstrip()
            forms = [f for f in forms if f[1] != "full"] + [f for f in forms if f[1] == "full"]
            for term, role in forms:
                if role == "full" and cut != name and \
                        key(cut) in {key(t) for t, _ in sk.aliases}:
                    continue
                amb = self.ambiguity(term)
                if role in ("full", "clean") or (role == "long" and " " in term):
                    # a name of several words is a name ("Border Gateway
                    # Protocol", "Microsoft Word"); one word may be a word
                    mode = {"drop": None, "phrase": "ok"}.get(amb, amb)
                elif amb == "context" and term.isupper() and len(term) >= 3:
                    # an acronym: counted as written, in context; one of 3
                    # letters only for the computer occupations' tools (the
                    # engineers' DIC, LLD, PID mean other things to us)
                    mode = "context" if len(term) > 3 or e["tier"] <= 2 else None
                else:
                    # the shortened forms (remainder after a vendor, an
                    # acronym) must not be ambiguous at all: "Oracle Human
                    # Resources" never gives "Human Resources"
                    mode = "ok" if amb == "ok" else None
                if mode is None:
                    continue
                if self.claim(sk, term, mode) and mode != "ok":
                    self.context_examples[("onet", mode)].append(term)
            if not sk.aliases:
                self.log(src, name, "dropped-ambiguous", "a word or name")
                continue
            # written in the order of the forms: name, long form, short forms
            order = {key(t): i for i, (t, _) in enumerate(
                sorted(forms, key=lambda f: ROLE_ORDER[f[1]]))}
            sk.aliases.sort(key=lambda a: order.get(key(a[0]), 99))
            if not concept:       # "JavaScript Object Notation" is no JavaScript
                for sid in self.contained_handwritten(clean):
                    if sid not in sk.implies:
                        sk.implies.append(sid)
            self.skills["onet"].append(sk)
            modes = {m for _, m in sk.aliases}
            self.log(src, name, "kept", "context" if "context" in modes else "ok")

    # -- ids and output ----------------------------------------------------
    def assign_ids(self):
        for src in ("linguist", "onet"):
            for sk in self.skills[src]:
                sk.id = self.new_id(sk.name, src)

    def count(self):
        return len(self.hand_ids) + sum(len(v) for v in self.skills.values())


def esc(text, attr=False):
    s = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attr:
        s = s.replace('"', "&quot;")
    return s


def render(lexname, attribution, skills):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<lexicon xmlns="%s" name="%s" version="%s">' % (NS, lexname, VERSION),
           "  <attribution>%s</attribution>" % esc(attribution)]
    section = None
    for sk in skills:
        if sk.comment != section:
            section = sk.comment
            out.append("")
            out.append("  <!-- ===== %s ===== -->" % esc(section).replace("--", "- -"))
        out.append('  <skill id="%s" name="%s" category="%s">'
                   % (esc(sk.id, True), esc(sk.name, True), sk.category))
        for term, mode in sk.aliases:
            if mode == "context":
                out.append('    <alias context="tech" case="exact">%s</alias>' % esc(term))
            elif mode == "phrase":
                out.append('    <alias context="tech">%s</alias>' % esc(term))
            else:
                out.append("    <alias>%s</alias>" % esc(term))
        for ref in sk.implies:
            rid = ref if isinstance(ref, str) else ref.id
            out.append('    <implies ref="%s"/>' % esc(rid, True))
        out.append("  </skill>")
    out.append("</lexicon>")
    return "\n".join(out) + "\n"


def linguist_attribution(srcdir):
    commit = ""
    prov = os.path.join(srcdir, LINGUIST_DIR, "PROVENANCE.txt")
    if os.path.exists(prov):
        m = re.search(r"\b([0-9a-f]{40})\b", open(prov, encoding="utf-8").read())
        if m:
            commit = m.group(1)
    return ("GitHub Linguist languages.yml (github.com/github-linguist/linguist"
            + (", commit " + commit if commit else "")
            + "), Copyright (c) 2017 GitHub, Inc., used under the MIT license; "
            "generated by scripts/gen_lexicon.py. Language names and their "
            "aliases (not file extensions).")


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources",
                    default=os.path.join(root, "..", "shared", "data", "sources"),
                    help="folder holding onet-29.3/ and linguist/")
    ap.add_argument("--lexicons", default=os.path.join(root, "lexicons"),
                    help="lexicon folder (read and written)")
    ap.add_argument("--words", default=WORDS_FILE, help="English word list")
    ap.add_argument("--check", action="store_true",
                    help="compare with the files instead of writing them")
    ap.add_argument("--stats", action="store_true", help="counts on stderr")
    ap.add_argument("--report", help="write every decision to this TSV file")
    args = ap.parse_args(argv)

    if args.check and not (os.path.isdir(args.sources) and os.path.exists(args.words)):
        print("gen_lexicon: skipped: needs %s and %s (Debian's wamerican)"
              % (args.sources, args.words), file=sys.stderr)
        return 77   # CTest's skip code
    if not os.path.exists(args.words):
        sys.exit("gen_lexicon: %s is missing; install Debian's wamerican "
                 "package (apt-get install wamerican)" % args.words)
    words = Words(args.words)

    # Fewest sources that reach the goal, in the order of preference.
    # The sources the task names first (Linguist programming languages,
    # O*NET computer occupations and the Hot Technologies of 11-3021 and
    # 17-xxxx), then whole further tiers until the folder holds
    # TARGET_SKILLS: Linguist markup, data and prose formats, then more
    # O*NET tiers.
    plans = [(LINGUIST_TYPES[:1], 2), (LINGUIST_TYPES[:2], 2),
             (LINGUIST_TYPES[:3], 2), (LINGUIST_TYPES[:4], 2)]
    plans += [(LINGUIST_TYPES, t) for t in range(3, len(ONET_TIERS))]
    for types, tier in plans:
        g = Generator(args.lexicons, args.sources, words)
        g.gen_linguist(types)
        g.gen_onet(tier)
        if args.stats:
            print("plan: linguist %s, onet tiers 0-%d: %d skills"
                  % ("+".join(types), tier, g.count()), file=sys.stderr)
        if g.count() >= TARGET_SKILLS:
            break
    g.assign_ids()

    onet = sorted(g.skills["onet"], key=lambda s: (s.tier, key(s.name), s.name))
    ling = sorted(g.skills["linguist"], key=lambda s: (s.tier, key(s.name), s.name))
    files = {
        "skills-linguist.xml": render("linguist", linguist_attribution(args.sources), ling),
        "skills-onet.xml": render("onet", ONET_ATTRIBUTION + "." + ONET_NOTE % "; ".join(
            ONET_TIERS[:tier + 1]), onet),
    }
    stale = []
    for fn, text in files.items():
        path = os.path.join(args.lexicons, fn)
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                old = f.read()
        if old == text:
            continue
        stale.append(fn)
        if not args.check:
            tmp = path + ".tmp"
            with open(tmp, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            os.replace(tmp, path)

    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write("source\tname\tdecision\tdetail\n")
            for d in g.decisions:
                f.write("\t".join(d) + "\n")
    if args.stats:
        e = sys.stderr
        print("hand-written skills: %d (%s)" % (len(g.hand_ids), ", ".join(g.hand_files)), file=e)
        print("sources used: linguist %s; onet tiers <= %d" % ("+".join(types), tier), file=e)
        for src in ("linguist", "onet"):
            sk = g.skills[src]
            print("%s: %d skills, %d aliases" % (src, len(sk), sum(len(s.aliases) for s in sk)), file=e)
            for (s, dec), n in sorted(g.stats.items()):
                if s == src:
                    print("  %-22s %d" % (dec, n), file=e)
            ex = g.context_examples.get((src, "context"), [])
            print("  context-ruled aliases: %d  e.g. %s" % (len(ex), ", ".join(ex[:16])), file=e)
        print("total skills: %d" % g.count(), file=e)
    if args.check:
        if stale:
            print("gen_lexicon: out of date: %s" % ", ".join(stale), file=sys.stderr)
            return 1
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
