#!/usr/bin/env bash
# Fast checks of the deployment files: units verify, hardening score, config and udev agreement.
# Usage: check_deploy.sh [KIOSKCTL]   (KIOSKCTL: built kioskctl, to check the default kiosk.ini)
# Exits 77 (ctest's "skipped") when systemd-analyze is missing, 1 on the first failed check.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
units="$root/systemd"
kioskctl="${1:-}"
# systemd-analyze security exposure (0 safe .. 10 unsafe): the kiosk itself, and every other unit.
max_kiosk_exposure="1.5"
max_unit_exposure="4.0"
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- The default configuration names every key the kiosk accepts, and nothing else. ---------------
table_keys="$(grep -oE '^\s*\{"[a-z_]+", "[a-z_]+"' "$root/kiosk/config/config.cpp" |
    sed -E 's/^\s*\{"([a-z_]+)", "([a-z_]+)"/\1.\2/' | sort -u)"
ini_keys="$(awk '/^\[/{gsub(/[][]/, ""); section=$0; next}
                 /^[a-z_]+ *=/{split($0, kv, " *= *"); print section "." kv[1]}' \
    "$units/kiosk.ini" | sort -u)"
if [ -z "$table_keys" ]; then
    fail "found no keys in kiosk/config/config.cpp (has the key table changed shape?)"
elif [ "$table_keys" != "$ini_keys" ]; then
    fail "systemd/kiosk.ini and the key table in config.cpp differ:"
    diff <(echo "$table_keys") <(echo "$ini_keys") >&2 || true
else
    pass "kiosk.ini documents all $(echo "$table_keys" | wc -l) configuration keys"
fi
if [ -n "$kioskctl" ] && [ -x "$kioskctl" ]; then
    # KIOSK_EMULATOR (e.g. qemu-aarch64-static) runs a cross-built kioskctl.
    # kiosk.ini leaves the credential and gateway key for the installer to fill in, and the
    # check refuses a kiosk without them: check it as an installer would have completed it.
    filled="$(mktemp -d)"
    (umask 077; echo "a-deploy-check-secret-0123456789" >"$filled/kiosk.secret")
    printf '%064d\n' 0 >"$filled/gateway.pub"
    sed -e "s|^credential_file =.*|credential_file = $filled/kiosk.secret|" \
        -e "s|^public_key_file =.*|public_key_file = $filled/gateway.pub|" \
        "$units/kiosk.ini" >"$filled/kiosk.ini"
    # shellcheck disable=SC2086 # the emulator may carry arguments
    if ${KIOSK_EMULATOR:-} "$kioskctl" config check "$filled/kiosk.ini"; then
        pass "kioskctl config check accepts kiosk.ini once its credential and key are set"
    else
        fail "kioskctl config check rejects systemd/kiosk.ini"
    fi
    # shellcheck disable=SC2086
    if ${KIOSK_EMULATOR:-} "$kioskctl" config check "$units/kiosk.ini" 2>/dev/null; then
        fail "kioskctl config check accepts kiosk.ini without a credential file"
    fi
    rm -rf "$filled"
else
    echo "note: no kioskctl given; kiosk.ini not parsed"
fi

