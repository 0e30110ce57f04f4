#!/usr/bin/env bash
# ops/load/sip-uas.sh - SIP signalling load benchmark: how many calls per second a UAS on our stack answers with
# fewer than 0.1 % failed calls, and what each call costs it in CPU.
#
#   ours      tests/ContactCenter.Benchmarks sip-uas: a UAS on ContactCenter.Sip (UDP, 127.0.0.1) that answers every
#             call (180, 200 with an SDP answer; ACK; BYE → 200);
#   load      `sipp -sn uac` at increasing rates (--rates), --seconds worth of calls each (one call = INVITE, 100/180,
#             200, ACK, BYE, 200; no hold time) after --warmup seconds at the first rate (not reported; JIT, pools),
#             until a rate fails more than 0.1 % of its calls, exits non-zero, reaches less than 90 % of the asked
#             rate by sipp's own count (CallRate(C): sipp or the machine saturated). Printed beside: sipp's
#             retransmissions and "dead call" messages (DeadCallMsgs: a 200 resent for a call sipp already finished,
#             i.e. an ACK was late by more than T1 = 500 ms — a stalled sipp or UAS; sipp's built-in uac takes any 200
#             after its BYE, even a resent INVITE 200, as success, so watch this column and the UAS's "open" total);
#   cpu       user + system ticks of the measured process from /proc/<pid>/stat before and after each rate, so sipp's own
#             CPU is excluded: µs of CPU per call = ticks / CLK_TCK / successful calls;
#   anchor    unless --no-kamailio (and when kamailio is installed: apt-get install -y kamailio): the same rates through
#             kamailio 5.6 as a transaction-stateful proxy (tm, t_relay, no record-routing; one UDP worker, as two reorder 180 and 200) in front of
#             `sipp -sn uas`, its CPU summed over all its processes. A proxy does less than a UAS (no dialogs, no SDP),
#             so read the ratio as "how far from a C proxy on this box", measured in the same run.
#
# Usage: ops/load/sip-uas.sh [--rates "100 200 400 600 800 1000 1200"] [--seconds 10] [--warmup 3] [--runs 1]
#                            [--no-build] [--no-kamailio]
# Both sipp and the measured process share the machine: on 2 cores sipp itself is often what saturates first. Figures
# are noisy on a shared machine: the load average is printed next to each; compare runs made together, report the
# median and worst of --runs.
# Needs: the .NET SDK, sipp (apt-get install -y sip-tester), python3 (free ports).
set -uo pipefail

say() { printf 'sip-uas: %s\n' "$*"; }
die() { printf 'sip-uas: error: %s\n' "$*" >&2; exit 1; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RATES="100 200 400 600 800 1000 1200"
SECONDS_PER_RATE=10
WARMUP=3
RUNS=1
BUILD=1
KAMAILIO=1
while (($#)); do
  case $1 in
    --rates) RATES=$2; shift 2 ;;
    --seconds) SECONDS_PER_RATE=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --no-kamailio) KAMAILIO=0; shift ;;
    *) die "unknown argument $1 (see the header of $0)" ;;
  esac
done
command -v sipp >/dev/null || die "sipp not found: apt-get install -y --no-install-recommends sip-tester"
command -v python3 >/dev/null || die "python3 is needed to pick free ports"
if ((KAMAILIO)) && ! command -v kamailio >/dev/null; then
  say "kamailio not installed: no anchor run (apt-get install -y --no-install-recommends kamailio)"
  KAMAILIO=0
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ((BUILD)); then
  say "building tests/ContactCenter.Benchmarks (Release)"
  dotnet build "$ROOT/tests/ContactCenter.Benchmarks" -c Release -v quiet -nologo >/dev/null || die "build failed"
fi
BIN=$ROOT/tests/ContactCenter.Benchmarks/bin/Release/net10.0/ContactCenter.Benchmarks
[[ -x $BIN ]] || die "$BIN not found; build tests/ContactCenter.Benchmarks -c Release"

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  rm -rf -- "$WORK"
}
trap cleanup EXIT
CLK_TCK=$(getconf CLK_TCK)

