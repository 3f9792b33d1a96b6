# The display scenarios, run by the display test machine's /init (busybox sh) after the DRM,
# USB and input modules are loaded. Taps come from the host (tests/hil/display_driver.cpp): a
# line "HIL-DISPLAY tap X Y" asks for one at pixel (X, Y), "HIL-DISPLAY taps N X Y" for a run of
# N timed taps. Usage: display.sh check|bench [TAPS]
export HOME=/tmp SDL_VIDEODRIVER=kmsdrm SDL_AUDIODRIVER=dummy
mode=$1
taps=${2:-200}
hil=/hil
mkdir -p /tmp/data

# Dims and blanks as soon as the configuration allows (10 s) when checking, never when timing.
idle_s=10
[ "$mode" = bench ] && idle_s=86400
cat > /tmp/kiosk.ini <<INI
[display]
dim_after_s = $idle_s
blank_after_s = $idle_s
[gateway]
url = http://127.0.0.1:9
kiosk_id = hil-display
credential_file = $hil/gateway/kiosk.secret
public_key_file = $hil/gateway/gateway.pub
[paths]
data_dir = /tmp/data
content_dir = $hil/content
INI

# Waits up to $2 seconds for a log line with event $1 in the kiosk's log.
wait_event() {
  i=0
  while [ $i -lt $(($2 * 10)) ]; do
    grep -q "\"event\":\"$1\"" /tmp/kiosk.log && return 0
    sleep 0.1
    i=$((i + 1))
  done
  echo "no $1 within $2 s"; return 1
}

# The connector's DPMS state as the kernel reports it ("On" / "Off").
dpms() {
  cat /sys/class/drm/card0-*/dpms 2> /dev/null | head -1
}

start_kiosk() {
  rm -f /tmp/kiosk.log
  env "$@" kiosk --sim --config /tmp/kiosk.ini > /tmp/kiosk.log 2>&1 &
  kiosk_pid=$!
  wait_event first_frame 120
}

stop_kiosk() {
  kill $kiosk_pid 2> /dev/null
  wait $kiosk_pid 2> /dev/null
}

# CPU ticks (utime + stime of all threads) and context switches (all threads) of process $1.
cpu_ticks() {
  awk '{print $14 + $15}' /proc/$1/stat
}
switches() {
  cat /proc/$1/task/*/status | awk '/voluntary_ctxt_switches/ {s += $2} END {print s}'
}

# Waits (up to 3 min) until the kiosk's start-up work is over: under emulation its workers'
# first jobs (content, the simulated card's keys) run for tens of seconds after the first frame.
# Settled = two 5 s windows in a row cost the same CPU (within 10%, or 2 ticks).
settle() {
  i=0
  last=-100
  while [ $i -lt 36 ]; do
    t0=$(cpu_ticks $kiosk_pid)
    sleep 5
    now=$(($(cpu_ticks $kiosk_pid) - t0))
    diff=$((now - last)); [ $diff -lt 0 ] && diff=$((-diff))
    limit=$((last / 10)); [ $limit -lt 2 ] && limit=2
    [ $diff -le $limit ] && { echo "settled after $(( (i + 1) * 5 )) s"; return 0; }
    last=$now
    i=$((i + 1))
  done
}

# Idle figures of the running kiosk over $1 seconds, printed as one HIL-BENCH line named $2.
measure_idle() {
  settle
  t0=$(cpu_ticks $kiosk_pid); c0=$(switches $kiosk_pid)
  sleep $1
  t1=$(cpu_ticks $kiosk_pid); c1=$(switches $kiosk_pid)
  hz=100 # USER_HZ of Debian's kernel
  echo "HIL-BENCH idle $2 seconds=$1 cpu_ticks=$((t1 - t0)) hz=$hz switches=$((c1 - c0))"
}

result() {
  echo "HIL-RESULT $1 $2"
}

ls /dev/dri /dev/input
echo "DPMS at boot: $(dpms)"

if [ "$mode" = check ]; then
  if start_kiosk; then result display-kmsdrm-start PASS; else result display-kmsdrm-start FAIL; fi
  grep -E 'display_opened|display_idle_wait|display_power' /tmp/kiosk.log
  # Untouched for blank_after_s: the kiosk blanks and switches the panel off.
  if wait_event screen_blanked 40 && wait_event display_power_set 5 && [ "$(dpms)" = Off ]; then
    result display-dpms-off PASS
  else
    echo "DPMS now: $(dpms)"; result display-dpms-off FAIL
  fi
  # The waking tap turns the panel back on and presses nothing.
  echo "HIL-DISPLAY tap 640 400"
  if wait_event screen_woke 20 && sleep 1 && [ "$(dpms)" = On ] &&
    ! grep -q '"event":"session_started"' /tmp/kiosk.log; then
    result display-dpms-on PASS
  else
    echo "DPMS now: $(dpms)"; result display-dpms-on FAIL
  fi
  # A tap on "Cần giúp đỡ" (home screen, 1280x800) reaches the kiosk through evdev: it opens
  # the help screen and so starts a session.
  sleep 3 # the frames after waking, slow under emulation
  echo "HIL-DISPLAY tap 950 460"
  if wait_event session_started 20; then result display-tap PASS; else result display-tap FAIL; fi
  grep -E "screen_|display_power|session_|content_|maintenance|config_" /tmp/kiosk.log
  stop_kiosk
fi

if [ "$mode" = bench ]; then
  # SDL's own wait on kmsdrm first: does it block, or poll every millisecond?
  start_kiosk KIOSK_IDLE_WAIT=sdl && measure_idle 30 sdl_wait
  stop_kiosk
  start_kiosk KIOSK_FRAME_LOG=/dev/ttyS1 && measure_idle 30 poll_input
  grep -E 'display_opened|display_idle_wait' /tmp/kiosk.log
  if [ "$taps" -gt 0 ]; then
    # On the status bar's empty right end: every tap redraws, none changes the screen.
    echo "HIL-DISPLAY taps $taps 1230 770"
    # The host types a line on the console once its taps are done.
    read -r line
  fi
  stop_kiosk
fi
echo "HIL-DISPLAY done"
