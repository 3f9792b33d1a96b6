# The display scenarios, run by the display test machine's /init (busybox sh) after the DRM,
# USB and input modules are loaded. Taps come from the host (tests/hil/display_driver.cpp): a
# line "HIL-DISPLAY tap X Y" asks for one at pixel (X, Y), "HIL-DISPLAY taps N X Y" for a run of
# N timed taps. Usage: display.sh check|bench|trace [TAPS] [IDLE_SECONDS]
# trace: the idle kiosk's CPU ticks / context switches per thread every 5 s for 2 minutes, and
# the frames drawn so far (where an idle kiosk's time goes).
export HOME=/tmp SDL_VIDEODRIVER=kmsdrm SDL_AUDIODRIVER=dummy
mode=$1
taps=${2:-200}
window=${3:-60}
exec 3>&1 # the console, for requests to the host from inside $(...)
hil=/hil
mkdir -p /tmp/data

# Dims and blanks as soon as the configuration allows (10 s) when checking, never when timing.
idle_s=10
[ "$mode" != check ] && idle_s=86400
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

# One line per thread of process $1: tid, utime+stime ticks, run time (ns) and time slices from
# schedstat, context switches, name.
threads() {
  for task in /proc/$1/task/*; do
    tid=${task##*/}
    ticks=$(awk '{print $14 + $15}' $task/stat 2> /dev/null) || continue
    read -r run_ns wait_ns slices < $task/schedstat
    sw=$(awk '/voluntary_ctxt_switches/ {s += $2} END {print s}' $task/status)
    echo "$tid $ticks $run_ns $slices $sw $(cat $task/comm | tr ' ' '_')"
  done
}

# The whole guest's busy and total jiffies (all CPUs) from /proc/stat.
guest_cpu() {
  awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat
}

# The kiosk's frame counter, from the host's reading of the frame log (0 without one).
# QEMU's screendump of the panel as OUT/$1.ppm on the host; prints how much of it is lit (%).
screendump() {
  echo "HIL-DISPLAY screendump $1" >&3
  read -r word name status lit
  echo "screendump $name: $status, $lit% lit" >&2
  echo "${lit:-0}"
}

frames_shown() {
  echo "HIL-DISPLAY frames" >&3
  read -r word count
  echo "${count:-0}"
}

# Idle figures of the running kiosk over $1 seconds, printed as one HIL-BENCH line named $2,
# then one HIL-BENCH thread line per thread (where the CPU and the wake-ups go) and the frames
# drawn in the window (the minute clock's).
measure_idle() {
  settle
  threads $kiosk_pid > /tmp/threads0
  f0=$(frames_shown); g0=$(guest_cpu)
  t0=$(cpu_ticks $kiosk_pid); c0=$(switches $kiosk_pid)
  sleep $1
  t1=$(cpu_ticks $kiosk_pid); c1=$(switches $kiosk_pid)
  g1=$(guest_cpu); f1=$(frames_shown)
  threads $kiosk_pid > /tmp/threads1
  hz=100 # USER_HZ of Debian's kernel
  echo "HIL-BENCH idle $2 seconds=$1 cpu_ticks=$((t1 - t0)) hz=$hz switches=$((c1 - c0))" \
    "frames=$((f1 - f0)) guest_busy=$((${g1% *} - ${g0% *})) guest_total=$((${g1#* } - ${g0#* }))"
  awk -v name=$2 'NR == FNR {ticks[$1] = $2; run[$1] = $3; slices[$1] = $4; sw[$1] = $5; next}
    {printf "HIL-BENCH thread %s tid=%s name=%s ticks=%d run_ms=%d slices=%d switches=%d\n",
       name, $1, $6, $2 - ticks[$1], ($3 - run[$1]) / 1000000, $4 - slices[$1], $5 - sw[$1]}' \
    /tmp/threads0 /tmp/threads1
}

result() {
  echo "HIL-RESULT $1 $2"
}

ls /dev/dri /dev/input
echo "DPMS at boot: $(dpms)"

