#!/usr/bin/env bash
# fuzz/run.sh SECONDS [NAMES...] — builds the libFuzzer harnesses of fuzz/
# with clang-14 (ASan + UBSan, coverage-guided) and runs each for SECONDS
# on a copy of its seed corpus with its dictionary; then prints, per
# fuzzer, the seconds run, executions, executions per second, the final
# corpus size and the findings (libFuzzer artifact files).
#
#   fuzz/run.sh 60                  every fuzzer, 60 s each
#   fuzz/run.sh 300 pdf office      two of them
#
# Environment:
#   CC              the compiler (default clang-14)
#   RS_FUZZ_JOBS    fuzzers run at a time (default 2)
#   RS_FUZZ_BUILD   build folder (default build/fuzz-build)
#   RS_FUZZ_WORK    work folder: corpora, logs, artifacts (default build/fuzz-work)
#   RS_FUZZ_KEEP=1  keep the work corpus of an earlier run instead of
#                   starting again from the seeds
#   RS_FUZZ_ARGS    more libFuzzer options, e.g. "-only_ascii=1"
#
# The library is built into its own folder with CC, RS_SANITIZE=ON and
# -fsanitize=fuzzer-no-link (coverage feedback from the library itself);
# each harness is linked with -fsanitize=fuzzer,address,undefined.
# Artifacts (crash-*, leak-*, timeout-*, oom-*) land in
# $RS_FUZZ_WORK/<name>/artifacts/; a finding worth keeping goes to
# fuzz/regressions/<name>/, which CTest replays (ctest -L fuzz).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ALL=(text scan lexicon html jsonl office pdf dates pipeline)

