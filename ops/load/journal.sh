#!/usr/bin/env bash
# ops/load/journal.sh - the PostgreSQL event journal under concurrent streams (benchmark mode `journal` of
# tests/ContactCenter.Benchmarks): appends/s, events/s and append latency p50/p90/p99 for N concurrent streams, each
# appending 1-3 events serially.
#
#   server    a throwaway PostgreSQL (ops/lib/throwaway-postgres.sh), restarted with the durable defaults: fsync,
#             synchronous_commit and full_page_writes on (the throwaway server's -c options for tests turn them off,
#             and command-line options win over ALTER SYSTEM, so only a restart without them turns them back on);
#   run       dotnet run -c Release --project tests/ContactCenter.Benchmarks -- journal --seconds S --streams LIST
#
# Usage: ops/load/journal.sh [--seconds 5] [--streams 1,16,64,256] [--no-build]
# Figures are noisy on a shared machine (the server runs beside the benchmark on the same cores): the load average is
# printed at the start and the end; compare runs made together.
set -uo pipefail

say() { printf 'journal: %s\n' "$*"; }
warn() { printf 'journal: %s\n' "$*" >&2; }
die() { printf 'journal: error: %s\n' "$*" >&2; exit 1; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SECONDS_EACH=5
STREAMS=1,16,64,256
BUILD=1
while (($#)); do
  case $1 in
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    --streams) STREAMS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) die "unknown argument $1 (see the header of $0)" ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ((BUILD)); then
  say "building tests/ContactCenter.Benchmarks (Release)"
  dotnet build "$ROOT/tests/ContactCenter.Benchmarks" -c Release -v quiet -nologo >/dev/null || die "build failed"
fi

# shellcheck source=ops/lib/throwaway-postgres.sh
source "$ROOT/ops/lib/throwaway-postgres.sh"
trap stop_postgres EXIT
start_postgres || die "PostgreSQL did not start"
[[ -n ${ConnectionStrings__ContactCenter:-} ]] || die "no PostgreSQL (is the postgresql package installed?)"
PG_PORT=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$ConnectionStrings__ContactCenter")
(cd "$PG_DIR" && as_pg "$PG_BIN/pg_ctl" restart -w -t 60 -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -m fast \
  -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c max_connections=300 -c unix_socket_directories=$PG_DIR") >/dev/null ||
  die "could not restart PostgreSQL with fsync on"

say "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$ROOT" && dotnet run -c Release --no-build --project tests/ContactCenter.Benchmarks -- journal --seconds "$SECONDS_EACH" --streams "$STREAMS")
