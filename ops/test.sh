#!/usr/bin/env bash
# ops/test.sh - the README's test command (and what .ci/run calls).
#
#   1. as root, installs the Debian packages below that are missing (idempotent);
#   2. starts a throwaway PostgreSQL on 127.0.0.1 and exports ConnectionStrings__ContactCenter;
#   3. builds ContactCenter.sln in Release and runs every test;
#   4. prints "N passed, N failed, N skipped" as the very last line of output.
#
# Usage: ops/test.sh [--filter <expr>] [extra dotnet test arguments...]
# Environment: CC_SKIP_POSTGRES=1 skips the throwaway PostgreSQL (set ConnectionStrings__ContactCenter yourself).
set -euo pipefail

# Debian packages the tests need: sipp, baresip, espeak-ng and sox for the interop and prompt tests, chromium for the
# browser tests. The browser app's build also needs Node.js (>= 20.19, for Vite) and npm: the packages nodejs and npm
# are installed only when no node is on the PATH (a newer Node.js from elsewhere is kept).
APT_PACKAGES=(postgresql sip-tester baresip-core espeak-ng sox chromium)
command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_CLI_UI_LANGUAGE=en  # the summary parser reads English output
export VSLANG=1033
export MSBUILDTERMINALLOGGER=off  # plain console logger: one "Passed!/Failed!" line per test assembly

say() { printf 'test.sh: %s\n' "$*"; }
warn() { printf 'test.sh: %s\n' "$*" >&2; }
# shellcheck source=ops/lib/throwaway-postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/throwaway-postgres.sh"

# ---------------------------------------------------------------------------------------------------------------
# Summary: sum the VSTest per-assembly lines
#   "Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, Duration: 3 s - X.Tests.dll (net10.0)"
# Falls back to the last Microsoft.Testing.Platform "Test run summary" block (total/failed/succeeded/skipped)
# when no VSTest line is present. Prints "passed failed skipped".
parse_test_summary() {
  sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' -e 's/\r$//' "$1" | awk '
    function num(line, key,    s) {
      if (match(line, key ":[ \t]*[0-9]+")) {
        s = substr(line, RSTART, RLENGTH); gsub(/[^0-9]/, "", s); return s + 0
      }
      return 0
    }
    /(Passed|Failed)![ \t]+-[ \t]+Failed:[ \t]*[0-9]+,[ \t]*Passed:[ \t]*[0-9]+,[ \t]*Skipped:[ \t]*[0-9]+,[ \t]*Total:/ {
      vs = 1; vp += num($0, "Passed"); vf += num($0, "Failed"); vk += num($0, "Skipped"); next
    }
    /Test run summary:/ { inblock = 1; mp = 0; mf = 0; mk = 0; mtp = 1; next }
    inblock && /^[ \t]*failed:[ \t]*[0-9]+/    { mf = num($0, "failed"); next }
    inblock && /^[ \t]*succeeded:[ \t]*[0-9]+/ { mp = num($0, "succeeded"); next }
    inblock && /^[ \t]*skipped:[ \t]*[0-9]+/   { mk = num($0, "skipped"); next }
    inblock && /^[ \t]*(total|duration|error):/ { next }
    inblock { inblock = 0 }
    END {
      if (vs) print vp + 0, vf + 0, vk + 0
      else if (mtp) print mp + 0, mf + 0, mk + 0
      else print 0, 0, 0
    }'
}

# Repeats the failed, hung and aborted tests' lines at the end of the output, where a truncated log still shows them.
recap_problems() {
  local problems
  problems=$(sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" |
    grep -E '\[FAIL\]|\[Long Running Test\]|Test Run Aborted|aborted' |
    sed -E -e 's/^\[xUnit\.net [0-9:.]+\] +//' -e 's/, Elapsed: [0-9:]+$//' | awk '!seen[$0]++' || true)
  [[ -z $problems ]] && return 0
  warn "failed, hung or aborted:"
  printf '%s\n' "$problems" >&2
}

PASSED=0
FAILED=0
SKIPPED=0
SUMMARY_PRINTED=0
TEST_LOG=""
KEEP_LOG=0
# shellcheck disable=SC2317  # called from the EXIT trap
print_summary() {
  ((SUMMARY_PRINTED)) && return 0
  SUMMARY_PRINTED=1
  printf '%d passed, %d failed, %d skipped\n' "$PASSED" "$FAILED" "$SKIPPED"
}

