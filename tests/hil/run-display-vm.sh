#!/usr/bin/env bash
# Boots the throwaway Linux machine with a display the kernel drives through DRM (bochs-display)
# and a USB tablet standing in for the touchscreen, runs the kiosk on SDL's kmsdrm driver with
# evdev input as on the box, and lets tests/hil/display_driver.cpp tap it through QMP.
# Usage: run-display-vm.sh SOURCE_DIR BUILD_DIR OUT_DIR check|bench [TAPS] [IDLE_SECONDS]
# check: one HIL-RESULT line per display scenario in OUT_DIR/results.txt (ctest label hil).
# bench: idle and tap-to-frame figures (HIL-BENCH lines) for tests/bench/bench_display_path.
# trace: where an idle kiosk's CPU goes, thread by thread every 5 s (TRACE lines in the console).
# Exit 77 (skip) only when qemu is not installed.
set -euo pipefail
src=$1
build=$2
out=$3
mode=${4:-check}
taps=${5:-200} # bench: timed taps per idle wait (about 2.5 s each under TCG); 0 = none
idle_s=${6:-60} # bench: each idle window (60 s holds exactly one minute-clock frame)
mkdir -p "$out"
rm -f "$out/results.txt" "$out/console.log" "$out/skipped" "$out/bench.txt"

. "$src/tests/hil/vm-common.sh"
hil_require_tools "$out"
# The display, USB host, HID and evdev modules; dependencies first: the order is the insmod order.
modules=(drm drm_kms_helper ttm drm_ttm_helper drm_vram_helper bochs
         usb-common usbcore xhci-hcd xhci-pci hid usbhid hid-generic evdev)
hil_kernel "$build/hil-kernel"

# Copies $1 and every library ldd lists for it into the root, at the same paths.
root="$out/root"
add_with_libraries() {
  mkdir -p "$root$(dirname "$1")"
  cp -nL "$1" "$root$1"
  ldd "$1" | awk '/=>/ {print $3} /ld-linux/ {print $1}' | while read -r lib; do
    [ -f "$lib" ] || continue
    mkdir -p "$root$(dirname "$lib")"
    cp -nL "$lib" "$root$lib"
  done
}

rm -rf "$root"
mkdir -p "$root"/{bin,sbin,proc,sys,dev,tmp,run,modules,hil,etc,usr/share/fonts/truetype/noto}
cp "$busybox" "$root/bin/busybox"
kiosk="$build/kiosk/programs/kiosk"
[ -x "$kiosk" ] || { echo "FAIL: $kiosk is not built"; exit 1; }
strip -o "$root/bin/kiosk" "$kiosk"
add_with_libraries "$kiosk"
rm -f "$root$kiosk"
# What SDL's kmsdrm driver and its renderer dlopen (ldd cannot see them): libudev to find the
# input devices, libdrm and GBM for the display, EGL/GLES through glvnd to mesa, whose
# kms_swrast driver renders in software on a card without 3D (bochs, like a Pi without its
# GPU driver).
arch=$(gcc -print-multiarch 2> /dev/null || echo x86_64-linux-gnu)
lib=/usr/lib/$arch
for dl in libudev.so.1 libdrm.so.2 libgbm.so.1 libEGL.so.1 libEGL_mesa.so.0 libGLESv2.so.2 \
          libGL.so.1 libGLX.so.0 libGLdispatch.so.0 libglapi.so.0 dri/kms_swrast_dri.so \
          dri/swrast_dri.so; do
  for candidate in "$lib/$dl" "/lib/$arch/$dl"; do
    if [ -e "$candidate" ]; then add_with_libraries "$candidate"; break; fi
  done
done
mkdir -p "$root/usr/share/glvnd/egl_vendor.d"
cp /usr/share/glvnd/egl_vendor.d/*mesa*.json "$root/usr/share/glvnd/egl_vendor.d/"
hil_copy_modules "$root" "${modules[@]}"
hil_add_kiosk_files "$root" "$src" "$build/kiosk/programs/kiosk-gateway"
cp "$src/tests/hil/display.sh" "$root/hil/display.sh"
cat > "$root/init" <<INIT
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
mkdir -p /run/udev
for module in ${modules[*]}; do
  insmod /modules/\$module.ko || echo "HIL: insmod \$module failed"
done
ifconfig lo 127.0.0.1 up
# Executing a large file straight from the unpacked initramfs can fail with ETXTBSY.
mkdir -p /usr/local/bin
cp /bin/kiosk /usr/local/bin/kiosk
export PATH=/usr/local/bin:/bin:/sbin
# The USB tablet enumerates in the background: wait for its event node.
i=0
while [ \$i -lt 100 ] && ! ls /dev/input/event* > /dev/null 2>&1; do sleep 0.1; i=\$((i + 1)); done
sh /hil/display.sh $mode $taps $idle_s
echo "HIL-DONE"
poweroff -f
INIT
chmod +x "$root/init"
(cd "$root" && find . | "$busybox" cpio -o -H newc 2> /dev/null) > "$out/initrd.cpio"
rm -rf "$root"

driver="$build/tests/hil/kiosk-hil-display"
[ -x "$driver" ] || { echo "FAIL: $driver is not built"; exit 1; }
start=$(date +%s)
# 1280x800 like the box's panel; the console on the first serial port (stdin/stdout of qemu,
# read by the driver), the frame log on the second (a socket the driver reads).
status=0
timeout 3600 "$driver" --out "$out" -- "$qemu" -accel tcg -smp 2 -m 1536 -no-reboot \
  -display none -monitor none -serial stdio \
  -chardev socket,id=frames,path="$out/frames.sock",server=on,wait=off -serial chardev:frames \
  -qmp unix:"$out/qmp.sock",server=on,wait=off \
  -device bochs-display,xres=1280,yres=800 -device qemu-xhci -device usb-tablet \
  -kernel "$vmlinuz" -initrd "$out/initrd.cpio" \
  -append "console=ttyS0 quiet panic=-1" || status=$?
end=$(date +%s)
tr -d '\r' < "$out/console.log" | grep '^HIL-RESULT ' > "$out/results.txt" || true
tr -d '\r' < "$out/console.log" | grep '^HIL-BENCH ' > "$out/bench.txt" || true
echo "display test machine ran for $((end - start)) s (driver status $status); console: $out/console.log"
cat "$out/results.txt" "$out/bench.txt"
if ! grep -q '^HIL-DONE' <(tr -d '\r' < "$out/console.log"); then
  echo "FAIL: the display test machine did not finish"
  tail -30 "$out/console.log"
  exit 1
fi
