#!/usr/bin/env bash
# build.sh — the two commands of the README, each complete on a fresh
# Debian 12 machine (run as root, or with sudo available):
#   ./build.sh demo   install what is missing, build, scan a bundled resume
#                     and score every bundled resume
#   ./build.sh test   install what is missing, build twice (plain and
#                     ASan+UBSan) and run every test through CTest, then the
#                     unit tests again under valgrind
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(cmake make gcc pkg-config libpcre2-dev libutf8proc-dev libxml2-dev
          libyajl-dev libcmocka-dev valgrind parallel python3
          python3-jsonschema python3-distributed wamerican chromium fonts-liberation fonts-dejavu-core
          libzip-dev libpoppler-glib-dev zsh fish help2man man-db dpkg-dev file)
JOBS=$(nproc 2>/dev/null || echo 2)

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "build.sh: installing ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
}

build() {   # build DIR [cmake options...]
  local dir=$1; shift
  cmake -S . -B "$dir" -DRS_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j "$JOBS" >/dev/null
}

case "${1:-}" in
  demo)
    install_packages
    build build -DCMAKE_BUILD_TYPE=Release -DRS_SANITIZE=OFF -DBUILD_TESTING=OFF
    ./build/rolescan scan samples/resumes/03-senior-backend.txt
    ./build/rolescan score samples/resumes/*
    ;;
  test)
    install_packages
    # Every option is given, so a folder configured differently before
    # cannot change what runs.
    build build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRS_SANITIZE=OFF -DBUILD_TESTING=ON
    (cd build-test && ctest --output-on-failure --no-tests=error -j "$JOBS")
    build build-asan -DCMAKE_BUILD_TYPE=Debug -DRS_SANITIZE=ON -DBUILD_TESTING=ON
    (cd build-asan && ctest --output-on-failure --no-tests=error -j "$JOBS")
    (cd build-test && ctest --output-on-failure --no-tests=error -L unit -T memcheck -j "$JOBS")
    # the Debian package, installed, used from /usr/bin and removed
    build build-deb -DCMAKE_BUILD_TYPE=Release -DRS_SANITIZE=OFF -DBUILD_TESTING=OFF \
      -DCMAKE_INSTALL_PREFIX=/usr
    rm -f build-deb/rolescan_*.deb
    (cd build-deb && cpack -G DEB >/dev/null)
    tests/package/deb_test.sh build-deb/rolescan_*.deb .
    ;;
  *)
    echo "usage: $0 demo | test" >&2
    exit 2
    ;;
esac