free_port() {
  python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# ticks <pid...>: user + system clock ticks of the processes (fields 14 and 15 of /proc/<pid>/stat; the command name in
# parentheses is cut first because it may contain spaces).
ticks() {
  local pid total=0 fields
  for pid in "$@"; do
    fields=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    total=$((total + $(awk '{print $12 + $13}' <<<"$fields")))
  done
  echo "$total"
}

# wait_for <file> <pattern> <seconds>: until the pattern shows up in the file.
wait_for() {
  local deadline=$((SECONDS + $3))
  until grep -q -- "$2" "$1" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# stat_field <csv> <column>: a column of the last row of a sipp -trace_stat file.
stat_field() {
  awk -F';' -v col="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i } END { print (c ? $c : 0) + 0 }' "$1"
}

# measure <label> <target host:port> <pids to measure...>: every rate once; prints one RESULT line per rate and the
# best passing rate; stops at the first failing rate.
measure() {
  local label=$1 target=$2; shift 2
  local pids=("$@") rate best=0 first
  first=${RATES%% *}
  if ((WARMUP > 0)); then
    mkdir -p "$WORK/$label-warmup"
    (cd "$WORK/$label-warmup" && sipp -sn uac "$target" -i 127.0.0.1 -p "$(free_port)" -r "$first" -m "$((first * WARMUP))" -nostdin \
      -timeout "$((WARMUP * 3 + 30))s" -timeout_error >sipp.out 2>&1) || say "warm-up at $first calls/s: sipp exit $?"
  fi
  for rate in $RATES; do
    local calls=$((rate * SECONDS_PER_RATE)) dir=$WORK/$label-$rate
    mkdir -p "$dir"
    local before start end after rc
    before=$(ticks "${pids[@]}")
    start=$(date +%s%N)
    (cd "$dir" && sipp -sn uac "$target" -i 127.0.0.1 -p "$(free_port)" -r "$rate" -m "$calls" -nostdin \
      -timeout "$((SECONDS_PER_RATE * 3 + 30))s" -timeout_error -trace_stat -stf stat.csv -fd 1 -trace_err -error_file errors.log >sipp.out 2>&1)
    rc=$?
    end=$(date +%s%N)
    after=$(ticks "${pids[@]}")
    local created ok failed achieved dead retrans
    achieved=$(stat_field "$dir/stat.csv" 'CallRate(C)')
    dead=$(stat_field "$dir/stat.csv" 'DeadCallMsgs(C)')
    retrans=$(stat_field "$dir/stat.csv" 'Retransmissions(C)')
    created=$(stat_field "$dir/stat.csv" TotalCallCreated)
    ok=$(stat_field "$dir/stat.csv" 'SuccessfulCall(C)')
    failed=$(stat_field "$dir/stat.csv" 'FailedCall(C)')
    local line verdict
    line=$(awk -v l="$label" -v r="$rate" -v c="$created" -v s="$ok" -v f="$failed" -v t=$((after - before)) -v hz="$CLK_TCK" \
      -v ns=$((end - start)) -v achieved="$achieved" -v dead="$dead" -v retrans="$retrans" -v rc="$rc" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
        fr = c ? 100 * f / c : 100; us = s ? t / hz * 1e6 / s : 0
        pass = (rc == 0 && fr < 0.1 && achieved >= 0.9 * r) ? "pass" : "FAIL"
        printf "RESULT %-9s rate=%5d achieved=%7.1f/s calls=%6d failed=%5d (%.3f%%) dead=%d retrans=%d cpu=%7.1f us/call wall=%.1fs sipp_rc=%d load=%s %s\n", l, r, achieved, c, f, fr, dead, retrans, us, ns / 1e9, rc, load, pass
      }')
    say "$line"
    verdict=${line##* }
    if [[ $verdict != pass ]]; then
      [[ $rc == 0 ]] || tail -n 5 "$dir/sipp.out" | sed 's/^/    sipp: /'
      [[ ! -s $dir/errors.log ]] || grep -m 3 -E 'Aborting|unexpected|Dead call' "$dir/errors.log" | cut -c1-200 | sed 's/^/    sipp error: /'
      break
    fi
    best=$rate
  done
  say "MAX $label: $best calls/s with < 0.1 % failed"
}

run_ours() {
  local port log=$WORK/ours.log
  port=$(free_port)
  "$BIN" sip-uas --port "$port" >"$log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  wait_for "$log" "sip-uas ready" 30 || { cat "$log"; die "our UAS did not start"; }
  say "$(grep 'sip-uas ready' "$log")"
  measure ours "127.0.0.1:$port" "$pid"
  kill -TERM "$pid" && wait "$pid" 2>/dev/null
  say "$(grep 'sip-uas stopped' "$log" || echo 'our UAS printed no totals')"
}

run_kamailio() {
  local uas_port kam_port cfg=$WORK/kamailio.cfg
  uas_port=$(free_port)
  kam_port=$(free_port)
  (cd "$WORK" && exec sipp -sn uas -i 127.0.0.1 -p "$uas_port" -nostdin >"$WORK/sipp-uas.out" 2>&1) &
  local uas_pid=$!
  PIDS+=("$uas_pid")
  cat >"$cfg" <<EOF
#!KAMAILIO
debug=0
log_stderror=yes
children=1
disable_tcp=yes
auto_aliases=no
listen=udp:127.0.0.1:$kam_port
mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
loadmodule "tm.so"
loadmodule "sl.so"
loadmodule "maxfwd.so"
loadmodule "pv.so"
request_route {
  if (!mf_process_maxfwd_header("10")) { sl_send_reply("483", "Too Many Hops"); exit; }
  \$du = "sip:127.0.0.1:$uas_port";
  if (!t_relay()) { sl_reply_error(); }
  exit;
}
EOF
  kamailio -f "$cfg" -m 256 -DD -E -P "$WORK/kamailio.pid" >"$WORK/kamailio.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  wait_for /proc/net/udp "$(printf ':%04X ' "$kam_port")" 10 || { cat "$WORK/kamailio.log"; die "kamailio did not start"; }
  local all
  mapfile -t all < <(echo "$pid"; pgrep -P "$pid")
  say "kamailio pid $pid (${#all[@]} processes) proxying 127.0.0.1:$kam_port -> sipp uas 127.0.0.1:$uas_port"
  measure kamailio "127.0.0.1:$kam_port" "${all[@]}"
  kill -TERM "$pid" "$uas_pid" 2>/dev/null
  wait "$pid" "$uas_pid" 2>/dev/null
}

say "$(nproc) cores; rates: $RATES; $SECONDS_PER_RATE s per rate; $RUNS run(s)"
for ((run = 1; run <= RUNS; run++)); do
  say "run $run/$RUNS"
  run_ours
  if ((KAMAILIO)); then
    run_kamailio
  fi
done
