#!/usr/bin/env bash
# Boots a throwaway Linux machine (Debian's kernel under qemu TCG: no KVM, no root) whose
# initramfs holds busybox, the kiosk's programs and kiosk-vusb, runs every hardware-in-the-loop
# scenario (scenarios.sh) once, and leaves one result line per scenario in OUT/results.txt.
# Usage: run-vm.sh SOURCE_DIR BUILD_DIR OUT_DIR. Exit 77 (skip) only when qemu is not installed.
set -euo pipefail
src=$1
build=$2
out=$3
mkdir -p "$out"
rm -f "$out/results.txt" "$out/console.log" "$out/skipped"

. "$src/tests/hil/vm-common.sh"
hil_require_tools "$out"
hil_kernel "$build/hil-kernel"

# The initramfs: busybox, our programs with the libraries ldd lists, content, scenarios.
root="$out/root"
rm -rf "$root"
mkdir -p "$root"/{bin,sbin,proc,sys,dev,tmp,run,modules,hil,etc,usr/share/fonts/truetype/noto}
cp "$busybox" "$root/bin/busybox"
bin="$build/kiosk/programs"
programs=("$bin/kiosk" "$bin/kioskctl" "$bin/kiosk-gateway" "$build/tests/hil/kiosk-vusb"
          "$build/tests/hil/kiosk-hil-probe")
for program in "${programs[@]}"; do
  [ -x "$program" ] || { echo "FAIL: $program is not built"; exit 1; }
  strip -o "$root/bin/$(basename "$program")" "$program" # no debug info: a 4x smaller initrd
  ldd "$program" | awk '/=>/ {print $3} /ld-linux/ {print $1}' | while read -r lib; do
    [ -f "$lib" ] || continue
    mkdir -p "$root$(dirname "$lib")"
    cp -n "$lib" "$root$lib"
  done
done
# libusb finds devices through libudev, which reads sysfs; SDL dlopens nothing we need.
hil_copy_modules "$root" usb-common usbcore usbip-core vhci-hcd usblp
# The demo's dossier is sealed to the gateway key and queued.
hil_add_kiosk_files "$root" "$src" "$bin/kiosk-gateway"
cp "$src/tests/hil/scenarios.sh" "$root/hil/scenarios.sh"
cp "$src/systemd/kiosk.ini" "$root/hil/kiosk.ini" # the packaged configuration
# The signed sample pack and the key that verifies it, for the read-only root scenario.
cp "$build/content/vinh-tuong.kpack" "$root/hil/vinh-tuong.kpack"
cp -r "$build/content/trust" "$root/hil/trust"
cat > "$root/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
mkdir -p /run/udev
for module in usb-common usbcore usbip-core vhci-hcd usblp; do
  insmod /modules/$module.ko || echo "HIL: insmod $module failed"
done
ifconfig lo 127.0.0.1 up
# Executing a large file straight from the unpacked initramfs can fail with ETXTBSY (its last
# close is deferred); run copies made now instead.
mkdir -p /usr/local/bin
for program in kiosk kioskctl kiosk-gateway kiosk-vusb kiosk-hil-probe; do
  cp /bin/$program /usr/local/bin/$program
done
export PATH=/usr/local/bin:/bin:/sbin
sh /hil/scenarios.sh
echo "HIL-DONE"
poweroff -f
INIT
chmod +x "$root/init"
# Uncompressed: gunzip under TCG costs the guest more than reading the bigger file costs qemu.
(cd "$root" && find . | "$busybox" cpio -o -H newc 2> /dev/null) > "$out/initrd.cpio"
rm -rf "$root"

start=$(date +%s)
timeout 420 "$qemu" -accel tcg -smp 2 -m 1536 -nographic -no-reboot -kernel "$vmlinuz" \
  -initrd "$out/initrd.cpio" -append "console=ttyS0 quiet panic=-1" > "$out/console.log" 2>&1 || true
end=$(date +%s)
tr -d '\r' < "$out/console.log" | grep '^HIL-RESULT ' > "$out/results.txt" || true
echo "test machine ran for $((end - start)) s; console: $out/console.log"
cat "$out/results.txt"
if ! grep -q '^HIL-DONE' <(tr -d '\r' < "$out/console.log"); then
  echo "FAIL: the test machine did not finish its scenarios"
  tail -30 "$out/console.log"
  exit 1
fi
