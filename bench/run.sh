#!/usr/bin/env bash
# bench/run.sh [MEGABYTES] — builds a Release rolescan and prints the
# pipeline's throughput figures and ratios on a corpus made of the samples.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DRS_BUILD_BENCH=ON \
  -DBUILD_TESTING=OFF >/dev/null
cmake --build build-bench -j "$(nproc)" >/dev/null
./build-bench/bench_pipeline lexicons samples "${1:-64}"
