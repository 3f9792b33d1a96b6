#!/usr/bin/env bash
# Installs dependencies, builds, and runs every test: a normal GCC build, then clang with
# ASan+UBSan over the core tests (whose ctest run also fuzzes every parser of outside bytes for a
# few seconds), then the Raspberry Pi build: an arm64 cross build, its .deb checked, and its
# programs smoke-run under qemu-user. Prints the time each stage took at the end, also when a stage fails.
set -euo pipefail
cd "$(dirname "$0")/.."

stage_names=()
stage_seconds=()
passed=0
failed=0
current=""
started=0
begin() {
    current="$1"
    started=$SECONDS
    echo "== $current"
}
finish() {
    stage_names+=("$current")
    stage_seconds+=($((SECONDS - started)))
    current=""
}
report() {
    local status=$?
    [ -z "$current" ] || finish
    echo
    echo "== stage times (seconds)"
    local total=0
    for i in "${!stage_names[@]}"; do
        printf '%6d  %s\n' "${stage_seconds[$i]}" "${stage_names[$i]}"
        total=$((total + stage_seconds[i]))
    done
    printf '%6d  total%s\n' "$total" "$([ "$status" -eq 0 ] || echo " (FAILED in: ${stage_names[-1]:-start})")"
    echo "tests: $passed passed, $failed failed"
}
# ctest's summary line ("100% tests passed, 0 tests failed out of 640") counted over every run.
run_ctest() {
    local log status=0
    log="$(mktemp)"
    ctest "$@" 2>&1 | tee "$log" || status=$?
    local total failures
    read -r failures total < <(sed -nE 's/.*tests passed, ([0-9]+) tests? failed out of ([0-9]+).*/\1 \2/p' "$log" | tail -1)
    rm -f "$log"
    if [ -n "${total:-}" ]; then
        passed=$((passed + total - failures))
        failed=$((failed + failures))
    fi
    return "$status"
}
trap report EXIT

begin "install dependencies"
bash scripts/install-deps.sh
finish

# Paths in ccache's keys relative to this checkout, so that a cache filled from another checkout
# of the same sources (a developer's, an earlier CI run's) still hits.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1

begin "dev: configure and build"
cmake --preset dev >/dev/null
cmake --build --preset dev
finish
begin "dev: tests"
run_ctest --preset dev
finish

# The sanitizer build checks what runs the resident's data: every core and driver test and a short
# run of each fuzzer over the parsers of outside bytes. The UI, deployment, PostgreSQL and VM tests
# ran above on the same code; under ASan they would double the stage for little more.
begin "asan: configure and build (core tests, fuzzers)"
cmake --preset asan >/dev/null
mapfile -t fuzzers < <(find tests/fuzz -name 'fuzz_*.cpp' -printf '%f\n' | sed 's/\.cpp$//' | sort)
cmake --build --preset asan --target kiosk_tests "${fuzzers[@]}"
finish
begin "asan: tests"
run_ctest --preset asan -R '^(core|fuzz):'
finish

# The box in the village hall is arm64: cross-build what the .deb ships, check the package, and run
# the programs under qemu-user (the arm64 test suite itself: scripts/build-arm64.sh without flags).
begin "arm64: install the cross toolchain and :arm64 libraries"
bash scripts/build-arm64.sh --install-only
finish
begin "arm64: cross build (release) and .deb"
rm -f build/arm64/kiosk_*_arm64.deb
bash scripts/build-arm64.sh --no-install --no-tests --deb
finish
begin "arm64: package checks and qemu-user smoke run"
deb="$(find build/arm64 -maxdepth 1 -name 'kiosk_*_arm64.deb' | head -1)"
bash tests/deploy/check_deb_package.sh "$deb" arm64
bash tests/deploy/arm64_smoke.sh build/arm64 build/dev
finish
