# The hardware-in-the-loop scenarios, run by the test machine's /init (busybox sh). Each one
# prints "HIL-BEGIN name", its output, then "HIL-RESULT name PASS|FAIL".
export HOME=/tmp SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy
hil=/hil
csca=/tmp/csca
pages=/tmp/pages
mkdir -p $csca /tmp/data

mkfifo /tmp/bus
kiosk-vusb --profiles $hil/content/cards --pages $pages --csca $csca/csca.pem \
  < /tmp/bus > /tmp/vusb.out 2> /tmp/vusb.err &
exec 3> /tmp/bus # keeps the bus's input open between commands
bus() { echo "$*" >&3; }

# Waits up to 10 s until the kernel has enumerated a device VVVV:PPPP (lower-case hex).
wait_usb() {
  i=0
  while [ $i -lt 100 ]; do
    for d in /sys/bus/usb/devices/*; do
      if [ "$(cat $d/idVendor 2> /dev/null):$(cat $d/idProduct 2> /dev/null)" = "$1" ]; then
        return 0
      fi
    done
    sleep 0.1
    i=$((i + 1))
  done
  echo "device $1 never appeared"; return 1
}

# Waits until no device VVVV:PPPP is left on the bus.
wait_gone() {
  i=0
  while [ $i -lt 50 ] && grep -qs "^${1%%:*}$" /sys/bus/usb/devices/*/idVendor; do
    sleep 0.1
    i=$((i + 1))
  done
}

cat > /tmp/auto.ini <<INI
[devices]
printer = auto
card_reader = auto
csca_dir = $csca
[gateway]
url = http://127.0.0.1:9
kiosk_id = hil-01
credential_file = $hil/gateway/kiosk.secret
public_key_file = $hil/gateway/gateway.pub
[paths]
data_dir = /tmp/data
content_dir = $hil/content
INI

scenario() {
  name=$1
  shift
  echo "HIL-BEGIN $name"
  start=$(date +%s)
  if "$@" > /tmp/$name.log 2>&1; then result=PASS; else result=FAIL; fi
  cat /tmp/$name.log
  echo "took $(( $(date +%s) - start )) s"
  echo "HIL-RESULT $name $result"
}

# kioskctl card read through one reader model. $1 model, $2 VID:PID, $3 card, $4 id, $5 dob,
# $6 doe, $7 the access protocol the output must name, $8 more text it must contain.
card_read() {
  bus plug r $1 $3
  wait_usb $2 || return 1
  sleep 0.5
  kioskctl card read --id $4 --dob $5 --doe $6 --trust $csca > /tmp/read.out 2>&1
  status=$?
  cat /tmp/read.out
  bus unplug r
  wait_gone $2
  # Every card here is an original: its chip passes Active Authentication through the kernel.
  [ $status -eq 0 ] && grep -q "$7" /tmp/read.out && grep -q "$8" /tmp/read.out &&
    grep -q "Authenticity: genuine" /tmp/read.out
}

