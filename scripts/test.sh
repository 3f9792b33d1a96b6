#!/usr/bin/env bash
# Installs dependencies, builds, and runs every test twice: a normal GCC build, then clang with
# ASan+UBSan, whose ctest run also fuzzes every parser of outside bytes for a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

for preset in dev asan; do
  echo "== $preset: configure and build"
  cmake --preset "$preset" > /dev/null
  cmake --build --preset "$preset"
  echo "== $preset: tests"
  ctest --preset "$preset"
done
