#!/usr/bin/env bash
# The USB export helper (systemd/kiosk-usb-export) without root: folders stand in for the spool
# and the stick, and stand-ins for mount, findmnt, df and dd on PATH record or fail on purpose.
# Exits 1 on the first failed case.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
helper="$here/../../systemd/kiosk-usb-export"
work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

# A fresh spool with one request for `name` (contents: a tiny CSV) and an empty stick folder.
setup() {
    local name="$1"
    rm -rf "$work/case"
    mkdir -p "$work/case/spool/outgoing" "$work/case/stick" "$work/case/bin"
    printf 'section,date,item,detail,value\r\nsessions,,started,,<5\r\n' \
        >"$work/case/spool/outgoing/$name"
    printf 'id=00c0ffee\nfile=%s\n' "$name" >"$work/case/spool/request"
}

run_helper() {
    PATH="$work/case/bin:$PATH" KIOSK_EXPORT_SPOOL="$work/case/spool" \
        KIOSK_USB_MOUNT="$work/case/stick" KIOSK_EXPORT_USER="" \
        KIOSK_EXPORT_REMOUNT="${remount:-no}" "$helper" 2>"$work/case/stderr"
}

outcome() { sed -n 's/^outcome=//p' "$work/case/spool/result" 2>/dev/null; }
saved_as() { sed -n 's/^file=//p' "$work/case/spool/result" 2>/dev/null; }

name="kiosk-report-2026-11-01_2026-11-25.csv"

# --- Saved: into kiosk-reports/, same bytes, request taken, answer carries the id. -------------
setup "$name"
run_helper
if [ "$(outcome)" = saved ] && [ "$(saved_as)" = "kiosk-reports/$name" ] &&
    cmp -s "$work/case/spool/outgoing/$name" "$work/case/stick/kiosk-reports/$name" &&
    grep -qx 'id=00c0ffee' "$work/case/spool/result" && [ ! -e "$work/case/spool/request" ] &&
    [ -z "$(find "$work/case/stick" -name '*.part')" ]; then
    pass "a report is saved in kiosk-reports/ on the stick and the kiosk is told where"
else
    fail "saved: outcome=$(outcome) file=$(saved_as) $(cat "$work/case/stderr")"
fi

# --- Saving the same range again replaces the file. --------------------------------------------
printf 'newer\r\n' >"$work/case/spool/outgoing/$name"
printf 'id=0badcafe\nfile=%s\n' "$name" >"$work/case/spool/request"
run_helper
if [ "$(outcome)" = saved ] && [ "$(cat "$work/case/stick/kiosk-reports/$name")" = $'newer\r' ]; then
    pass "exporting the same range again replaces the report on the stick"
else
    fail "re-export: outcome=$(outcome)"
fi

# --- No stick. ---------------------------------------------------------------------------------
setup "$name"
rmdir "$work/case/stick"
run_helper
[ "$(outcome)" = no_stick ] && pass "no stick is reported as no_stick" ||
    fail "no stick: outcome=$(outcome)"

# --- No request: nothing to do, no answer. -----------------------------------------------------
setup "$name"
rm "$work/case/spool/request"
run_helper
[ ! -e "$work/case/spool/result" ] && pass "without a request the helper does nothing" ||
    fail "no request: a result was written"

# --- A file name that leaves the spool is refused. ---------------------------------------------
setup "$name"
printf 'id=00c0ffee\nfile=../../etc/passwd\n' >"$work/case/spool/request"
run_helper
[ "$(outcome)" = bad_request ] && [ -z "$(ls -A "$work/case/stick")" ] &&
    pass "a request naming a path outside the spool is refused" ||
    fail "traversal: outcome=$(outcome)"

# --- A request without an id gets no answer (nobody could match it) but is still taken. --------
setup "$name"
printf 'file=%s\n' "$name" >"$work/case/spool/request"
run_helper
[ ! -e "$work/case/spool/result" ] && [ ! -e "$work/case/spool/request" ] &&
    pass "a request without an id is dropped" || fail "no id: result or request left"

# --- Stick full: df says so before the copy. ---------------------------------------------------
setup "$name"
printf '#!/bin/sh\necho "Filesystem 1024-blocks Used Available Capacity Mounted"\necho "/dev/sda1 7000 7000 0 100%% /media"\n' \
    >"$work/case/bin/df"