# kioskctl print-test on one printer model: the page reaches the simulated paper behind it.
print_test() {
  rm -rf $pages/p
  bus plug p $1
  wait_usb $2 || return 1
  sleep 0.5
  kioskctl print-test --config /tmp/auto.ini > /tmp/print.out 2>&1
  status=$?
  cat /tmp/print.out
  sleep 0.5
  bus unplug p
  wait_gone $2
  count=$(ls $pages/p/*.png 2> /dev/null | wc -l)
  echo "pages on the paper behind the USB device: $count"
  [ $status -eq 0 ] && [ "$count" -ge 1 ] && grep -q "$3" /tmp/print.out
}

demo() {
  bus plug r acr1252u nguyen-thi-anh-tuyet
  bus plug p tmt20
  wait_usb 072f:223e && wait_usb 04b8:0e03 || return 1
  sleep 0.5
  kiosk --config /tmp/auto.ini --demo > /tmp/demo.out 2>&1
  status=$?
  cat /tmp/demo.out
  bus unplug r
  bus unplug p
  wait_gone 072f:223e
  wait_gone 04b8:0e03
  echo "--- device lines of the kiosk log:"
  grep -E '"(printer_opened|card_reader_opened|card_reader_chosen|device_simulated|device_not_connected|device_state_changed)"' /tmp/demo.out
  [ $status -eq 0 ] &&
    grep '"printer_opened"' /tmp/demo.out | grep -q '"simulated":false' &&
    grep '"card_reader_opened"' /tmp/demo.out | grep -q '"simulated":false' &&
    ! grep -q '"simulated":true' /tmp/demo.out &&
    ! grep -q '"device_simulated"' /tmp/demo.out
}

# The deployment of docs/storage.md: "/" read-only (an overlay root), only the data partition at
# /var/lib/kiosk writable (a small tmpfs here), the packaged paths and real (virtual) USB devices.
# The demo must store its dossier there and nothing else may need writing.
read_only_root() {
  mkdir -p /var/lib/kiosk /etc/kiosk
  sed -e "s|^csca_dir = .*|csca_dir = $csca|" \
      -e "s|^content_trust_dir = .*|content_trust_dir = $hil/trust|" \
      -e "s|^url = .*|url = http://127.0.0.1:9|" -e "s|^kiosk_id = .*|kiosk_id = hil-ro|" \
      -e "s|^credential_file =.*|credential_file = $hil/gateway/kiosk.secret|" \
      -e "s|^public_key_file =.*|public_key_file = $hil/gateway/gateway.pub|" \
      -e "s|^fullscreen = .*|fullscreen = false|" $hil/kiosk.ini > /etc/kiosk/kiosk.ini
  mount -t tmpfs -o size=160m,mode=0700 kiosk-data /var/lib/kiosk || return 1
  bus plug r acr1252u nguyen-thi-anh-tuyet
  bus plug p generic80
  wait_usb 072f:223e && wait_usb 6868:0500 || return 1
  sleep 0.5
  mount -o remount,ro / || return 1
  if touch /written-on-root 2> /dev/null; then echo "the root is still writable"; return 1; fi
  # The signed sample pack, installed as a maintainer's USB stick would: onto the data partition.
  kioskctl pack install $hil/vinh-tuong.kpack --content-dir /var/lib/kiosk/content \
    --trust $hil/trust > /tmp/ro-pack.out 2>&1
  pack=$?
  cat /tmp/ro-pack.out
  kioskctl config check /etc/kiosk/kiosk.ini
  config=$?
  kiosk --config /etc/kiosk/kiosk.ini --demo > /tmp/ro-demo.out 2>&1
  status=$?
  kioskctl doctor --config /etc/kiosk/kiosk.ini > /tmp/ro-doctor.out 2>&1
  mount -o remount,rw /
  bus unplug r
  bus unplug p
  wait_gone 072f:223e
  wait_gone 6868:0500
  grep -E '"(outbox_committed|storage_fault|storage_moved_aside|data_partition_changed)"' \
    /tmp/ro-demo.out
  grep -E 'Data partition|Outbox' /tmp/ro-doctor.out
  echo "--- on the data partition:"
  ls /var/lib/kiosk
  ok=0
  [ $pack -eq 0 ] && [ $config -eq 0 ] && [ $status -eq 0 ] &&
    grep -q '"outbox_committed"' /tmp/ro-demo.out &&
    ! grep -qE '"(storage_fault|storage_moved_aside)"' /tmp/ro-demo.out &&
    [ -f /var/lib/kiosk/outbox.db ] && [ -f /var/lib/kiosk/usage.db ] &&
    grep -q 'system read-only' /tmp/ro-doctor.out &&
    grep -qE 'Outbox +1 waiting' /tmp/ro-doctor.out || ok=1
  if grep -q '"content_invalid"' /tmp/ro-demo.out; then echo "the pack was not served"; ok=1; fi
  umount /var/lib/kiosk
  return $ok
}

probe() {
  kiosk-hil-probe /tmp/bus $csca /tmp/data "$@"
  status=$?
  bus unplug r
  bus unplug p
  bus unplug t
  sleep 1
  return $status
}

scenario card-read-acr1252u-pace card_read acr1252u 072f:223e nguyen-thi-anh-tuyet \
  026168004817 680314 280314 "PACE" "ACR1252"
scenario card-read-omnikey5422-bac card_read omnikey5422 076b:5422 tran-van-duc \
  026090031592 901102 301102 "BAC" "interface 0"
scenario card-read-utrust3700f-pace card_read utrust3700f 04e6:5790 pham-quang-vinh \
  026075012044 750130 350130 "PACE" "Read timeout: 12000 ms"
scenario print-test-generic80 print_test generic80 6868:0500 "GP-80"
scenario print-test-tmt20 print_test tmt20 04b8:0e03 "TM-T20"
scenario print-test-pos58 print_test pos58 0416:5011 "POS-58"
scenario demo-auto-devices demo
scenario hotplug-reader probe hotplug-reader utrust3700f nguyen-thi-anh-tuyet 026168004817
scenario hotplug-printer probe hotplug-printer generic80
scenario reader-beside-token probe reader-choice omnikey5422 nguyen-thi-anh-tuyet 076b 0
scenario paper-out-cover-open probe paper-cover tmt20
scenario read-only-root read_only_root

bus quit
echo "--- kiosk-vusb stderr:"
cat /tmp/vusb.err
