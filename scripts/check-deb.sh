#!/usr/bin/env bash
# Builds the kiosk .deb and proves it installs, configures, removes and purges cleanly in a
# throwaway Debian bookworm root (debootstrap --variant=minbase), running the real maintainer
# scripts there. Needs root and the Debian mirror; slow, so it is not part of ctest.
# Usage: sudo scripts/check-deb.sh [BUILD_DIR]     (default: build/release; built if missing)
# KIOSK_DEB_CHECK_CACHE (default /var/tmp/kiosk-deb-check) keeps the pristine bootstrapped root
# between runs; every run works on a fresh copy of it.
# Single-quoted $(...) in the checks are meant to expand inside the root, not here.
# shellcheck disable=SC2016
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$repo/build/release}"
cache="${KIOSK_DEB_CHECK_CACHE:-/var/tmp/kiosk-deb-check}"
suite=bookworm

step() { echo; echo "== $*"; }
die() { echo "check-deb: FAIL: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, chroot and dpkg need it)"

# --- Build the package. ----------------------------------------------------------------------------
step "building the package in $build"
if [ ! -f "$build/CMakeCache.txt" ]; then
    (cd "$repo" && cmake --preset release -DKIOSK_BENCH=OFF)
fi
cmake --build "$build" --target kiosk kioskctl content_pack -j2
rm -f "$build"/kiosk_*.deb
(cd "$build" && cpack -G DEB)
deb="$(find "$build" -maxdepth 1 -name 'kiosk_*.deb' | head -1)"
[ -f "$deb" ] || die "cpack made no kiosk_*.deb"
echo "package: $deb"

# --- Static checks of the package. -----------------------------------------------------------------
step "package contents and control data"
contents="$(dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|')"
for path in /usr/bin/kiosk /usr/bin/kioskctl /lib/systemd/system/kiosk.service \
    /lib/systemd/system/kiosk-usb-mount@.service /lib/udev/rules.d/60-kiosk-printer.rules \
    /lib/udev/rules.d/60-kiosk-card-reader.rules /lib/udev/rules.d/90-kiosk-usb.rules \
    /lib/udev/rules.d/60-kiosk-backlight.rules /lib/systemd/system/kiosk-usb-export.path \
    /lib/systemd/system/kiosk-usb-export.service /usr/libexec/kiosk/kiosk-usb-export \
    /etc/kiosk/kiosk.ini /etc/kiosk/content-keys/vinh-tuong-sample.pub \
    /usr/share/kiosk/vinh-tuong.kpack; do
    grep -qxF "$path" <<<"$contents" || die "package lacks $path"
done
echo "$contents" | grep -E '^/(home|tmp|usr/local|root)/' && die "package installs into a place it must not"
control="$(mktemp -d)"
dpkg-deb --control "$deb" "$control"
for script in postinst prerm postrm conffiles; do
    [ -f "$control/$script" ] || die "package lacks DEBIAN/$script"
done
grep -qxF /etc/kiosk/kiosk.ini "$control/conffiles" || die "kiosk.ini is not a conffile"
depends="$(dpkg-deb --field "$deb" Depends)"
echo "Depends: $depends"
for dep in fonts-noto-core libsdl2 libssl libusb-1.0; do
    grep -q "$dep" <<<"$depends" || die "Depends lacks $dep"
done
rm -rf "$control"

# --- A throwaway Debian root. ----------------------------------------------------------------------
mirror="$(sed -nE 's/^URIs:\s*(\S+\/debian)\/?$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)"
if [ -z "$mirror" ]; then
    mirror="$(sed -nE 's/^deb\s+(\[[^]]*\]\s+)?(\S+\/debian)\/?\s.*/\2/p' /etc/apt/sources.list 2>/dev/null | head -1)"
fi
mirror="${mirror:-http://deb.debian.org/debian}"
mkdir -p "$cache"
if [ ! -d "$cache/base" ]; then
    step "bootstrapping $suite (minbase) from $mirror into $cache/base"
    command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
    rm -rf "$cache/base-tmp"
    if ! debootstrap --variant=minbase "$suite" "$cache/base-tmp" "$mirror"; then
        echo "check-deb: debootstrap could not reach $mirror; only the static checks above ran" >&2
        exit 2
    fi
    mv "$cache/base-tmp" "$cache/base"
fi

root="$cache/run.$$"
cleanup() {
    for mount in "$root/proc" "$root/dev"; do
        mountpoint -q "$mount" && umount -l "$mount"
    done
    rm -rf "$root"
}
trap cleanup EXIT
step "fresh copy of the base root: $root"
cp -a "$cache/base" "$root"
mount -t proc proc "$root/proc"
[ -c "$root/dev/null" ] || mount --bind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/kiosk.deb"

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }
assert() { # assert "what" command...: the command must succeed inside the root
    local what="$1"
    shift
    in_root "$@" >/dev/null 2>&1 || die "$what"
    echo "ok: $what"
}
refute() {
    local what="$1"
    shift
    in_root "$@" >/dev/null 2>&1 && die "$what"
    echo "ok: $what"
}