# shellcheck disable=SC2317  # the EXIT trap
on_exit() {
  local rc=$?
  set +e
  stop_postgres
  if [[ -n $TEST_LOG && -f $TEST_LOG ]]; then
    if ((KEEP_LOG)); then warn "test output kept in $TEST_LOG"; else rm -f -- "$TEST_LOG"; fi
  fi
  # Whatever happened, the summary is the last line (zeros if we never got to run the tests).
  print_summary
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------------------
# Arguments
FILTER=""
EXTRA_TEST_ARGS=()
while (($# > 0)); do
  case $1 in
    --filter)
      [[ $# -ge 2 ]] || { warn "--filter needs an expression"; exit 2; }
      FILTER=$2; shift 2 ;;
    --filter=*)
      FILTER=${1#--filter=}; shift ;;
    -h | --help)
      sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; SUMMARY_PRINTED=1; exit 0 ;;
    *)
      EXTRA_TEST_ARGS+=("$1"); shift ;;
  esac
done

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"

# ---------------------------------------------------------------------------------------------------------------
# 1. Debian packages
install_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    warn "dpkg-query not found (not Debian?); make sure these are installed: ${APT_PACKAGES[*]}"
    return 0
  fi
  local missing=() pkg status
  for pkg in "${APT_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && { say "Debian packages present: ${APT_PACKAGES[*]}"; return 0; }
  if ((IS_ROOT)); then
    say "installing missing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update </dev/null
    apt-get install -y --no-install-recommends "${missing[@]}" </dev/null
  else
    warn "missing Debian packages: ${missing[*]}"
    warn "install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}"
    warn "(or run this script as root); tests that need them will be skipped with a reason."
  fi
}
install_packages

# ---------------------------------------------------------------------------------------------------------------
# 2. Throwaway PostgreSQL (ops/lib/throwaway-postgres.sh)
start_postgres

# ---------------------------------------------------------------------------------------------------------------
# 3. Build and test
SOLUTION=ContactCenter.sln
[[ -f $SOLUTION || ! -f ContactCenter.slnx ]] || SOLUTION=ContactCenter.slnx

say "dotnet build $SOLUTION -c Release"
if ! dotnet build "$SOLUTION" -c Release -nologo </dev/null; then
  warn "build failed"
  exit 1
fi

TEST_LOG=$(mktemp /tmp/cc-test-log.XXXXXX)
# One test assembly at a time (-m:1): the drills, the interop tests and the load scenarios time real processes and
# pick free ports, and on two cores assemblies running side by side starve each other and race for ports.
# A hung test (a grain call lost on fake time never times out) is named after two minutes (tests/ci.runsettings), and
# an assembly still running after ten minutes is ended (VSTest's blame collector gets no per-test events from xUnit v3,
# so its hang timeout counts from the assembly's start; the slowest, the cluster tests, take about three): the run fails
# with the test's name instead of running into CI's limit.
test_args=(test "$SOLUTION" -c Release --no-build -m:1 --settings tests/ci.runsettings
  --blame-hang-timeout 10m --blame-hang-dump-type none)
[[ -n $FILTER ]] && test_args+=(--filter "$FILTER")
test_args+=("${EXTRA_TEST_ARGS[@]}")

say "dotnet ${test_args[*]}"
set +e
dotnet "${test_args[@]}" </dev/null 2>&1 | tee "$TEST_LOG"
test_rc=${PIPESTATUS[0]}
set -e

read -r PASSED FAILED SKIPPED < <(parse_test_summary "$TEST_LOG")
recap_problems "$TEST_LOG"

# 4. Verdict. Stop PostgreSQL now so nothing prints after the summary.
stop_postgres
rc=0
if ((test_rc != 0)); then
  warn "dotnet test exited with code $test_rc"
  rc=1
fi
if ((FAILED > 0)); then
  warn "$FAILED test(s) failed"
  rc=1
fi
if ((PASSED + FAILED == 0)); then
  warn "no test ran"
  rc=1
fi
((rc == 0)) || KEEP_LOG=1
exit "$rc"
