#!/usr/bin/env bash
# Cross-builds the kiosk for Debian arm64 (Raspberry Pi 4/5, 64-bit OS) on an amd64 Debian host and
# runs the test suite under qemu-user; with --deb also makes the arm64 .deb. CPU-heavy: never part of
# the default test path. Installs what it needs (root): the arm64 architecture, the cross
# toolchain, qemu-user-static and the :arm64 -dev packages listed in scripts/install-deps.sh.
# Usage: sudo scripts/build-arm64.sh [--no-install | --install-only] [--no-tests] [--deb] [--jobs N]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$repo/build/arm64"
install=yes
build=yes
tests=yes
deb=no
jobs=2
while [ $# -gt 0 ]; do
    case "$1" in
    --no-install) install=no ;;
    --install-only) build=no ;;
    --no-tests) tests=no ;;
    --deb) deb=yes ;;
    --jobs) jobs="$2"; shift ;;
    *) echo "usage: $0 [--no-install | --install-only] [--no-tests] [--deb] [--jobs N]" >&2; exit 2 ;;
    esac
    shift
done

# The -dev packages of scripts/install-deps.sh that hold arm64 code (Multi-Arch: same); the
# architecture-independent ones (nlohmann-json, Catch2's headers) are used from the host as they are.
arm64_packages() {
    sed -n '/^packages=(/,/^)/p' "$repo/scripts/install-deps.sh" | sed 's/#.*//' | tr ' ' '\n' |
        grep -E '^[a-z0-9.+-]+-dev$' | while read -r package; do
        # Read all of apt-cache's answer first: `grep -q` closing the pipe early would make
        # apt-cache die of SIGPIPE and, under pipefail, the test fail.
        record="$(apt-cache show --no-all-versions "$package" 2>/dev/null || true)"
        if grep -qx 'Multi-Arch: same' <<<"$record"; then
            echo "$package:arm64"
        fi
    done
}

if [ "$install" = yes ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    if ! dpkg --print-foreign-architectures | grep -qx arm64; then
        $SUDO dpkg --add-architecture arm64
    fi
    # The host side first: cmake, ninja, Catch2, fonts-noto-core (the receipt tests render text).
    bash "$repo/scripts/install-deps.sh"
    $SUDO apt-get update -qq
    mapfile -t libraries < <(arm64_packages)
    echo "build-arm64: installing the cross toolchain, qemu-user-static and ${libraries[*]}"
    $SUDO apt-get install -y -qq --no-install-recommends crossbuild-essential-arm64 \
        qemu-user-static dpkg-dev "${libraries[@]}"
fi

[ "$build" = yes ] || exit 0
[ "$jobs" -ge 1 ] 2>/dev/null || { echo "build-arm64: --jobs needs a number of at least 1" >&2; exit 2; }

# ccache and the -O3 release flags as on the Pi; benchmarks off (timings under qemu mean nothing).
cmake -S "$repo" -B "$build_dir" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$repo/cmake/toolchain-arm64.cmake" \
    -DCMAKE_BUILD_TYPE=Release -DKIOSK_BENCH=OFF -DKIOSK_TESTS="$([ "$tests" = yes ] && echo ON || echo OFF)"
targets=(kiosk kioskctl content_pack)
[ "$tests" = yes ] && targets+=(kiosk_tests)
cmake --build "$build_dir" --target "${targets[@]}" -j"$jobs"
file "$build_dir/kiosk/programs/kiosk" | grep -q 'ARM aarch64' || { echo "build-arm64: kiosk is not an arm64 binary" >&2; exit 1; }

if [ "$tests" = yes ]; then
    # ctest runs every test through CMAKE_CROSSCOMPILING_EMULATOR (qemu-aarch64-static); the UI
    # tests need the kiosk_ui_tests program, which this script does not build.
    (cd "$build_dir" && ctest --output-on-failure -j"$jobs" -E '^ui: |_NOT_BUILT')
fi

if [ "$deb" = yes ]; then
    # dpkg-shlibdeps reads the arm64 binaries' needs from the installed :arm64 libraries.
    (cd "$build_dir" && DEB_HOST_ARCH=arm64 DEB_HOST_GNU_TYPE=aarch64-linux-gnu cpack -G DEB)
    ls -l "$build_dir"/kiosk_*_arm64.deb
fi
