#!/usr/bin/env bash
# ops/drill/kill-silo.sh - the kill-a-silo failover drill on real processes: 4 silos in two sites (dc1, dc2) on one
# PostgreSQL, a client driving journal appends on 1,000 grains, kill -9 of the silo holding the most activations.
# It measures kill -> every grain answering again, and checks that no acknowledged append was lost, no grain was
# active on two silos at once and nobody but the victim was declared dead.
#
# Usage: ops/drill/kill-silo.sh [--short] [--kills N] [--graceful] [--grains N] [--rate N]
#                               [--heartbeat S] [--lease S] [--suspect S] [--work-dir DIR]
#   --short      500 appends/s with 8 s phases, about 40 s (the default: 1,000/s with 20 s phases, about 80 s)
#   --kills N    kill N times, restarting the victim in between (default 1); figures are given per kill
#   --graceful   stop the victim with SIGTERM instead of SIGKILL
#   --heartbeat/--lease/--suspect   membership timings in seconds (defaults 1, 4, 5; see ops/RUNBOOK.md)
#   --work-dir   where the silos' activation logs, their output and the client's log are kept
#
# Database: ConnectionStrings__ContactCenter when set (its database must exist; the drill migrates it), else a
# throwaway PostgreSQL (ops/lib/throwaway-postgres.sh; needs the postgresql package).
# Output: progress lines, then the figures; the last line is the summary
#   recovered_in_s=<worst> lost_writes=<n> double_activations=<n> false_deaths=<n>
# Exit status: 0 when nothing was lost or doubled and nobody else died, 1 when the drill failed, 2 on a usage error.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

say() { printf 'kill-silo: %s\n' "$*"; }
warn() { printf 'kill-silo: %s\n' "$*" >&2; }

if [[ -z ${ConnectionStrings__ContactCenter:-} ]]; then
  # shellcheck source=ops/lib/throwaway-postgres.sh
  source ops/lib/throwaway-postgres.sh
  trap stop_postgres EXIT
  start_postgres
fi

say "building the host and the drill (Release)"
dotnet build tests/ContactCenter.Drills -c Release -nologo -v quiet >&2

status=0
dotnet tests/ContactCenter.Drills/bin/Release/net10.0/ContactCenter.Drills.dll kill-silo "$@" || status=$?
exit "$status"
