#!/usr/bin/env bash
# ops/cluster/start.sh - a local two-site cluster on one PostgreSQL: silo1 and silo2 in dc1, silo3 and silo4 in dc2,
# each a real ContactCenter.Host process (--roles silo) on 127.0.0.1, in the foreground until Ctrl+C, which stops
# every silo gracefully (SIGTERM: activations handed off) and then the throwaway database, if this script started it.
#
# Usage: ops/cluster/start.sh [--http-base PORT] [--silo-base PORT] [-- extra host flags...]
#   --http-base   first HTTP port (/health/live, /health/ready); silo N uses base+N-1 (default 5081)
#   --silo-base   first silo-to-silo port; silo N uses base+N-1 (default 11111)
#   extra flags go to every silo, e.g. -- --Actors:Membership:HeartbeatPeriod=00:00:00.5
#      --Actors:Membership:LeaseDuration=00:00:02 --Actors:Membership:SuspectAfter=00:00:02.5
#
# Database: ConnectionStrings__ContactCenter when set, else a throwaway PostgreSQL (needs the postgresql package).
# Output of silo N: $CC_CLUSTER_DIR/siloN.log (default directory /tmp/cc-cluster).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

say() { printf 'cluster: %s\n' "$*"; }
warn() { printf 'cluster: %s\n' "$*" >&2; }

http_base=5081
silo_base=11111
extra=()
while (($#)); do
  case $1 in
    --http-base) http_base=${2:?--http-base needs a port}; shift 2 ;;
    --silo-base) silo_base=${2:?--silo-base needs a port}; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) warn "unknown flag '$1' (see the header of $0)"; exit 2 ;;
  esac
done

log_dir=${CC_CLUSTER_DIR:-/tmp/cc-cluster}
mkdir -p "$log_dir"
pids=()

stop_all() {
  trap - INT TERM EXIT
  if ((${#pids[@]})); then
    say "stopping ${#pids[@]} silos (SIGTERM)"
    kill -TERM "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
  [[ $(type -t stop_postgres) == function ]] && stop_postgres
  return 0
}
trap stop_all INT TERM EXIT

if [[ -z ${ConnectionStrings__ContactCenter:-} ]]; then
  # shellcheck source=ops/lib/throwaway-postgres.sh
  source ops/lib/throwaway-postgres.sh
  start_postgres
fi

say "building the host (Release)"
dotnet build src/ContactCenter.Host -c Release -nologo -v quiet
host=src/ContactCenter.Host/bin/Release/net10.0

start_silo() { # <number> <site>
  local n=$1 site=$2 http=$((http_base + $1 - 1)) silo=$((silo_base + $1 - 1))
  (cd "$host" && exec dotnet ContactCenter.Host.dll --roles silo --site "$site" --http-port "$http" --silo-port "$silo" \
    "${extra[@]}") >"$log_dir/silo$n.log" 2>&1 &
  pids+=($!)
  say "silo$n ($site): http://127.0.0.1:$http/health/ready, silo port $silo, pid $!, output $log_dir/silo$n.log"
}

ready() { # <http port>: true once /health/ready answers 200
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  local status
  read -r _ status _ <&3 || status=""
  exec 3<&-
  [[ $status == 200 ]]
}

wait_ready() { # <number>
  local port=$((http_base + $1 - 1))
  for _ in $(seq 1 120); do
    ready "$port" && return 0
    kill -0 "${pids[$1 - 1]}" 2>/dev/null || { warn "silo$1 exited; see $log_dir/silo$1.log"; return 1; }
    sleep 0.5
  done
  warn "silo$1 was not ready after 60 s; see $log_dir/silo$1.log"
  return 1
}

# The first silo migrates the database alone; the others then start side by side.
start_silo 1 dc1
wait_ready 1
start_silo 2 dc1
start_silo 3 dc2
start_silo 4 dc2
for n in 2 3 4; do wait_ready "$n"; done
say "4 silos ready in dc1 and dc2; Ctrl+C stops them"
wait -n "${pids[@]}" || true
warn "a silo exited; stopping the others"
