#!/bin/sh
# run_output_paths.sh CLI WORKDIR TMP — where -o and --report write
# (src/cli/outfile.c): a symbolic link is followed and the file it names
# replaced (the link stays); a folder is refused (exit 4); a FIFO is
# written in place, not replaced; a device stays a device (in a private
# mount namespace when this user may make one); a signal during a run
# leaves no temporary file and the old output intact; a --report that
# cannot be written leaves -o untouched; a replaced file keeps its mode.
set -u
CLI=$1; cd "$2" || exit 1; T=$3
rm -rf "$T"; mkdir -p "$T"
P=samples/postings
fail() { echo "FAIL: $*" >&2; exit 1; }
"$CLI" classify --as-of 2026-11 --format csv $P > "$T/want.csv" || fail "plain run"

# a symbolic link, relative, to a file in another folder
mkdir "$T/real"; echo old > "$T/real/out.csv"; ln -s real/out.csv "$T/link.csv"
"$CLI" classify --as-of 2026-11 --format csv -o "$T/link.csv" $P || fail "link: exit $?"
[ -L "$T/link.csv" ] || fail "the link was replaced"
cmp -s "$T/real/out.csv" "$T/want.csv" || fail "the link's file was not written"

# a folder
mkdir "$T/dir"
"$CLI" classify --as-of 2026-11 --format csv -o "$T/dir" $P 2> "$T/err"; rc=$?
[ $rc -eq 4 ] || fail "folder: exit $rc, not 4"
grep -q "is a folder" "$T/err" || fail "folder: message: $(cat "$T/err")"

# a FIFO: written in place for its reader
mkfifo "$T/fifo"
cat "$T/fifo" > "$T/from-fifo" &
reader=$!
"$CLI" classify --as-of 2026-11 --format csv -o "$T/fifo" $P || fail "fifo: exit $?"
wait $reader
[ -p "$T/fifo" ] || fail "the FIFO was replaced"
cmp -s "$T/from-fifo" "$T/want.csv" || fail "the FIFO's reader got other bytes"

# a device, where a private mount namespace can be had (root, no seccomp)
if unshare -m true 2>/dev/null; then
  unshare -m sh -c "mount -t tmpfs t /dev && mknod -m666 /dev/null c 1 3 &&
    '$CLI' classify --as-of 2026-11 --format csv -o /dev/null $P && test -c /dev/null" ||
    fail "/dev/null did not stay a character device"
else
  echo "note: no private mount namespace here; the device case is not run"
fi

# the mode of a replaced file is kept
echo old > "$T/mode.csv"; chmod 640 "$T/mode.csv"
"$CLI" classify --as-of 2026-11 --format csv -o "$T/mode.csv" $P || fail "mode: exit $?"
[ "$(stat -c %a "$T/mode.csv")" = 640 ] || fail "mode became $(stat -c %a "$T/mode.csv")"

# a --report that cannot be written: -o left as it was
echo keep > "$T/kept.csv"
"$CLI" classify --as-of 2026-11 --format csv -o "$T/kept.csv" --report "$T/none/r.html" $P \
  2> /dev/null; rc=$?
[ $rc -eq 4 ] || fail "unwritable --report: exit $rc, not 4"
[ "$(cat "$T/kept.csv")" = keep ] || fail "-o was written although --report failed"

# signals: a run long enough to be cut (the samples many times over)
for i in $(seq 300); do cat $P/*; done | python3 -c '
import json, sys
text = sys.stdin.read().split("\n\n")
for i, t in enumerate(text):
    print(json.dumps({"id": "p%d" % i, "text": t}))' > "$T/big.jsonl"
for sig in INT TERM HUP; do
  echo keep > "$T/sig.csv"
  timeout -s $sig 0.3 "$CLI" classify --as-of 2026-11 --format csv -o "$T/sig.csv" \
    --report "$T/sig.html" "$T/big.jsonl" 2> /dev/null
  left=$(ls "$T" | grep -c '\.tmp\.' || true)
  [ "$left" -eq 0 ] || fail "SIG$sig left a temporary file: $(ls "$T" | grep '\.tmp\.')"
  [ "$(cat "$T/sig.csv")" = keep ] || fail "SIG$sig: the old output was not kept"
done
rm -rf "$T"
