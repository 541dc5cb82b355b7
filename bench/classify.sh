#!/usr/bin/env bash
# bench/classify.sh [MEGABYTES] — throughput, start-up and memory of
# rolescan against the speed issue's targets, on a corpus of JSON Lines
# postings made from the samples (default 100 MB), every ratio measured in
# the same run:
#   - wc -w over the corpus, the floor a word-level pass is measured by
#   - classify -j 1 and -j 2: MB/s, postings/s, peak memory
#   - the same with a lexicon ten times larger (synthetic terms added)
#   - ripgrep over the lexicon's terms (rg -c -F -i -w -f terms.txt) and
#     the ratio of rolescan to it, for both lexicons
#   - start-up (classify on empty input), one resume scored (compiled
#     lexicon cache warm, built on the run, and off) and --version, each
#     the mean of 20 runs; the cache lives in the run's own folder
# Installs ripgrep and GNU time when missing. Prints figures; never fails
# on a target (that is the reader's call).
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-100}
need=()
command -v rg >/dev/null || need+=(ripgrep)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DRS_BUILD_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-bench -j "$(nproc)" >/dev/null
BIN=$PWD/build-bench/rolescan
WORK=$(mktemp -d /tmp/rolescan-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK" "$MB" <<'PY'
import glob, json, os, random, sys
work, mb = sys.argv[1], int(sys.argv[2])
random.seed(7)
docs = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("samples/postings/*"))]
target, size, n = mb * 1000 * 1000, 0, 0
with open(os.path.join(work, "corpus.jsonl"), "w", encoding="utf-8") as f:
    while size < target:
        d = docs[n % len(docs)].split("\n")
        random.shuffle(d[3:])          # vary the body, keep the title
        line = json.dumps({"id": "p%07d" % n, "text": "\n".join(d)}, ensure_ascii=False) + "\n"
        f.write(line)
        size += len(line.encode())
        n += 1
# the lexicon's literal terms, for ripgrep
import re
terms = set()
for p in glob.glob("lexicons/skills-*.xml"):
    for t in re.findall(r"<alias[^>]*>([^<]+)</alias>", open(p, encoding="utf-8").read()):
        terms.add(t.replace("&amp;", "&"))
open(os.path.join(work, "terms.txt"), "w").write("\n".join(sorted(terms)) + "\n")
# a tenfold lexicon: the real one plus synthetic skills of invented words
big = os.path.join(work, "lex10")
os.makedirs(big)
for p in glob.glob("lexicons/*.xml"):
    open(os.path.join(big, os.path.basename(p)), "w").write(open(p, encoding="utf-8").read())
syl = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "xe", "qu", "bra", "sto"]
extra, words = [], set()
while len(words) < 9 * len(terms):
    w = "".join(random.choice(syl) for _ in range(random.randint(3, 5)))
    if random.random() < 0.3:
        w += " " + "".join(random.choice(syl) for _ in range(3))
    words.add(w)
with open(os.path.join(big, "skills-synthetic.xml"), "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<lexicon xmlns="urn:rolescan:lexicon:1" name="synthetic" version="2026.11.0">\n')
    for i, w in enumerate(sorted(words)):
        f.write('  <skill id="syn-%d" name="%s" category="tool"><alias>%s</alias></skill>\n' % (i, w, w))
    f.write("</lexicon>\n")
open(os.path.join(work, "terms10.txt"), "w").write("\n".join(sorted(terms | words)) + "\n")
print("corpus: %.1f MB, %d postings; lexicon terms %d, tenfold %d" % (size / 1e6, n, len(terms), len(terms | words)))
PY

CORPUS=$WORK/corpus.jsonl
BYTES=$(stat -c %s "$CORPUS")
POSTINGS=$(wc -l < "$CORPUS")

run() {  # run LABEL CMD... ; prints seconds and peak RSS (KiB) into globals
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > /dev/null 2>&1 || true
  read -r SECS RSS < "$WORK/time"
}
fig() {  # fig LABEL
  awk -v l="$1" -v s="$SECS" -v b="$BYTES" -v n="$POSTINGS" -v r="$RSS" \
    'BEGIN { printf "%-44s %8.1f MB/s %9.0f postings/s  peak %6.1f MiB\n", l, b/1e6/s, n/s, r/1024 }'
}

mean_ms() {  # mean_ms CMD... : the mean wall time of 20 runs, in ms (one run is below the grain)
  local t0 t1
  t0=$(date +%s%N)
  for _ in $(seq 20); do "$@" > /dev/null 2>&1 || true; done
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 20 / 1e6 }'
}

