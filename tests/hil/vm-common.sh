# Shared by run-vm.sh (USB) and run-display-vm.sh (KMS/DRM): the tools the test machines need,
# Debian's kernel, and copying a program with its libraries into an initramfs. Sourced, not run.

# Every module either machine loads: one kernel folder serves both, downloaded once.
hil_all_modules=(usb-common usbcore usbip-core vhci-hcd usblp
                 drm drm_kms_helper ttm drm_ttm_helper drm_vram_helper bochs
                 xhci-hcd xhci-pci hid usbhid hid-generic evdev)

# Sets $qemu and $busybox. Exits 77 (ctest's skip) when qemu is not installed, writing
# $1/skipped; exits 1 when busybox is not the static one.
hil_require_tools() {
  qemu=$(command -v qemu-system-x86_64 || true)
  if [ -z "$qemu" ]; then
    echo "qemu-system-x86_64 is not installed (scripts/install-deps.sh installs qemu-system-x86)"
    echo "qemu absent" > "$1/skipped"
    exit 77
  fi
  busybox=/bin/busybox
  # Read busybox's whole list first: `grep -q` closing the pipe early would kill busybox with
  # SIGPIPE and, under pipefail, fail this check at random.
  local applets
  applets="$("$busybox" --list 2>/dev/null || true)"
  if ! grep -qx cpio <<<"$applets" || ldd "$busybox" > /dev/null 2>&1; then
    echo "FAIL: /bin/busybox must be the static busybox (package busybox-static)"
    exit 1
  fi
}

# Debian's kernel and hil_all_modules, unpacked once into $1 (never installed; the whole tree is
# ~400 MB). Sets $kdir and $vmlinuz.
hil_kernel() {
  kdir=$1
  local wanted="${hil_all_modules[*]}"
  if [ ! -f "$kdir/ok" ] || [ "$(cat "$kdir/ok")" != "$wanted" ]; then
    rm -rf "$kdir" && mkdir -p "$kdir"
    local package
    package=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
    [ -n "$package" ] || { echo "FAIL: apt-cache knows no linux-image-amd64 (apt-get update?)"; exit 1; }
    (cd "$kdir" && apt-get download "$package" > /dev/null 2>&1) ||
      { echo "FAIL: apt-get download $package failed"; exit 1; }
    local patterns=('./boot/vmlinuz-*') module
    for module in "${hil_all_modules[@]}"; do patterns+=("*/$module.ko*"); done
    dpkg-deb --fsys-tarfile "$kdir"/*.deb | tar -x -C "$kdir" --wildcards "${patterns[@]}"
    rm -f "$kdir"/*.deb
    echo "$wanted" > "$kdir/ok"
  fi
  vmlinuz=$(ls "$kdir"/boot/vmlinuz-* | head -1)
}

# What the kiosk needs in either machine's root $1: the sample content, the fonts, and a complete
# gateway configuration (a key and a 0600 credential; nobody answers in the VM), or the kiosk
# would show its maintenance screen. $2: the source tree, $3: the kiosk-gateway program.
hil_add_kiosk_files() {
  local root=$1 src=$2 gateway=$3
  cp -r "$src/content" "$root/hil/content"
  cp /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf \
    /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf "$root/usr/share/fonts/truetype/noto/"
  mkdir -p "$root/hil/gateway"
  "$gateway" keygen --out "$root/hil/gateway" > /dev/null
  echo "hil-kiosk-secret-of-enough-length" > "$root/hil/gateway/kiosk.secret"
  # The kiosk refuses a credential that others can read, as it would on the box.
  chmod 600 "$root/hil/gateway/kiosk.secret"
}

# Copies the modules named after $1 (the initramfs root) into its /modules.
hil_copy_modules() {
  local root=$1 module
  shift
  for module in "$@"; do
    find "$kdir/lib" -name "$module.ko*" -exec cp {} "$root/modules/" \;
  done
}
