#!/usr/bin/env bash
# Static checks of a built kiosk .deb, for any architecture: control fields, the files a kiosk
# needs inside it, and that every dependency resolves for that architecture on Debian 12.
# Usage: check_deb_package.sh DEB [ARCH]   (ARCH defaults to the package's own Architecture)
# Needs dpkg-deb and apt-cache; for a foreign ARCH the architecture must be added to dpkg
# (scripts/build-arm64.sh does that), so that apt knows its packages.
set -euo pipefail

deb="${1:?usage: check_deb_package.sh DEB [ARCH]}"
[ -f "$deb" ] || { echo "check-deb-package: FAIL: no such file: $deb" >&2; exit 1; }
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

arch="$(dpkg-deb --field "$deb" Architecture)"
want="${2:-$arch}"
if [ "$arch" = "$want" ]; then
    pass "Architecture: $arch"
else
    fail "Architecture is $arch, expected $want"
fi

# The programs must be built for the package's architecture, not copied from the host.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/root"
dpkg-deb --control "$deb" "$work/control"
declare -A elf_machine=([amd64]="x86-64" [arm64]="AArch64" [armhf]="ARM")
for program in usr/bin/kiosk usr/bin/kioskctl; do
    if [ ! -f "$work/root/$program" ]; then
        fail "package lacks /$program"
        continue
    fi
    machine="$(LC_ALL=C readelf -h "$work/root/$program" | sed -nE 's/^\s*Machine:\s*//p')"
    if [[ "$machine" == *"${elf_machine[$want]:-unknown}"* ]]; then
        pass "/$program is built for $want ($machine)"
    else
        fail "/$program is built for '$machine', not $want"
    fi
done

# Units, udev rules, the default configuration and the sample content the kiosk starts with.
for path in lib/systemd/system/kiosk.service lib/systemd/system/kiosk-usb-mount@.service \
    lib/systemd/system/kiosk-usb-export.path lib/systemd/system/kiosk-usb-export.service \
    lib/udev/rules.d/60-kiosk-printer.rules lib/udev/rules.d/60-kiosk-card-reader.rules \
    lib/udev/rules.d/90-kiosk-usb.rules lib/udev/rules.d/60-kiosk-backlight.rules \
    usr/libexec/kiosk/kiosk-usb-export etc/kiosk/kiosk.ini \
    etc/kiosk/content-keys/vinh-tuong-sample.pub usr/share/kiosk/vinh-tuong.kpack; do
    if [ -e "$work/root/$path" ]; then
        pass "contains /$path"
    else
        fail "package lacks /$path"
    fi
done
if [ -f "$work/root/etc/kiosk/kiosk.ini" ]; then
    for key in "printer = auto" "card_reader = auto"; do
        grep -q "^$key" "$work/root/etc/kiosk/kiosk.ini" || fail "the default kiosk.ini does not say '$key'"
    done
    grep -qE '^\s*(printer|card_reader)\s*=\s*sim' "$work/root/etc/kiosk/kiosk.ini" &&
        fail "the default kiosk.ini turns on a simulated device"
fi
for script in postinst prerm postrm conffiles; do
    [ -f "$work/control/$script" ] || fail "package lacks DEBIAN/$script"
done
grep -qxF /etc/kiosk/kiosk.ini "$work/control/conffiles" 2>/dev/null || fail "kiosk.ini is not a conffile"
leaks="$(dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' | grep -E '^/(home|tmp|usr/local|root)/' || true)"
[ -z "$leaks" ] || fail "package installs into a place it must not: $leaks"

# Every dependency resolves for the package's architecture: some alternative of each clause has
# a candidate of that architecture (or an Architecture: all one) whose version satisfies it.
depends="$(dpkg-deb --field "$deb" Depends)"
echo "Depends: $depends"
for expected in fonts-noto-core libsdl2 libssl libusb-1.0 libcurl libsqlite3; do
    grep -q "$expected" <<<"$depends" || fail "Depends lacks $expected"
done
candidate_version() { # candidate_version NAME ARCH: the version apt would install, or nothing
    local record
    record="$(apt-cache show --no-all-versions "$1:$2" 2>/dev/null || true)"
    [ -n "$record" ] || record="$(apt-cache show --no-all-versions "$1" 2>/dev/null || true)"
    local package_arch
    package_arch="$(sed -nE 's/^Architecture: //p' <<<"$record" | head -1)"
    [ "$package_arch" = "$2" ] || [ "$package_arch" = all ] || return 0
    sed -nE 's/^Version: //p' <<<"$record" | head -1
}
IFS=',' read -ra clauses <<<"$depends"
for clause in "${clauses[@]}"; do
    resolved=""
    IFS='|' read -ra alternatives <<<"$clause"
    for alternative in "${alternatives[@]}"; do
        # "libfoo1 (>= 1.2)" -> name "libfoo1", relation ">=", version "1.2"
        name="$(sed -E 's/^\s*([^ (]+).*/\1/' <<<"$alternative")"
        name="${name%%:any}"
        relation="$(sed -nE 's/.*\(\s*([<>=]+)\s*([^)]*)\).*/\1/p' <<<"$alternative")"
        required="$(sed -nE 's/.*\(\s*([<>=]+)\s*([^) ]*)\s*\).*/\2/p' <<<"$alternative")"
        version="$(candidate_version "$name" "$want")"
        [ -n "$version" ] || continue
        if [ -z "$relation" ]; then
            resolved="$name $version"
            break
        fi
        case "$relation" in
        ">=") op=ge ;; "<=") op=le ;; ">>") op=gt ;; "<<") op=lt ;; "=") op=eq ;; *) op="" ;;
        esac
        if [ -n "$op" ] && dpkg --compare-versions "$version" "$op" "$required"; then
            resolved="$name $version"
            break
        fi
    done
    clause="$(sed -E 's/^\s+|\s+$//g' <<<"$clause")"
    if [ -n "$resolved" ]; then
        pass "$clause -> $resolved ($want)"
    else
        fail "no $want package satisfies '$clause'"
    fi
done

if [ "$failures" -gt 0 ]; then
    echo "check-deb-package: $failures check(s) failed for $(basename "$deb")" >&2
    exit 1
fi
echo "check-deb-package: $(basename "$deb") passes every static check for $want"
