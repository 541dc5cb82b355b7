#!/bin/bash
# The man pages render without groff warnings, and each command's page
# names every option its --help lists (help2man made them from that text;
# this catches a page that was not rebuilt or lost a part).
#   check_man.sh BUILT_ROLESCAN MAN_DIR LEXICON_PAGE
set -u
rolescan=$1 dir=$2 lexicon_page=$3
command -v man >/dev/null || { echo "man not installed: skipped"; exit 77; }
[ -f "$dir/rolescan.1" ] || { echo "no generated pages (help2man missing): skipped"; exit 77; }
fail=0
render() {   # PAGE -> text on stdout; groff's warnings fail the test
    local err
    err=$(mktemp)
    MANWIDTH=100 LC_ALL=C.UTF-8 man --warnings=all -l "$1" 2>"$err"
    if [ -s "$err" ]; then
        echo "FAIL $1: groff warns: $(head -3 "$err")" >&2
        fail=1
    fi
    rm -f "$err"
}
check_page() {   # PAGE COMMAND-WORDS...
    local page=$1
    shift
    local text
    text=$(render "$page")
    [ -n "$text" ] || { echo "FAIL $page: renders empty"; fail=1; return; }
    for opt in $("$rolescan" "$@" --help | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-z-]*' | tr -d ' ,' | sort -u); do
        grep -qF -- "$opt" <<<"$text" || { echo "FAIL $page: no $opt"; fail=1; }
    done
}
check_page "$dir/rolescan.1"
for cmd in scan score classify report match roles title; do
    check_page "$dir/rolescan-$cmd.1" "$cmd"
done
check_page "$dir/rolescan-lexicon-check.1" lexicon check
text=$(render "$lexicon_page")
for word in alias pattern implies stop ROLESCAN_LEXICONS; do
    grep -q "$word" <<<"$text" || { echo "FAIL $lexicon_page: no $word"; fail=1; }
done
[ $fail -eq 0 ] && echo "man pages: ok"
exit $fail
