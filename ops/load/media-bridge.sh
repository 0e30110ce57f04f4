#!/usr/bin/env bash
# ops/load/media-bridge.sh - media engine load benchmark (issue 6): bridged G.711 calls per core with recording off
# and on, and prompt playout pacing, each as two processes on loopback:
#
#   server     tests/ContactCenter.Benchmarks media-load server: N calls in one MediaEngine (2 legs each, bridged,
#              optionally recorded to a temp dir), or N legs playing samples/prompts/en/music-on-hold.wav in a loop;
#   generator  media-load generate: a separate process that sends 20 ms PCMU packets to both legs of every call on a
#              monotonic grid and receives the relayed streams (loss, order, transit), or latches the prompt legs and
#              times their packets. It reads the server's CPU from /proc/<pid>/stat over the steady window, so the
#              generator's own CPU is excluded, plus /proc/net/snmp Udp RcvbufErrors/InErrors and per-socket drops
#              from /proc/net/udp.
#
# Every recording of an "on" run is checked afterwards: a stereo 8 kHz 16-bit WAV whose duration matches the time it
# was recording (within 1 s) and its JSON sidecar's duration.
#
# Usage: ops/load/media-bridge.sh [--calls "200 500 1000"] [--prompts "500 1000 2000"] [--runs 3] [--warmup 3]
#                                 [--seconds 10] [--impair] [--server-env "NAME=value ..."] [--no-build]
#                                 [--bin PATH]
#   --server-env  environment for the server process only, e.g. "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1" (run
#             socket continuations on the epoll thread instead of the thread pool) to compare runtime settings.
#   --bin     the ContactCenter.Benchmarks executable to run (implies --no-build), e.g. a copy of an earlier build's
#             bin/Release/net10.0 to compare two versions with runs made together.
#   --impair  adds one recorded run with 2 % loss and 2 % reordering injected by the generator (the relay and the
#             recorder must cope: no crash, valid recordings).
# Figures are noisy on a shared machine: the load average is printed next to each; compare runs made together.
# Needs: the .NET SDK, python3 (summary and WAV checks).
set -euo pipefail

say() { printf 'media-bridge: %s\n' "$*"; }
die() { printf 'media-bridge: error: %s\n' "$*" >&2; exit 1; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CALLS="200 500 1000"
PROMPTS="500 1000 2000"
RUNS=3
WARMUP=3
SECONDS_MEASURED=10
IMPAIR=0
BUILD=1
SERVER_ENV=""
BIN=""
while (($#)); do
  case $1 in
    --calls) CALLS=$2; shift 2 ;;
    --prompts) PROMPTS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --seconds) SECONDS_MEASURED=$2; shift 2 ;;
    --impair) IMPAIR=1; shift ;;
    --no-build) BUILD=0; shift ;;
    --server-env) SERVER_ENV=$2; shift 2 ;;
    --bin) BIN=$2; BUILD=0; shift 2 ;;
    *) die "unknown argument $1 (see the header of $0)" ;;
  esac
done
[[ -z $SERVER_ENV ]] || say "server environment: $SERVER_ENV"
command -v python3 >/dev/null || die "python3 is needed for the summary (apt-get install -y python3)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ((BUILD)); then
  say "building tests/ContactCenter.Benchmarks (Release)"
  dotnet build "$ROOT/tests/ContactCenter.Benchmarks" -c Release -v quiet -nologo >/dev/null
fi
BIN=${BIN:-$ROOT/tests/ContactCenter.Benchmarks/bin/Release/net10.0/ContactCenter.Benchmarks}
[[ -x $BIN ]] || die "$BIN not found; build tests/ContactCenter.Benchmarks -c Release"

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf -- "$WORK"
}
trap cleanup EXIT
RESULTS=$WORK/results.txt
: >"$RESULTS"
FAILED=0

