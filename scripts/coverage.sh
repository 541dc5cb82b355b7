#!/usr/bin/env bash
# scripts/coverage.sh — line and branch coverage of src/ by the CTest suite.
#
#   scripts/coverage.sh            configure build-cov/ (gcc --coverage -O0,
#                                  Debug, sanitizers off), build, run ctest
#                                  less the slow labels, collect with lcov,
#                                  print the figures per area of src/
#   COV_CTEST_ARGS="-L unit" scripts/coverage.sh
#                                  the same with other ctest arguments
#                                  (replacing the default, below)
#
# The default ctest selection, -LE "browser|fuzz" -E "^fault[.]cli[.]":
# everything but the headless-browser check (Chromium; no C code of ours
# measured that the golden tests do not run), the fuzz corpus replay (kept
# out so the figures are the tests' own; it takes about a second:
# COV_CTEST_ARGS='-LE browser -E ^fault[.]cli[.]' adds it) and the CLI
# fault checks, whose LD_PRELOAD shims fail malloc and writes inside
# libgcov's own at-exit dump too: they corrupt .gcda files and put libgcov
# messages in the stderr they check. The in-process fault test
# (fault.alloc, through rs_set_allocator) is measured.
#
# Writes build-cov/coverage.info (lcov tracefile of src/ only) and
# build-cov/coverage-html/index.html (genhtml, with branches). The target:
# at least 90% line coverage of the readers (src/input), the lexicon loader
# (src/lexicon) and the matcher (src/scan). Exits 0 once the figures are
# printed, failing tests and a missed target included (both are reported);
# non-zero only when the build (or lcov itself) fails. See docs/coverage.md.
set -euo pipefail
trap 'echo "coverage.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=$ROOT/build-cov
JOBS=$(nproc 2>/dev/null || echo 2)
TARGET=90

# ---- tools ------------------------------------------------------------------
PACKAGES=(lcov cmake make gcc pkg-config libcmocka-dev)
install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "coverage.sh: installing ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
}
if command -v dpkg-query >/dev/null 2>&1; then
  install_packages
fi
for tool in lcov genhtml gcov; do
  command -v "$tool" >/dev/null 2>&1 || { echo "coverage.sh: $tool not found" >&2; exit 3; }
done

# ---- build ------------------------------------------------------------------
# Every option is given so a build-cov/ configured differently before cannot
# change what is measured. The coverage flags go through CMAKE_C_FLAGS (the
# project adds only warnings and, with RS_SANITIZE, sanitizers per target).
# -fprofile-update=atomic: classify runs worker threads, and plain counter
# updates would race (lcov's "negative counts", helgrind reports on the
# __gcov0.* counters rather than on rolescan's own data).
echo "coverage.sh: configuring and building $BUILD" >&2
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug -DBUILD_TESTING=ON -DRS_SANITIZE=OFF \
  -DRS_WERROR=OFF -DRS_BUILD_BENCH=OFF \
  -DCMAKE_C_FLAGS="--coverage -O0 -fprofile-update=atomic" \
  -DCMAKE_EXE_LINKER_FLAGS=--coverage -DCMAKE_SHARED_LINKER_FLAGS=--coverage >/dev/null
cmake --build "$BUILD" -j "$JOBS" > "$BUILD/coverage-build.log" 2>&1 || {
  tail -n 40 "$BUILD/coverage-build.log" >&2
  echo "coverage.sh: the build failed (whole log: $BUILD/coverage-build.log)" >&2
  trap - ERR
  exit 1
}

# ---- tests ------------------------------------------------------------------
LCOV=(lcov --quiet --rc lcov_branch_coverage=1)
find "$BUILD" -name '*.gcda' -delete
# A zero baseline, so that a source file no test reaches counts as 0%.
"${LCOV[@]}" --capture --initial --directory "$BUILD" --base-directory "$ROOT" \
  --ignore-errors gcov,source,graph --output-file "$BUILD/cov-base.info" 2>/dev/null

read -r -a CTEST_ARGS <<< "${COV_CTEST_ARGS:--LE browser|fuzz -E ^fault[.]cli[.]}"
echo "coverage.sh: ctest ${CTEST_ARGS[*]}" >&2
tests_rc=0
(cd "$BUILD" && ctest --output-on-failure --no-tests=error -j "$JOBS" "${CTEST_ARGS[@]}") \
  > "$BUILD/coverage-ctest.log" 2>&1 || tests_rc=$?
grep -E 'tests passed|^Total Test time' "$BUILD/coverage-ctest.log" | sed 's/^/coverage.sh: /' >&2 || :
if [ "$tests_rc" -ne 0 ]; then
  echo "coverage.sh: some tests failed (see $BUILD/coverage-ctest.log):" >&2
  sed -n '/The following tests FAILED/,$p' "$BUILD/coverage-ctest.log" >&2