chmod +x "$work/case/bin/df"
run_helper
[ "$(outcome)" = stick_full ] && [ ! -e "$work/case/stick/kiosk-reports/$name" ] &&
    pass "a stick without room is reported as stick_full" || fail "full (df): outcome=$(outcome)"

# --- Stick full: the write itself runs out of room. --------------------------------------------
setup "$name"
printf '#!/bin/sh\necho "dd: error writing: No space left on device" >&2\nexit 1\n' >"$work/case/bin/dd"
chmod +x "$work/case/bin/dd"
run_helper
[ "$(outcome)" = stick_full ] && [ -z "$(find "$work/case/stick" -type f)" ] &&
    pass "running out of room while writing is stick_full and leaves no partial file" ||
    fail "full (dd): outcome=$(outcome)"

# --- Write failed: any other error while writing. ----------------------------------------------
setup "$name"
printf '#!/bin/sh\necho "dd: error writing: Input/output error" >&2\nexit 1\n' >"$work/case/bin/dd"
chmod +x "$work/case/bin/dd"
run_helper
[ "$(outcome)" = write_failed ] && pass "an I/O error while writing is write_failed" ||
    fail "write failed: outcome=$(outcome)"

# --- A stick whose kiosk-reports is a symlink out of the stick is not written through. ---------
setup "$name"
mkdir "$work/case/elsewhere"
ln -s "$work/case/elsewhere" "$work/case/stick/kiosk-reports"
run_helper
[ "$(outcome)" = write_failed ] && [ -z "$(ls -A "$work/case/elsewhere")" ] &&
    pass "a symlinked kiosk-reports folder on the stick is refused" ||
    fail "symlink: outcome=$(outcome)"

# --- A read-only stick folder (not as root: root writes anyway). --------------------------------
if [ "$(id -u)" -ne 0 ]; then
    setup "$name"
    chmod a-w "$work/case/stick"
    run_helper
    [ "$(outcome)" = write_failed ] && pass "a stick that cannot be written is write_failed" ||
        fail "read-only: outcome=$(outcome)"
    chmod u+w "$work/case/stick"
fi

# --- Real mounts: remounted read-write for the copy and read-only after, also on failure. -------
write_mount_stand_ins() {
    printf '#!/bin/sh\necho "$*" >>"%s"\nexit 0\n' "$work/case/mount.log" >"$work/case/bin/mount"
    printf '#!/bin/sh\nexit 0\n' >"$work/case/bin/findmnt"
    chmod +x "$work/case/bin/mount" "$work/case/bin/findmnt"
}
setup "$name"
write_mount_stand_ins
remount=yes run_helper
expected="-o remount,rw,nosuid,nodev,noexec -- $work/case/stick
-o remount,ro,nosuid,nodev,noexec -- $work/case/stick"
if [ "$(outcome)" = saved ] && [ "$(cat "$work/case/mount.log")" = "$expected" ]; then
    pass "the stick is remounted read-write for the copy, then read-only before the answer"
else
    fail "remount: outcome=$(outcome) mounts: $(cat "$work/case/mount.log" 2>/dev/null)"
fi

setup "$name"
write_mount_stand_ins
printf '#!/bin/sh\necho "dd: error writing: Input/output error" >&2\nexit 1\n' >"$work/case/bin/dd"
chmod +x "$work/case/bin/dd"
remount=yes run_helper
if [ "$(outcome)" = write_failed ] && [ "$(tail -n 1 "$work/case/mount.log")" = \
    "-o remount,ro,nosuid,nodev,noexec -- $work/case/stick" ]; then
    pass "a failed write still leaves the stick read-only"
else
    fail "remount on failure: outcome=$(outcome) mounts: $(cat "$work/case/mount.log" 2>/dev/null)"
fi

setup "$name"
printf '#!/bin/sh\nexit 1\n' >"$work/case/bin/findmnt"
printf '#!/bin/sh\necho "$*" >>"%s"\n' "$work/case/mount.log" >"$work/case/bin/mount"
chmod +x "$work/case/bin/findmnt" "$work/case/bin/mount"
remount=yes run_helper
[ "$(outcome)" = no_stick ] && [ ! -e "$work/case/mount.log" ] &&
    pass "nothing mounted at the stick folder is no_stick, and nothing is remounted" ||
    fail "not mounted: outcome=$(outcome)"

if [ "$failures" -ne 0 ]; then
    echo "$failures case(s) failed" >&2
    exit 1
fi
echo "all USB export helper cases passed"
