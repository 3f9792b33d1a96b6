#!/usr/bin/env bash
# Renders the pictures' HTML sources to the small PNGs committed under content/images/.
# Needs chromium and ffmpeg (scripts/install-bench-deps.sh installs chromium); the normal build
# does not run this: the PNGs are committed. Usage: content/images-src/render.sh [name.html ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../images"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "$#" -gt 0 ]; then
  sources=("$@")
else
  mapfile -t sources < <(cd "$here" && ls lessons/*.html handoff/*.html)
fi
for source in "${sources[@]}"; do
  name="${source%.html}"
  mkdir -p "$out/$(dirname "$name")"
  # --no-sandbox: build containers often run as root, where Chromium's sandbox refuses to start.
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1.5 \
    --window-size=480,640 --screenshot="$work/shot.png" "file://$here/$source" >/dev/null 2>&1
  # 48 flat colours keep each picture at a few tens of KB; no dithering, so text stays crisp.
  ffmpeg -loglevel error -y -i "$work/shot.png" -vf \
    "split[a][b];[a]palettegen=max_colors=48:reserve_transparent=0[p];[b][p]paletteuse=dither=none" \
    -pix_fmt pal8 "$out/$name.png"
  printf '%-40s %6d bytes\n' "$name.png" "$(stat -c %s "$out/$name.png")"
done