# --- Groups agree between udev rules, the unit and the postinst. ------------------------------------
grep -q 'GROUP="kiosk"' "$units/60-kiosk-card-reader.rules" || fail "card reader rule must use group kiosk"
grep -q 'GROUP="lp"' "$units/60-kiosk-printer.rules" || fail "printer rule must use group lp"
rule_groups="$(grep -vh '^\s*#' "$units"/*.rules | grep -oE 'GROUP="[^"]*"' || true)"
grep -vqE 'GROUP="(kiosk|lp)"' <<<"$rule_groups" && fail "a udev rule uses a group other than kiosk or lp"
for group in video render input lp; do
    grep -qE "^SupplementaryGroups=.*\b$group\b" "$units/kiosk.service" ||
        fail "kiosk.service lacks SupplementaryGroups $group"
    grep -qE "^kiosk_group_list=.*\b$group\b" "$root/packaging/deb/postinst" ||
        fail "postinst does not put the kiosk user in group $group"
done
pass "udev rules, kiosk.service and postinst agree on groups"

# --- The USB export helper is packaged and started. ----------------------------------------------
[ -x "$units/kiosk-usb-export" ] || fail "systemd/kiosk-usb-export must be executable"
grep -q 'kiosk-usb-export DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/kiosk' "$root/cmake/Packaging.cmake" ||
    fail "cmake/Packaging.cmake does not install kiosk-usb-export into libexec/kiosk"
for unit in kiosk-usb-export.path kiosk-usb-export.service; do
    grep -q "$unit" "$root/cmake/Packaging.cmake" || fail "cmake/Packaging.cmake does not install $unit"
done
grep -q '^Wants=kiosk-usb-export.path$' "$units/kiosk.service" ||
    fail "kiosk.service must want kiosk-usb-export.path (nothing else starts it)"
pass "the USB export helper, its units and the kiosk agree"

# --- Read-only root and SD wear (docs/storage.md). ------------------------------------------------
grep -q '^RequiresMountsFor=/var/lib/kiosk$' "$units/kiosk.service" ||
    fail "kiosk.service must wait for the data partition (RequiresMountsFor=/var/lib/kiosk)"
# Every place the kiosk may write is on the data partition, in /var/cache or in sysfs.
for path in $(sed -n 's/^ReadWritePaths=//p' "$units/kiosk.service"); do
    case "${path#-}" in
    /var/lib/kiosk | /var/cache/kiosk | /sys/*) ;;
    *) fail "kiosk.service writes outside the data partition: $path" ;;
    esac
done
grep -q '^ProtectSystem=strict$' "$units/kiosk.service" ||
    fail "kiosk.service must see / read-only (ProtectSystem=strict), as on a read-only root"
grep -q 'journald-kiosk.conf DESTINATION /usr/lib/systemd/journald.conf.d' "$root/cmake/Packaging.cmake" ||
    fail "cmake/Packaging.cmake does not install the journald drop-in"
for key in SystemMaxUse SyncIntervalSec RuntimeMaxUse; do
    grep -q "^$key=" "$units/journald-kiosk.conf" || fail "journald-kiosk.conf has no $key="
done
pass "the kiosk writes only to its data partition; the journal is capped"

# --- systemd units. --------------------------------------------------------------------------------
if ! command -v systemd-analyze >/dev/null; then
    echo "SKIP: systemd-analyze not found; units not verified, security score not measured"
    [ "$failures" -eq 0 ] || exit 1
    exit 77
fi

# verify checks that ExecStart= exists: stand in for /usr/bin/kiosk, which is not installed here.
printf '#!/bin/sh\nexit 0\n' >"$work/kiosk"
chmod +x "$work/kiosk"
sed "s|^ExecStart=/usr/bin/kiosk |ExecStart=$work/kiosk |" "$units/kiosk.service" >"$work/kiosk.service"
cp "$units/kiosk-usb-mount@.service" "$work/"
# The export helper's unit runs the script from /usr/libexec/kiosk: point it at the source copy.
sed "s|^ExecStart=/usr/libexec/kiosk/kiosk-usb-export$|ExecStart=$units/kiosk-usb-export|" \
    "$units/kiosk-usb-export.service" >"$work/kiosk-usb-export.service"
grep -q "^ExecStart=$units/kiosk-usb-export$" "$work/kiosk-usb-export.service" ||
    fail "kiosk-usb-export.service must run /usr/libexec/kiosk/kiosk-usb-export"
cp "$units/kiosk-usb-export.path" "$work/"
for unit in "$work/kiosk.service" "$work/kiosk-usb-mount@sda1.service" \
    "$work/kiosk-usb-export.service" "$work/kiosk-usb-export.path"; do
    if output="$(systemd-analyze verify --man=no "$unit" 2>&1)" && [ -z "$output" ]; then
        pass "systemd-analyze verify $(basename "$unit")"
    else
        fail "systemd-analyze verify $(basename "$unit"): $output"
    fi
done

if grep -q -- "--offline" <<<"$(systemd-analyze security --help 2>&1 || true)"; then
    # Every service in systemd/, scored from the copies above (ExecStart= points at files that
    # exist here); a template is scored as one instance.
    for unit in "$work/kiosk.service" "$work/kiosk-usb-mount@sda1.service" \
        "$work/kiosk-usb-export.service"; do
        name="$(basename "$unit")"
        limit="$max_unit_exposure"
        [ "$name" = kiosk.service ] && limit="$max_kiosk_exposure"
        report="$(systemd-analyze security --offline=true --no-pager "$unit" 2>&1)" || true
        exposure="$(echo "$report" | sed -nE 's/.*Overall exposure level for .*: ([0-9.]+).*/\1/p')"
        if [ -z "$exposure" ]; then
            fail "systemd-analyze security gave no exposure level for $name: $report"
        elif awk -v e="$exposure" -v m="$limit" 'BEGIN { exit !(e <= m) }'; then
            pass "$name exposure $exposure (at most $limit)"
        else
            echo "$report" | grep '✗' >&2 || true
            fail "$name exposure $exposure is above $limit"
        fi
    done
    # A new service file must be added to the list above (and so be scored).
    for file in "$units"/*.service; do
        case "$(basename "$file")" in
        kiosk.service | kiosk-usb-mount@.service | kiosk-usb-export.service) ;;
        *) fail "$(basename "$file") is not scored by check_deploy.sh" ;;
        esac
    done
else
    echo "note: systemd-analyze $(systemd-analyze --version | head -1) cannot score a unit file" \
        "offline (needs systemd 250); security score not checked"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all deployment checks passed"