if [ "$mode" = check ]; then
  if start_kiosk; then result display-kmsdrm-start PASS; else result display-kmsdrm-start FAIL; fi
  grep -E 'display_opened|display_idle_wait|display_power' /tmp/kiosk.log
  # This machine's OpenGL is llvmpipe: frames go to the panel through a KMS buffer.
  if grep -q '"present":"kms_buffer"' /tmp/kiosk.log; then
    result display-kms-buffer PASS
  else
    result display-kms-buffer FAIL
  fi
  # What the panel shows, read back by QEMU: the whole home screen at first, and still the
  # whole of it after frames that repainted only a button (pressed, then let go as the finger
  # slides off it, so nothing is chosen and no session starts).
  lit=0; i=0
  while [ $i -lt 10 ] && [ "$lit" -lt 90 ]; do sleep 2; lit=$(screendump first); i=$((i + 1)); done
  if [ "$lit" -ge 90 ]; then result display-picture PASS; else result display-picture FAIL; fi
  echo "HIL-DISPLAY press 82 656"
  sleep 8
  if [ "$(screendump part)" -ge 90 ]; then result display-repaint-part PASS; else result display-repaint-part FAIL; fi
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
  # $1 timed taps named $2 on the chosen text-size "A" of the home screen: each press shows on
  # the button, and the release chooses the size already chosen, so the screen stays. The host
  # types a line on the console once its taps are done.
  run_taps() {
    [ "$taps" -gt 0 ] || return 0
    echo "HIL-DISPLAY taps $taps 82 656 $1"
    read -r line
  }
  # The same idle window and taps for each: SDL's own wait drawing whole frames (the first
  # loop), the kiosk's poll drawing whole frames, the poll repainting only what changed into a
  # canvas copied by OpenGL (llvmpipe here), and the same repainting into a KMS buffer (the
  # kiosk now, on a software OpenGL). The last one's first minute holds one-off costs, so it is measured apart and a
  # steady minute after it.
  start_kiosk KIOSK_IDLE_WAIT=sdl KIOSK_REDRAW=whole KIOSK_PRESENT=renderer \
    KIOSK_FRAME_LOG=/dev/ttyS1 && measure_idle $window sdl_wait && run_taps sdl_wait
  stop_kiosk
  start_kiosk KIOSK_REDRAW=whole KIOSK_PRESENT=renderer KIOSK_FRAME_LOG=/dev/ttyS1 &&
    measure_idle $window poll_whole && run_taps poll_whole
  stop_kiosk
  start_kiosk KIOSK_PRESENT=renderer KIOSK_FRAME_LOG=/dev/ttyS1 &&
    measure_idle $window poll_part_gl && run_taps poll_part_gl
  stop_kiosk
  start_kiosk KIOSK_FRAME_LOG=/dev/ttyS1 && measure_idle $window poll_part_first &&
    measure_idle $window poll_part && run_taps poll_part
  grep -E 'display_opened|display_idle_wait' /tmp/kiosk.log
  stop_kiosk
fi

if [ "$mode" = trace ]; then
  start_kiosk KIOSK_FRAME_LOG=/dev/ttyS1
  threads $kiosk_pid > /tmp/threads0
  i=0
  while [ $i -lt 24 ]; do
    sleep 5
    threads $kiosk_pid > /tmp/threads1
    # name/tid:ticks/switches of each thread that ran in the 5 s.
    echo "TRACE t=$(((i + 1) * 5)) frames=$(frames_shown)" $(awk 'NR == FNR {t[$1] = $2; s[$1] = $5; next}
      {d = $2 - t[$1]; w = $5 - s[$1]; if (d + w > 0) printf "%s/%s:%d/%d ", $6, $1, d, w}' \
      /tmp/threads0 /tmp/threads1)
    cp /tmp/threads1 /tmp/threads0
    i=$((i + 1))
  done
  cat /tmp/kiosk.log
  stop_kiosk
fi
echo "HIL-DISPLAY done"
