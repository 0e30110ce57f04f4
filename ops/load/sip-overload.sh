#!/usr/bin/env bash
# ops/load/sip-overload.sh - SIP overload check: at the highest rate sipp generates here, a UAS on our stack with a
# concurrent-call limit refuses the excess with 503 + Retry-After, answers the rest, and its memory stays bounded.
#
#   ours   tests/ContactCenter.Benchmarks sip-uas --max-calls LIMIT (answers every admitted call);
#   load   sipp with ops/load/scenarios/uac-answered-or-503.xml at --rate for --seconds per round, each admitted call
#          held --hold ms (so that rate x hold exceeds the limit), --rounds rounds back to back;
#   memory VmRSS of our process from /proc/<pid>/status every 0.5 s: the peak of each round is printed, so a leak shows
#          as peaks that keep rising from round to round.
#
# Usage: ops/load/sip-overload.sh [--rate 3000] [--seconds 10] [--hold 1000] [--limit 500] [--rounds 3] [--no-build]
# Needs: the .NET SDK, sipp (apt-get install -y sip-tester), python3 (free ports).
set -uo pipefail

say() { printf 'sip-overload: %s\n' "$*"; }
die() { printf 'sip-overload: error: %s\n' "$*" >&2; exit 1; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RATE=3000
SECONDS_PER_ROUND=10
HOLD=1000
LIMIT=500
ROUNDS=3
BUILD=1
while (($#)); do
  case $1 in
    --rate) RATE=$2; shift 2 ;;
    --seconds) SECONDS_PER_ROUND=$2; shift 2 ;;
    --hold) HOLD=$2; shift 2 ;;
    --limit) LIMIT=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) die "unknown argument $1 (see the header of $0)" ;;
  esac
done
command -v sipp >/dev/null || die "sipp not found: apt-get install -y --no-install-recommends sip-tester"
command -v python3 >/dev/null || die "python3 is needed to pick free ports"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ((BUILD)); then
  say "building tests/ContactCenter.Benchmarks (Release)"
  dotnet build "$ROOT/tests/ContactCenter.Benchmarks" -c Release -v quiet -nologo >/dev/null || die "build failed"
fi
BIN=$ROOT/tests/ContactCenter.Benchmarks/bin/Release/net10.0/ContactCenter.Benchmarks
[[ -x $BIN ]] || die "$BIN not found; build tests/ContactCenter.Benchmarks -c Release"
SCENARIO=$ROOT/ops/load/scenarios/uac-answered-or-503.xml

WORK=$(mktemp -d)
UAS=
cleanup() {
  [[ -n $UAS ]] && kill -TERM "$UAS" 2>/dev/null && wait "$UAS" 2>/dev/null
  rm -rf -- "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
stat_field() {
  awk -F';' -v col="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i } END { print (c ? $c : 0) + 0 }' "$1"
}

PORT=$(free_port)
"$BIN" sip-uas --port "$PORT" --max-calls "$LIMIT" >"$WORK/uas.out" 2>&1 &
UAS=$!
for _ in $(seq 50); do grep -q 'sip-uas ready' "$WORK/uas.out" && break; sleep 0.2; done
grep -q 'sip-uas ready' "$WORK/uas.out" || die "the UAS did not start: $(cat "$WORK/uas.out")"
say "UAS pid $UAS on 127.0.0.1:$PORT, limit $LIMIT concurrent calls, RSS $(( $(rss_kib "$UAS") / 1024 )) MiB at start"
say "sipp at $RATE calls/s, $SECONDS_PER_ROUND s per round, admitted calls held $HOLD ms, $ROUNDS rounds"

status=0
for round in $(seq "$ROUNDS"); do
  dir=$WORK/round-$round
  mkdir -p "$dir"
  peak=0
  (cd "$dir" && sipp 127.0.0.1:"$PORT" -sf "$SCENARIO" -i 127.0.0.1 -p "$(free_port)" -r "$RATE" -m $((RATE * SECONDS_PER_ROUND)) \
    -d "$HOLD" -nostdin -timeout $((SECONDS_PER_ROUND * 4 + 30))s -timeout_error -trace_stat -stf stat.csv -fd 1 \
    -trace_logs -log_file messages.log >sipp.out 2>&1) &
  sipp_pid=$!
  while kill -0 "$sipp_pid" 2>/dev/null; do
    rss=$(rss_kib "$UAS")
    ((rss > peak)) && peak=$rss
    sleep 0.5
  done
  wait "$sipp_pid"
  rc=$?
  created=$(stat_field "$dir/stat.csv" TotalCallCreated)
  ok=$(stat_field "$dir/stat.csv" 'SuccessfulCall(C)')
  failed=$(stat_field "$dir/stat.csv" 'FailedCall(C)')
  achieved=$(stat_field "$dir/stat.csv" 'CallRate(C)')
  refused=$(grep -c '^503 for' "$dir/messages.log" 2>/dev/null || true)
  say "$(printf 'RESULT round=%d asked=%d/s achieved=%.1f/s calls=%d ok=%d failed=%d refused_503=%d admitted=%d peak_rss=%d MiB sipp_rc=%d load=%s' \
    "$round" "$RATE" "$achieved" "$created" "$ok" "$failed" "${refused:-0}" $((ok - ${refused:-0})) $((peak / 1024)) "$rc" "$(cut -d' ' -f1 /proc/loadavg)")"
  ((failed == 0 && ${refused:-0} > 0)) || status=1
done
kill -TERM "$UAS" 2>/dev/null && wait "$UAS" 2>/dev/null
UAS=
say "$(tail -1 "$WORK/uas.out")"
((status == 0)) && say "every call was answered or refused with 503 + Retry-After" || say "FAIL: see the RESULT lines"
exit "$status"
