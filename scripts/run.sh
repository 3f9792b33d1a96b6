#!/usr/bin/env bash
# Installs dependencies, builds, and runs the kiosk with simulated devices: in a window when a
# display is available, otherwise the scripted headless demo.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset dev > /dev/null
cmake --build --preset dev

build=build/dev
state="$build/run"
mkdir -p "$state"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$build/kiosk/programs/kiosk" --windowed --sim "$@"
else
  echo "No display found: running the headless demo (kiosk --demo)."
  exec "$build/kiosk/programs/kiosk" --demo "$@"
fi
