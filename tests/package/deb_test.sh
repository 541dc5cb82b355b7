#!/bin/bash
# The Debian package as a user gets it: installed with apt-get (which
# brings its dependencies), rolescan runs from /usr/bin on a sample with
# no flags or environment, its man page and completion are where the
# system looks, a program builds against it with pkg-config; then it is
# removed and nothing of it is left. Needs root (or sudo).
#   deb_test.sh PACKAGE.deb SOURCE_DIR
set -eu
deb=$(realpath "$1") src=$(realpath "$2")
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
fail() { echo "deb_test: FAIL: $*" >&2; exit 1; }

dpkg-deb --info "$deb" | grep -q "Depends:.*libpcre2" || fail "no Depends on libpcre2"
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$deb" >/dev/null
trap 'DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get purge -y -qq rolescan >/dev/null 2>&1 || true' EXIT

[ "$(command -v rolescan)" = /usr/bin/rolescan ] || fail "rolescan is not /usr/bin/rolescan"
work=$(mktemp -d)
cp "$src/samples/resumes/03-senior-backend.txt" "$work/resume.txt"
out=$(cd "$work" && env -u ROLESCAN_LEXICONS HOME="$work" /usr/bin/rolescan score resume.txt)
grep -q "Rung 3 of 8" <<<"$out" || fail "rolescan score from /usr/bin: $out"
/usr/bin/rolescan --version | grep -q "^rolescan " || fail "--version"
if man -w rolescan >/dev/null 2>&1; then
    man -w rolescan-score >/dev/null || fail "man -w rolescan-score"
elif grep -qs "path-exclude.*/usr/share/man" /etc/dpkg/dpkg.cfg.d/*; then
    echo "deb_test: this system's dpkg drops man pages (path-exclude): man -w not checked"
    dpkg-deb -c "$deb" | grep -q "man1/rolescan.1" || fail "no man page in the package"
else
    fail "man -w rolescan finds no page"
fi
[ -f /usr/share/bash-completion/completions/rolescan ] || fail "no bash completion"
ls /usr/share/rolescan/schema/score.schema.json >/dev/null || fail "no schemas"
flags=$(pkg-config --cflags --libs rolescan) || fail "pkg-config does not know rolescan"
cc "$src/tests/install/consumer.c" $flags -o "$work/consumer" || fail "consumer build"
"$work/consumer" /usr/share/rolescan/lexicons | grep -q kubernetes || fail "consumer run"
rm -rf "$work"

DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get purge -y -qq rolescan >/dev/null
trap - EXIT
[ ! -e /usr/bin/rolescan ] || fail "/usr/bin/rolescan left after removal"
echo "deb_test: ok ($(basename "$deb"))"