step "installing the package and its dependencies with apt (maintainer scripts run here)"
in_root apt-get update -qq
in_root apt-get install -y -q /tmp/kiosk.deb

step "checking the installed system"
assert "user kiosk exists with nologin shell" sh -c 'getent passwd kiosk | grep -q ":/var/lib/kiosk:/usr/sbin/nologin$"'
for group in kiosk video render input lp; do
    assert "kiosk is in group $group" sh -c "id -nG kiosk | tr ' ' '\n' | grep -qx $group"
done
assert "/var/lib/kiosk belongs to kiosk, mode 700" sh -c '[ "$(stat -c %U:%a /var/lib/kiosk)" = kiosk:700 ]'
assert "the sample content pack is installed and active" test -d /var/lib/kiosk/content/current/files/procedures
assert "content belongs to kiosk" sh -c '[ -z "$(find /var/lib/kiosk ! -user kiosk)" ]'
assert "kiosk.service is enabled" test -L /etc/systemd/system/multi-user.target.wants/kiosk.service
# The packaged kiosk.ini leaves the gateway credential and key for the installer: config check
# (and the kiosk at start) must refuse it and name what is missing, not pass it.
assert "the default configuration parses and asks for the gateway credential" sh -c \
    'kioskctl config check /etc/kiosk/kiosk.ini 2>&1 | grep -q "credential_file is empty"'
assert "every library of kiosk and kioskctl resolves" sh -c '! ldd /usr/bin/kiosk /usr/bin/kioskctl | grep -q "not found"'
assert "kiosk --help runs" kiosk --help
assert "the installed unit verifies" systemd-analyze verify /lib/systemd/system/kiosk.service
exposure="$(in_root systemd-analyze security --offline=true --no-pager /lib/systemd/system/kiosk.service 2>&1 |
    sed -nE 's/.*Overall exposure level for kiosk.service: ([0-9.]+).*/\1/p')"
echo "exposure of the installed kiosk.service: ${exposure:-unknown}"

step "reinstalling (the upgrade path: existing user, same content pack)"
reinstall_log="$(in_root dpkg -i /tmp/kiosk.deb 2>&1)" || die "reinstall failed: $reinstall_log"
echo "$reinstall_log"
grep -q "already installed" <<<"$reinstall_log" || die "reinstall did not recognise the installed sample pack"
echo "ok: the reinstall keeps the installed content pack"
assert "still enabled after reinstall" test -L /etc/systemd/system/multi-user.target.wants/kiosk.service

step "removing"
in_root apt-get remove -y -q kiosk
refute "/usr/bin/kiosk is gone" test -e /usr/bin/kiosk
refute "kiosk.service is no longer enabled" test -e /etc/systemd/system/multi-user.target.wants/kiosk.service
assert "the edited-or-not conffile stays after remove" test -f /etc/kiosk/kiosk.ini
assert "data stays after remove" test -d /var/lib/kiosk/content

step "purging"
in_root apt-get purge -y -q kiosk
for path in /etc/kiosk /var/lib/kiosk /var/cache/kiosk /usr/share/kiosk /lib/systemd/system/kiosk.service \
    /lib/udev/rules.d/60-kiosk-printer.rules; do
    refute "$path is gone after purge" test -e "$path"
done
refute "user kiosk is gone" getent passwd kiosk
refute "group kiosk is gone" getent group kiosk
leftovers="$(in_root find / -xdev -name '*kiosk*' -not -path '/tmp/*' -not -path '/proc/*' 2>/dev/null || true)"
[ -z "$leftovers" ] || die "files left after purge: $leftovers"
echo "ok: nothing named *kiosk* left outside /tmp"

echo
echo "check-deb: $(basename "$deb") installs, configures, reinstalls, removes and purges cleanly in $suite"