# The compiled lexicon cache: a folder of this run's own, so the figures
# say which runs build it (cold) and which read it (warm).
export ROLESCAN_CACHE_DIR="$WORK/cache"
: > "$WORK/empty.jsonl"
run "$BIN" classify -q --as-of 2026-11 --lexicons "$WORK/lex10" --format jsonl "$WORK/empty.jsonl"
COLD10=$RSS
run "$BIN" classify -q --as-of 2026-11 --format jsonl "$WORK/empty.jsonl"

echo
run wc -w "$CORPUS"; WC=$SECS; fig "wc -w"
run "$BIN" classify -q --as-of 2026-11 --format jsonl -j 1 "$CORPUS"; J1=$SECS; fig "classify -j 1"
run "$BIN" classify -q --as-of 2026-11 --format jsonl -j 2 "$CORPUS"; J2=$SECS; M2=$RSS; fig "classify -j 2"
run "$BIN" classify -q --as-of 2026-11 --lexicons "$WORK/lex10" --format jsonl -j 1 "$CORPUS"; B1=$SECS; fig "classify -j 1, tenfold lexicon"
run "$BIN" classify -q --as-of 2026-11 --lexicons "$WORK/lex10" --format jsonl -j 2 "$CORPUS"; B2M=$RSS; fig "classify -j 2, tenfold lexicon"
run rg -c -F -i -w -f "$WORK/terms.txt" "$CORPUS"; RG=$SECS; fig "ripgrep, lexicon terms"
run rg -c -F -i -w -f "$WORK/terms10.txt" "$CORPUS"; RG10=$SECS; fig "ripgrep, tenfold terms"
EMPTY=$(mean_ms "$BIN" classify -q --as-of 2026-11 --format jsonl "$WORK/empty.jsonl")
SCORE=$(mean_ms "$BIN" score --as-of 2026-11 samples/resumes/03-senior-backend.txt)
VERSION=$(mean_ms "$BIN" --version)
# the cache built on each run (a fresh folder each time; the shell adds ~1 ms)
COLD=$(mean_ms sh -c "rm -rf '$WORK/cold'; '$BIN' score --cache-dir '$WORK/cold' --as-of 2026-11 samples/resumes/03-senior-backend.txt")
PLAIN=$(mean_ms "$BIN" score --no-cache --as-of 2026-11 samples/resumes/03-senior-backend.txt)

awk -v wc="$WC" -v j1="$J1" -v j2="$J2" -v b1="$B1" -v rg="$RG" -v rg10="$RG10" \
    -v em="$EMPTY" -v sc="$SCORE" -v ve="$VERSION" -v m2="$M2" -v b2m="$B2M" \
    -v co="$COLD" -v pl="$PLAIN" -v c10="$COLD10" 'BEGIN {
  printf "\n%-48s %8s %10s\n", "against the targets (ratios from this run)", "reached", "target"
  printf "%-48s %8.2f %10s\n", "classify -j 1 speed / wc -w speed", wc/j1, ">= 0.45"
  printf "%-48s %8.2f %10s\n", "-j 2 speed-up over -j 1", j1/j2, ">= 1.85"
  printf "%-48s %8.1f %10s\n", "rolescan / ripgrep, default lexicon", rg/j1, ">= 2"
  printf "%-48s %8.1f %10s\n", "rolescan / ripgrep, tenfold lexicon", rg10/b1, ">= 15"
  printf "%-48s %7.0f%% %10s\n", "tenfold lexicon, share of default speed", 100*j1/b1, ">= 80%"
  printf "%-48s %8.1f %10s\n", "classify on empty input, ms (start-up)", em, "<= 5"
  printf "%-48s %8.1f %10s\n", "one resume scored, cache warm, ms", sc, "<= 8"
  printf "%-48s %8.1f %10s\n", "one resume scored, cache built, ms", co, "<= 40"
  printf "%-48s %8.1f %10s\n", "one resume scored, --no-cache, ms", pl, ""
  printf "%-48s %8.1f %10s\n", "rolescan --version, ms", ve, "<= 3"
  printf "%-48s %8.1f %10s\n", "peak memory at -j 2, MiB", m2/1024, "<= 64"
  printf "%-48s %8.1f %10s\n", "peak memory at -j 2, tenfold lexicon, MiB", b2m/1024, "<= 64"
  printf "%-48s %8.1f %10s\n", "peak memory building the tenfold cache, MiB", c10/1024, ""
}'