# run <label> <server args...> -- <generator args...>: one server/generator pair; appends "RESULT ... label=<label>".
run() {
  local label=$1; shift
  local server_args=() generator_args=()
  while [[ $1 != -- ]]; do server_args+=("$1"); shift; done
  shift
  generator_args=("$@")
  local dir=$WORK/$label
  mkdir -p "$dir"
  # shellcheck disable=SC2086 # SERVER_ENV is a list of NAME=value words
  env $SERVER_ENV "$BIN" media-load server --ports-file "$dir/ports" "${server_args[@]}" >"$dir/server.log" 2>&1 &
  SERVER_PID=$!
  local waited=0
  until [[ -f $dir/ports ]]; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$dir/server.log" >&2; die "server of $label exited early"; }
    sleep 0.2
    waited=$((waited + 1))
    ((waited < 300)) || die "server of $label not ready after 60 s"
  done
  local started
  started=$(date +%s.%N)
  say "$label: $(uptime | sed 's/.*load average/load average/')"
  if ! "$BIN" media-load generate --ports-file "$dir/ports" --server-pid "$SERVER_PID" \
      --warmup "$WARMUP" --seconds "$SECONDS_MEASURED" "${generator_args[@]}" >"$dir/generator.log" 2>&1; then
    cat "$dir/generator.log" >&2
    FAILED=1
  fi
  local stopped
  stopped=$(date +%s.%N)
  kill -TERM "$SERVER_PID"
  local rc=0
  wait "$SERVER_PID" || rc=$?
  SERVER_PID=""
  grep -v '^RESULT' "$dir/generator.log" | sed 's/^/    /'
  sed 's/^/    /' "$dir/server.log"
  if ((rc != 0)); then
    say "$label: server exited with $rc"
    FAILED=1
  fi
  local result
  result=$(grep '^RESULT' "$dir/generator.log" || true)
  [[ -n $result ]] && printf '%s label=%s\n' "$result" "$label" >>"$RESULTS"
  if [[ -d $dir/recordings ]]; then
    check_recordings "$dir/recordings" "$started" "$stopped" "$label" || FAILED=1
  fi
}

# Each recording: stereo 8 kHz 16-bit PCM, header sizes consistent with the file, duration = the time it recorded
# (from before the generator started to the server's stop, within 1 s) and = its sidecar's DurationSeconds.
check_recordings() {
  python3 - "$@" <<'PY'
import json, os, sys, wave
directory, started, stopped, label = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
files = sorted(f for f in os.listdir(directory) if f.endswith(".wav"))
bad, durations = [], []
for name in files:
    path = os.path.join(directory, name)
    try:
        with wave.open(path) as w:
            ok = (w.getnchannels(), w.getframerate(), w.getsampwidth()) == (2, 8000, 2)
            duration = w.getnframes() / 8000
        ok = ok and os.path.getsize(path) == 44 + round(duration * 8000) * 4
        with open(path[:-4] + ".json") as f:
            sidecar = json.load(f)
        ok = ok and abs(sidecar["durationSeconds"] - duration) < 0.001
        durations.append(duration)
        if not ok:
            bad.append(name)
    except Exception as e:  # noqa: BLE001 - report any unreadable file
        bad.append(f"{name} ({e})")
# Recording starts when the server creates the call (before the ports file appears) and ends at SIGTERM.
lower, upper = stopped - started - 1.0, stopped - started + 61.0
short = [d for d in durations if d < lower]
status = "ok" if files and not bad and not short else "FAILED"
print(f"    recordings {label}: {len(files)} files, {min(durations, default=0):.2f}-{max(durations, default=0):.2f} s "
      f"(generator ran {stopped - started:.2f} s), invalid {len(bad)} {bad[:3]}, too short {len(short)}: {status}")
sys.exit(0 if status == "ok" else 1)
PY
}

for n in $CALLS; do
  for r in $(seq "$RUNS"); do
    run "bridge-$n-off-$r" --calls "$n" -- --mode bridge
    run "bridge-$n-on-$r" --calls "$n" --record "$WORK/bridge-$n-on-$r/recordings" -- --mode bridge
  done