fi
# Which test areas ran (the labels), for the record.
(cd "$BUILD" && ctest -N "${CTEST_ARGS[@]}" 2>/dev/null) \
  | sed -n 's/^ *Test *#[0-9]*: \([^.]*\).*/\1/p' | sort | uniq -c \
  | awk '{printf "%s%s %s", (NR>1?", ":"coverage.sh: tests run: "), $2, $1} END {print ""}' >&2

# ---- collect ----------------------------------------------------------------
# A .gcda that cannot be read (a process killed while writing it) is
# skipped with a warning rather than ending the run; so is a source file
# changed since it was compiled (counted as built).
"${LCOV[@]}" --capture --directory "$BUILD" --base-directory "$ROOT" \
  --ignore-errors gcov,source,graph --output-file "$BUILD/cov-test.info" \
  2> "$BUILD/coverage-lcov.log" || { cat "$BUILD/coverage-lcov.log" >&2; exit 3; }
if grep -qE 'ERROR|WARNING|newer than' "$BUILD/coverage-lcov.log"; then
  echo "coverage.sh: lcov reported problems (see $BUILD/coverage-lcov.log):" >&2
  grep -E 'ERROR|WARNING|newer than' "$BUILD/coverage-lcov.log" | sort -u | head -n 10 >&2
fi
"${LCOV[@]}" --add-tracefile "$BUILD/cov-base.info" --add-tracefile "$BUILD/cov-test.info" \
  --output-file "$BUILD/cov-all.info"
# Only src/: no system headers, no tests/, no generated schema sources.
"${LCOV[@]}" --remove "$BUILD/cov-all.info" '/usr/*' "$ROOT/tests/*" "$BUILD/*" \
  --output-file "$BUILD/cov-nosys.info"
"${LCOV[@]}" --extract "$BUILD/cov-nosys.info" "$ROOT/src/*" \
  --output-file "$BUILD/coverage.info"
genhtml --quiet --rc lcov_branch_coverage=1 --branch-coverage --legend \
  --prefix "$ROOT" --output-directory "$BUILD/coverage-html" "$BUILD/coverage.info" \
  >/dev/null 2>&1 || echo "coverage.sh: genhtml failed (figures below are unaffected)" >&2

# ---- figures ----------------------------------------------------------------
# "lines......: 93.1% (1234 of 1325 lines)" -> "1234 1325"
summary() {   # summary TRACEFILE -> "lhit lfound bhit bfound"
  lcov --rc lcov_branch_coverage=1 --summary "$1" 2>&1 | awk '
    /lines\.*:/    { gsub(/[()]/, ""); lh=$3; lf=$5 }
    /branches\.*:/ { gsub(/[()]/, ""); bh=$3; bf=$5 }
    END { printf "%d %d %d %d\n", lh, lf, bh, bf }'
}
pct() { awk -v h="$1" -v f="$2" 'BEGIN { if (f == 0) print "-"; else printf "%.1f%%", 100*h/f }'; }

AREAS=(input lexicon scan compare text analyze render cli util)
declare -A TARGETED=([input]=1 [lexicon]=1 [scan]=1)
printf '\n%-14s %10s %17s %10s %17s  %s\n' area lines "(hit/total)" branches "(hit/total)" \
  "target (>= ${TARGET}% lines)"
printf '%s\n' "--------------------------------------------------------------------------------------------"
verdict=PASS
for a in all "${AREAS[@]}"; do
  if [ "$a" = all ]; then
    file=$BUILD/coverage.info; name=src/
  else
    file=$BUILD/cov-$a.info; name=src/$a
    "${LCOV[@]}" --extract "$BUILD/coverage.info" "$ROOT/src/$a/*" --output-file "$file" \
      2>/dev/null || : > "$file"
  fi
  read -r lh lf bh bf < <(summary "$file")
  mark=""
  if [ -n "${TARGETED[$a]:-}" ]; then
    if [ "$lf" -gt 0 ] && awk -v h="$lh" -v f="$lf" -v t="$TARGET" 'BEGIN { exit !(100*h/f >= t) }'; then
      mark=PASS
    else
      mark=FAIL; verdict=FAIL
    fi
  fi
  printf '%-14s %10s %17s %10s %17s  %s\n' "$name" "$(pct "$lh" "$lf")" "($lh/$lf)" \
    "$(pct "$bh" "$bf")" "($bh/$bf)" "$mark"
done
echo
echo "target: >= ${TARGET}% line coverage of src/input, src/lexicon and src/scan: $verdict"
echo "per file: lcov --list $BUILD/coverage.info; HTML: $BUILD/coverage-html/index.html"
[ "$tests_rc" -eq 0 ] || echo "note: some tests failed; the figures count what ran (see $BUILD/coverage-ctest.log)"
exit 0
