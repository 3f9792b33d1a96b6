#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) and runs each for a short time.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 5; CI runs 4 s each under `ctest --preset asan`)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-5}"
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz
corpus=build/fuzz/corpus
failed=0
for target in build/fuzz/tests/fuzz/fuzz_*; do
  name=$(basename "$target")
  mkdir -p "$corpus/$name"
  if "$target" -max_total_time="$seconds" -print_final_stats=0 "$corpus/$name" > "build/fuzz/$name.log" 2>&1; then
    echo "fuzz $name: ok (${seconds}s)"
  else
    echo "fuzz $name: FAILED (see build/fuzz/$name.log)"
    failed=$((failed + 1))
  fi
done
exit $failed
