#!/usr/bin/env bash
# Installs every Debian package the kiosk needs to build, run and test (idempotent, needs root).
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config clang-format clang lld libclang-rt-14-dev
  # libraries the kiosk links
  libsdl2-dev libimgui-dev libstb-dev libfreetype-dev fonts-noto-core
  # the panel's power through KMS/DRM (DPMS)
  libdrm-dev
  libcurl4-openssl-dev libusb-1.0-0-dev libsqlite3-dev libssl-dev
  nlohmann-json3-dev libqrencode-dev libsystemd-dev libinih-dev
  # the programs' command lines
  libcli11-dev
  # spoken guidance (espeak-ng) and lesson videos (FFmpeg)
  libespeak-ng-dev libavformat-dev libavcodec-dev libswscale-dev libavutil-dev
  # tests: Catch2 v2 and the cpp-httplib test servers
  catch2 libcpp-httplib-dev
  # the gateway: PostgreSQL engine (libpq), its throwaway test cluster, CLI11 subcommands
  libpq-dev postgresql libcli11-dev
  # tooling used by tests and benchmarks
  sqlite3 openssl xvfb ffmpeg
  # hardware in the loop (ctest -L hil): a throwaway VM; its kernel .deb is downloaded by
  # tests/hil/run-vm.sh into the build tree, never installed
  qemu-system-x86 busybox-static
  # ... and its display (tests/hil/run-display-vm.sh): SDL's kmsdrm driver loads these
  libgbm1 libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri libudev1
  # the gateway's pages in a real browser (ctest label browser), driven from python3
  chromium python3
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
