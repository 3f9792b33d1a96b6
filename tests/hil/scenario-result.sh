#!/usr/bin/env bash
# One hardware-in-the-loop scenario's result from the VM run: prints its log, passes or fails.
# Usage: scenario-result.sh OUT_DIR SCENARIO. Exit 77 (skip) only when qemu was absent.
set -u
out=$1
name=$2
if [ -f "$out/skipped" ]; then
  echo "skipped: $(cat "$out/skipped")"
  exit 77
fi
tr -d '\r' < "$out/console.log" 2> /dev/null |
  awk -v n="$name" '$0 == "HIL-BEGIN " n {on=1} on {print} /^HIL-RESULT / && $2 == n {on=0}'
if grep -qx "HIL-RESULT $name PASS" "$out/results.txt" 2> /dev/null; then
  exit 0
fi
echo "scenario $name did not pass (see $out/console.log)"
exit 1
