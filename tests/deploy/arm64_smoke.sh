#!/usr/bin/env bash
# Smoke run of cross-built programs under qemu-user: the shipped config parses, the
# simulated card reads, the test page prints, and the scripted resident's dossier reaches a
# reference gateway on loopback. The gateway is the host's own build: only the kiosk side is
# what ships to the box.
# Usage: arm64_smoke.sh TARGET_BUILD_DIR HOST_BUILD_DIR [EMULATOR]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$(cd "${1:?usage: arm64_smoke.sh TARGET_BUILD_DIR HOST_BUILD_DIR [EMULATOR]}" && pwd)"
host="$(cd "${2:?usage: arm64_smoke.sh TARGET_BUILD_DIR HOST_BUILD_DIR [EMULATOR]}" && pwd)"
emulator="${3:-$(command -v qemu-aarch64-static || command -v qemu-aarch64)}"
kiosk="$target/kiosk/programs/kiosk"
kioskctl="$target/kiosk/programs/kioskctl"
gateway="$host/kiosk/programs/kiosk-gateway"

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }
step() { echo "== $*"; }

for program in "$kiosk" "$kioskctl" "$gateway"; do
    [ -x "$program" ] || { echo "arm64-smoke: FAIL: $program is not built" >&2; exit 1; }
done
file "$kiosk" | grep -q 'ARM aarch64' || { echo "arm64-smoke: FAIL: $kiosk is not arm64" >&2; exit 1; }

work="$(mktemp -d)"
gateway_pid=""
cleanup() {
    [ -z "$gateway_pid" ] || kill "$gateway_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/data" "$work/gateway"
chmod 700 "$work/gateway"
run() { "$emulator" "$@"; } # every target program runs under qemu-user

step "kioskctl config check on the shipped kiosk.ini"
# It leaves the gateway credential for the installer: the check must say so, not pass it.
if checked="$(run "$kioskctl" config check "$root/systemd/kiosk.ini" 2>&1)"; then
    fail "kioskctl config check passes systemd/kiosk.ini without a gateway credential"
elif echo "$checked" | grep -q "credential_file is empty"; then
    pass "the shipped configuration parses and asks for the gateway credential"
else
    fail "kioskctl config check rejects systemd/kiosk.ini: $checked"
fi

step "kioskctl card read --sim"
if card="$(run "$kioskctl" card read --sim 2>&1)"; then
    pass "the simulated card was read"
    echo "$card" | sed 's/^/  /' | head -20
else
    fail "kioskctl card read --sim: $card"
fi

step "kioskctl print-test --sim"
if printed="$(run "$kioskctl" print-test --sim --data-dir "$work/data" 2>&1)"; then
    pass "the test page was printed to the simulated printer"
    echo "$printed" | sed 's/^/  /'
else
    fail "kioskctl print-test --sim: $printed"
fi

step "kiosk --demo against a loopback gateway"
"$gateway" keygen --out "$work/gateway" >/dev/null
(umask 077 && openssl rand -hex 24 >"$work/gateway/kiosk.secret")
echo "smoke-01 $(cat "$work/gateway/kiosk.secret")" >"$work/gateway/kiosks"
# The sample pack was signed at build time by the target's own kioskctl (under qemu).
if ! run "$kioskctl" pack install "$target/content/vinh-tuong.kpack" --content-dir "$work/content" \
    --trust "$target/content/trust" >"$work/pack.log" 2>&1; then
    fail "the sample content pack does not install: $(cat "$work/pack.log")"
fi
port=""
for _ in 1 2 3 4 5; do
    candidate=$((20000 + RANDOM % 20000))
    "$gateway" serve --db "$work/gateway/gateway.db" --key "$work/gateway/gateway.key" \
        --kiosks "$work/gateway/kiosks" --listen "127.0.0.1:$candidate" >"$work/gateway.log" 2>&1 &
    gateway_pid=$!
    for _ in $(seq 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
            port="$candidate"
            break
        fi
        kill -0 "$gateway_pid" 2>/dev/null || break
        sleep 0.1
    done
    [ -n "$port" ] && break
    kill "$gateway_pid" 2>/dev/null || true
    gateway_pid=""
done
[ -n "$port" ] || { echo "arm64-smoke: FAIL: the gateway did not start: $(cat "$work/gateway.log")" >&2; exit 1; }
cat >"$work/kiosk.ini" <<INI
; Written by tests/deploy/arm64_smoke.sh: simulated devices on purpose, a loopback gateway.
[display]
fullscreen = false
[devices]
printer = sim
card_reader = sim
[gateway]
url = http://127.0.0.1:$port
kiosk_id = smoke-01
credential_file = $work/gateway/kiosk.secret
public_key_file = $work/gateway/gateway.pub
[paths]
data_dir = $work/data
content_dir = $work/content
content_trust_dir = $target/content/trust
INI
if checked="$(run "$kioskctl" config check "$work/kiosk.ini" 2>&1)"; then
    pass "the completed configuration (credential 0600, gateway key) passes the check"
else
    fail "kioskctl config check rejects the completed configuration: $checked"
fi
if demo="$(SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy \
    run "$kiosk" --config "$work/kiosk.ini" --demo 2>"$work/demo.log")"; then
    pass "the scripted resident finished the demo"
else
    fail "kiosk --demo failed: $(tail -20 "$work/demo.log")"
fi
echo "$demo" | grep '^demo:' | sed 's/^/  /'
# The gateway's own list is the proof of delivery, whether the kiosk saw the answer in time under
# emulation or its outbox sent the dossier a moment later.
delivered=""
for _ in $(seq 40); do
    listing="$("$gateway" list --db "$work/gateway/gateway.db" --key "$work/gateway/gateway.key" 2>&1 || true)"
    if grep -q 'smoke-01' <<<"$listing"; then
        delivered=yes
        break
    fi
    sleep 0.5
done
if [ -n "$delivered" ]; then
    pass "the gateway received the dossier from the arm64 kiosk"
    echo "$listing" | sed 's/^/  /'
else
    fail "the gateway has no dossier from smoke-01: $listing"
fi

if [ "$failures" -gt 0 ]; then
    echo "arm64-smoke: $failures check(s) failed" >&2
    exit 1
fi
echo "arm64-smoke: all checks passed under $(basename "$emulator")"