usage() {
  echo "usage: fuzz/run.sh SECONDS [NAMES...]   (names: ${ALL[*]})" >&2
  exit 2
}
[ $# -ge 1 ] || usage
SECS=$1
shift
[[ $SECS =~ ^[0-9]+$ ]] || usage
NAMES=("$@")
[ ${#NAMES[@]} -gt 0 ] || NAMES=("${ALL[@]}")
for n in "${NAMES[@]}"; do
  [[ " ${ALL[*]} " == *" $n "* ]] || { echo "fuzz/run.sh: unknown fuzzer '$n'" >&2; usage; }
done

CC=${CC:-clang-14}
JOBS=${RS_FUZZ_JOBS:-2}
BUILD=${RS_FUZZ_BUILD:-$ROOT/build/fuzz-build}
WORK=${RS_FUZZ_WORK:-$ROOT/build/fuzz-work}
read -r -a EXTRA <<< "${RS_FUZZ_ARGS:-}"

command -v "$CC" >/dev/null || { echo "fuzz/run.sh: $CC not found (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 1; }
RT=$("$CC" -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null || true)
if [ ! -f "$RT" ]; then
  RT=$(ls /usr/lib/llvm-14/lib/clang/14*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null | head -1 || true)
fi
[ -n "$RT" ] && [ -f "$RT" ] || { echo "fuzz/run.sh: no libFuzzer runtime (libclang-rt-14-dev)" >&2; exit 1; }

max_len() {
  case $1 in
    office|pdf) echo 262144 ;;
    pipeline)   echo 32768 ;;
    *)          echo 65536 ;;
  esac
}

# ---- build ---------------------------------------------------------------
LIB=$BUILD/lib
mkdir -p "$BUILD"
echo "== building the library with $CC into $LIB" >&2
cmake -S "$ROOT" -B "$LIB" -DCMAKE_C_COMPILER="$CC" -DCMAKE_BUILD_TYPE=Fuzz \
  -DCMAKE_C_FLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link" \
  -DRS_SANITIZE=ON -DBUILD_TESTING=OFF -DRS_BUILD_BENCH=OFF >"$BUILD/cmake.log" 2>&1 \
  || { cat "$BUILD/cmake.log" >&2; exit 1; }
cmake --build "$LIB" -j "$JOBS" --target rolescan_lib >"$BUILD/build.log" 2>&1 \
  || { tail -50 "$BUILD/build.log" >&2; exit 1; }

PKGS="libpcre2-8 libutf8proc libxml-2.0 yajl"
grep -q '^RS_WITH_OFFICE:BOOL=ON' "$LIB/CMakeCache.txt" && PKGS="$PKGS libzip"
grep -q '^RS_WITH_PDF:BOOL=ON' "$LIB/CMakeCache.txt" && PKGS="$PKGS poppler-glib"
read -r -a LIBS <<< "$(pkg-config --libs $PKGS)"
read -r -a YAJL <<< "$(pkg-config --libs yajl)"
CFLAGS=(-std=c17 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined
        -fno-sanitize-recover=all -Wall -Wextra
        -I"$ROOT/include" -I"$ROOT/src" -I"$ROOT/tests/unit" $(pkg-config --cflags libxml-2.0)
        -DRS_LEXICONS="\"$ROOT/lexicons\""
        -DRS_FUZZ_POSTING="\"$ROOT/samples/postings/03-senior-go.txt\""
        -DRS_FUZZ_RESUME="\"$ROOT/samples/resumes/03-senior-backend.txt\"")
for n in "${NAMES[@]}"; do
  echo "== building fuzz_$n" >&2
  srcs=("$ROOT/fuzz/fuzz_$n.c")
  extra=()
  if [ "$n" = jsonl ]; then
    srcs+=("$ROOT/src/cli/record.c")
    extra=("${YAJL[@]}")
  fi
  "$CC" "${CFLAGS[@]}" "${srcs[@]}" "$LIB/librolescan.a" "${LIBS[@]}" "${extra[@]}" \
    -lpthread -lm -o "$BUILD/fuzz_$n"
done

# ---- run -----------------------------------------------------------------
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

run_one() {   # run_one NAME
  local n=$1 w=$WORK/$1
  mkdir -p "$w"
  if [ "${RS_FUZZ_KEEP:-0}" != 1 ] || [ ! -d "$w/corpus" ]; then
    rm -rf "$w/corpus"
    mkdir -p "$w/corpus"
    find "$ROOT/fuzz/corpus/$n" -type f ! -name .keep -exec cp {} "$w/corpus/" \;
    # and the project's test data named in fuzz/seeds.txt
    awk -v n="$n" '$1 == n { print $2 }' "$ROOT/fuzz/seeds.txt" | while read -r seed; do
      find "$ROOT/$seed" -type f -exec sh -c 'cp "$1" "$2/seed-$(echo "$1" | md5sum | cut -c1-12)"' _ {} "$w/corpus" \;
    done
  fi
  rm -rf "$w/artifacts"
  mkdir -p "$w/artifacts"
  local start end
  start=$(date +%s.%N)
  # libFuzzer stops at its first finding; its exit status is not ours.
  (cd "$w" && "$BUILD/fuzz_$n" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 \
      -max_len="$(max_len "$n")" -dict="$ROOT/fuzz/dict/$n.dict" \
      -artifact_prefix="$w/artifacts/" -print_final_stats=1 "${EXTRA[@]}" \
      "$w/corpus" >"$w/log" 2>&1) || true
  end=$(date +%s.%N)
  echo "$start $end" >"$w/time"
}

pids=()
for n in "${NAMES[@]}"; do
  echo "== fuzzing $n for ${SECS}s" >&2
  run_one "$n" &
  pids+=($!)
  if [ ${#pids[@]} -ge "$JOBS" ]; then
    wait "${pids[0]}"
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p"; done

# ---- report --------------------------------------------------------------
stat_of() {   # stat_of LOG NAME
  grep -a "^stat::$2:" "$1" | tail -1 | awk '{print $2}'
}
printf '\n%-10s %8s %12s %9s %8s  %s\n' fuzzer seconds execs exec/s corpus findings
status=0
for n in "${NAMES[@]}"; do
  w=$WORK/$n
  read -r start end <"$w/time"
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.0f", b-a}')
  execs=$(stat_of "$w/log" number_of_executed_units)
  rate=$(stat_of "$w/log" average_exec_per_sec)
  if [ -z "$execs" ]; then   # no final stats: the last status line's "#N"
    execs=$(grep -aoE '^#[0-9]+' "$w/log" | tail -1 | tr -d '#')
  fi
  if [ -z "$rate" ] && [ -n "$execs" ] && [ "$secs" -gt 0 ]; then
    rate=$((execs / secs))
  fi
  corpus=$(find "$w/corpus" -type f | wc -l)
  mapfile -t found < <(find "$w/artifacts" -type f -printf '%f\n' | sort)
  if [ ${#found[@]} -eq 0 ]; then
    what=none
  else
    what="${#found[@]}: ${found[*]}"
    status=1
  fi
  printf '%-10s %8s %12s %9s %8s  %s\n' "$n" "$secs" "${execs:-?}" "${rate:-?}" "$corpus" "$what"
done
echo
echo "logs, corpora and artifacts: $WORK/<name>/" >&2
exit $status