done
if ((IMPAIR)); then
  n=$(echo "$CALLS" | awk '{print $1}')
  run "impair-$n-on-1" --calls "$n" --record "$WORK/impair-$n-on-1/recordings" -- --mode bridge --loss 0.02 --reorder 0.02
fi
for n in $PROMPTS; do
  for r in $(seq "$RUNS"); do
    run "prompts-$n-$r" --calls "$n" --play "$ROOT/samples/prompts/en/music-on-hold.wav" -- --mode listen
  done
done

say "summary (median / worst of $RUNS runs; CPU of the server process only; carried = calls' worth of packets the
generator managed to offer, the base of the per-call figures; load average = 1-min at the end of each run)"
python3 - "$RESULTS" <<'PY'
import re, statistics, sys
rows = []
for line in open(sys.argv[1]):
    fields = dict(kv.split("=", 1) for kv in line.split()[1:])
    rows.append(fields)
groups = {}
for row in rows:
    key = re.sub(r"-\d+$", "", row["label"])
    groups.setdefault(key, []).append(row)
def num(rows, k):
    return [float(r[k]) for r in rows if k in r]
def mw(values, worst=max, fmt="{:.1f}"):
    if not values: return "-"
    return (fmt + " / " + fmt).format(statistics.median(values), worst(values))
print(f"{'group':<22}{'carried':>9}{'server CPU %':>16}{'% CPU per unit':>20}{'units/core':>16}{'µs CPU/pkt':>14}{'loss %':>16}{'drops srv/gen/rcvbuf':>22}{'loadavg':>16}  extra")
for key, rs in groups.items():
    drops = f"{sum(int(r['server_drops']) for r in rs)}/{sum(int(r['generator_drops']) for r in rs)}/{sum(int(r['rcvbuf_errors']) for r in rs)}"
    loads = ",".join(r["loadavg"] for r in rs)
    if rs[0]["mode"] == "bridge":
        extra = f"transit p50 {mw(num(rs,'transit_p50_ms'), fmt='{:.2f}')} ms, p99 {mw(num(rs,'transit_p99_ms'), fmt='{:.2f}')} ms, out-of-order {sum(int(r['out_of_order']) for r in rs)}, late ticks {sum(int(r['late_ticks']) for r in rs)}"
        loss = mw([100 * x for x in num(rs, "loss")], fmt="{:.3f}")
        upp = mw(num(rs, "us_per_packet"), fmt="{:.1f}")
    else:
        extra = f"pacing p50 {mw(num(rs,'pacing_p50_ms'), fmt='{:.2f}')} ms, p99 {mw(num(rs,'pacing_p99_ms'), fmt='{:.2f}')} ms; interval p99 {mw(num(rs,'interval_p99_ms'), fmt='{:.2f}')} ms; received {mw([100*x for x in num(rs,'received_share')], worst=min, fmt='{:.1f}')} %"
        loss, upp = "-", "-"
    print(f"{key:<22}{mw(num(rs,'carried'), worst=min, fmt='{:.0f}'):>9}{mw(num(rs,'server_cpu_pct')):>16}{mw(num(rs,'pct_per_unit'), fmt='{:.4f}'):>20}{mw(num(rs,'per_core'), worst=min, fmt='{:.0f}'):>16}{upp:>14}{loss:>16}{drops:>22}{loads:>16}  {extra}")
# Recording overhead: extra server CPU per call with recording on, from the medians of runs made together.
for key in groups:
    if key.endswith("-off") and key[:-4] + "-on" in groups:
        off = statistics.median(num(groups[key], "pct_per_unit"))
        on = statistics.median(num(groups[key[:-4] + "-on"], "pct_per_unit"))
        print(f"recording overhead {key[:-4]}: {100 * (on / off - 1):+.1f} % CPU (median per-call CPU {off:.4f} % off, {on:.4f} % on)")
PY
if ((FAILED)); then
  die "some runs failed (see above)"
fi
