#!/usr/bin/env bash
# ops/load/inbound.sh - inbound call load through the host's sip role (issue 7): sipp callers dial a queue's number at
# a fixed rate, the front end queues each call and rings one of N sipp agents' phones, the phone answers, talks and
# hangs up. Measured on the host process only:
#
#   host      the built host (src/ContactCenter.Host, Release) as one node with the silo, sip and web roles on
#             loopback: in-memory providers by default, or with --postgres the PostgreSQL providers on a throwaway
#             server (ops/lib/throwaway-postgres.sh, switched back to fsync=on: a benchmark must not run without it);
#   config    through the REST API with the admin login (admin/admin-demo: the demo users, seeded on an empty store):
#             a queue "load" (no wrap-up; ring timeout 20 s), number 300 to it, a trunk trusting 127.0.0.1 (PostgreSQL
#             sites trust no loopback caller without one), N agent profiles load001… with SIP passwords and user
#             accounts, each agent logged in through the agent hub (SignalR, long polling);
#   agents    one sipp process for all the agents' phones: samples/sipp/agent-register-injected.xml registers each
#             (digest auth, the Authorization computed here from a nonce the front end issued) and agent-answer.xml
#             answers each INVITE after --answer-ms and hangs up after --talk-ms;
#   callers   one sipp process: samples/sipp/caller-queue.xml to number 300 at --rate calls/s for --seconds, each
#             caller playing PCMA audio (caller-silent.xml with --no-audio: none) until the agent's BYE (or
#             --max-wait-ms, then it hangs up itself: a failure);
#   figures   failed calls (sipp's failed calls plus callers who hung up themselves: no agent's BYE in time), calls/s
#             achieved, host CPU (user + system ticks from /proc/<pid>/stat over the caller run: % of one core and
#             ms per call), host RSS (VmRSS at the end and the highest sampled each second), INVITE→200 latency
#             (sipp -trace_rtt, p50/p99), where the CPU went (per call: host, PostgreSQL, the two sipp processes, the
#             rest of the machine) and, with --postgres, routing latency from the journal (CallQueued → the first
#             AgentRingStarted of each call, p50/p99: the grain decided the agent and told the front end to ring it).
#             The in-memory journal is not visible from outside the host: routing latency needs --postgres.
#             With --pg-stats (implies --postgres) also PostgreSQL's own counts over the caller run, per call:
#             transactions (pg_stat_database) and scans of config_documents (pg_stat_user_tables), each snapshot
#             taken after waiting out the server's statistics flush interval (so the run takes about 25 s longer).
#             With --pg-statements (implies --pg-stats) PostgreSQL loads pg_stat_statements and the run ends with the
#             statements it ran most per call (calls and mean time), to see which code issues the transactions, and
#             the journal's events by type (count and mean stored size).
#
# Usage: ops/load/inbound.sh [--rate 20] [--seconds 600] [--agents 100] [--answer-ms 1000] [--talk-ms 2000]
#                            [--wrap-up 0] [--max-wait-ms 30000] [--postgres] [--no-build] [--keep]
#                            [--host-log-level Warning] [--pg-stats] [--pg-statements] [--no-recording] [--no-audio]
#                            [--capacity]
#   Defaults are the issue's floor: 20 calls/s for 10 minutes, 100 agents answering after 1 s, 2 s talk, no wrap-up.
#   --agents  1-2000 phones (one sipp process) and logged-in agents.
#   --no-audio  callers send no RTP (samples/sipp/caller-silent.xml); the agents' phones never send any. The front end
#             still anchors the media (an RTP port pair per leg, prompts and music towards the caller).
#   --capacity  the issue's capacity setup: 2000 agents answering at once, 1 s talk, no audio from callers or agents
#             (same as --agents 2000 --answer-ms 0 --talk-ms 1000 --no-audio; options after it override it).
#   --keep    leaves the work folder (host log, sipp logs and statistics) and prints where it is.
#   --no-recording  turns the site's call recording off (REC-1 records every call by default) to measure without it.
#   --host-log-level  the host's log level (default Warning; Information logs every call).
# Needs: the .NET SDK, sipp (apt-get install -y sip-tester), python3, curl; with --postgres the postgresql package.
# Figures are noisy on a shared machine (sipp runs beside the host on the same cores): the load average is printed at
# the start and the end; compare runs made together, report the median and worst of several.
set -uo pipefail

say() { printf 'inbound: %s\n' "$*"; }
warn() { printf 'inbound: %s\n' "$*" >&2; }
die() { printf 'inbound: error: %s\n' "$*" >&2; exit 1; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RATE=20
DURATION=600
AGENTS=100
ANSWER_MS=1000
TALK_MS=2000
WRAP_UP=0
MAX_WAIT_MS=30000
POSTGRES=0
PG_STATS=0
PG_STATEMENTS=0
BUILD=1
KEEP=0
RECORD=1
AUDIO_ON=1
LOG_LEVEL=Warning
while (($#)); do
  case $1 in
    --rate) RATE=$2; shift 2 ;;
    --seconds) DURATION=$2; shift 2 ;;
    --agents) AGENTS=$2; shift 2 ;;
    --answer-ms) ANSWER_MS=$2; shift 2 ;;
    --talk-ms) TALK_MS=$2; shift 2 ;;
    --wrap-up) WRAP_UP=$2; shift 2 ;;
    --max-wait-ms) MAX_WAIT_MS=$2; shift 2 ;;
    --postgres) POSTGRES=1; shift ;;
    --pg-stats) POSTGRES=1; PG_STATS=1; shift ;;
    --pg-statements) POSTGRES=1; PG_STATS=1; PG_STATEMENTS=1; shift ;;
    --no-build) BUILD=0; shift ;;
    --keep) KEEP=1; shift ;;
    --no-recording) RECORD=0; shift ;;
    --no-audio) AUDIO_ON=0; shift ;;
    --capacity) AGENTS=2000; ANSWER_MS=0; TALK_MS=1000; AUDIO_ON=0; shift ;;
    --host-log-level) LOG_LEVEL=$2; shift 2 ;;
    *) die "unknown argument $1 (see the header of $0)" ;;
  esac
done
((AGENTS >= 1 && AGENTS <= 2000)) || die "--agents must be 1-2000"
command -v sipp >/dev/null || die "sipp not found: apt-get install -y --no-install-recommends sip-tester"
command -v python3 >/dev/null || die "python3 is needed (free ports, configuration, summary)"
command -v curl >/dev/null || die "curl is needed (the host's readiness)"
AUDIO=/usr/share/sip-tester/g711a.pcap
[[ -f $AUDIO ]] || die "$AUDIO missing: the sip-tester package ships it"
SCENARIOS=$ROOT/samples/sipp

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ((BUILD)); then
  say "building src/ContactCenter.Host (Release)"
  dotnet build "$ROOT/src/ContactCenter.Host" -c Release -v quiet -nologo >/dev/null || die "build failed"
fi
DLL=$ROOT/src/ContactCenter.Host/bin/Release/net10.0/ContactCenter.Host.dll
[[ -f $DLL ]] || die "$DLL not found; build src/ContactCenter.Host -c Release"

WORK=$(mktemp -d /tmp/cc-inbound.XXXXXX)
HOST_PID=""
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null
  done
  if ((POSTGRES)); then
    stop_postgres
  fi
  if ((KEEP)); then
    say "work folder kept: $WORK"
  else
    rm -rf -- "$WORK"
  fi
}
trap cleanup EXIT
CLK_TCK=$(getconf CLK_TCK)

# free_port: a loopback port free for TCP and UDP at once (the SIP port takes both).
free_port() {
  python3 -c 'import socket
while True:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1", p)); print(p); break
    except OSError:
        pass'
}

# ticks <pid>: user + system clock ticks of the process (fields 14 and 15 of /proc/<pid>/stat; the command name in
# parentheses is cut first because it may contain spaces).
ticks() {
  sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}

# tree_ticks <pid>: user + system ticks of the process and of every descendant, with the children they reaped (fields
# 16 and 17): PostgreSQL's postmaster and its backends (a backend that exits leaves its ticks in the postmaster's).
tree_ticks() {
  local total=0 pid
  for pid in $(descendants "$1"); do
    [[ -r /proc/$pid/stat ]] && total=$((total + $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13 + $14 + $15}')))
  done
  echo "$total"
}

descendants() {
  echo "$1"
  local child
  for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    descendants "$child"
  done
}

# reaped_ticks: ticks of this script's children that have exited and been waited for (the callers' sipp once done).
reaped_ticks() {
  sed 's/^.*) //' "/proc/$$/stat" | awk '{print $14 + $15}'
}

# busy_ticks: ticks all cores spent running (user, nice, system, irq, softirq; not idle, iowait or steal) since boot.
busy_ticks() {
  awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat
}

rss_kb() {
  awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0
}

# wait_for <seconds> <command...>: until the command succeeds.
wait_for() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

HOST_ARGS=()
if ((POSTGRES)); then
  # shellcheck source=ops/lib/throwaway-postgres.sh
  source "$ROOT/ops/lib/throwaway-postgres.sh"
  start_postgres || die "PostgreSQL did not start"
  [[ -n ${ConnectionStrings__ContactCenter:-} ]] || die "no PostgreSQL (is the postgresql package installed?)"
  PG_PORT=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$ConnectionStrings__ContactCenter")
  # The throwaway server starts without fsync for tests; a benchmark measures with it on. Its -c options win over
  # ALTER SYSTEM (a reload leaves fsync off, source "command line"), so restart it without them.
  PG_OPTIONS="-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c max_connections=300 -c unix_socket_directories=$PG_DIR"
  ((PG_STATEMENTS)) && PG_OPTIONS+=" -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
  (cd "$PG_DIR" && as_pg "$PG_BIN/pg_ctl" restart -w -t 60 -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -m fast \
    -o "$PG_OPTIONS") >/dev/null ||
    die "could not restart PostgreSQL with fsync on"
  [[ $(cd "$PG_DIR" && as_pg "$PG_BIN/psql" -X -qAt -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres -c "SHOW fsync") == on ]] ||
    die "fsync is still off"
  # A PostgreSQL site starts without users; the demo accounts are seeded on an empty store when asked.
  HOST_ARGS+=(--postgres "$ConnectionStrings__ContactCenter" --WebSecurity:SeedDemoUsers=true)
else
  HOST_ARGS+=(--postgres=)
fi

pg_sql() {
  (cd "$PG_DIR" && as_pg "$PG_BIN/psql" -X -q -t -A -h "$PG_DIR" -p "$PG_PORT" -U postgres -d contactcenter -c "$1")
}

# pg_counts: "<transactions> <config_documents scans>" of the contactcenter database. Backends report their counts
# when idle at most every 10 s (PostgreSQL 15's PGSTAT_IDLE_INTERVAL), so the caller waits that out first.
pg_counts() {
  (cd "$PG_DIR" && as_pg "$PG_BIN/psql" -X -q -t -A -F ' ' -h "$PG_DIR" -p "$PG_PORT" -U postgres -d contactcenter -c "
    SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()),
           (SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0) FROM pg_stat_user_tables WHERE relname = 'config_documents')")
}

HTTP_PORT=$(free_port)
SILO_PORT=$(free_port)
SIP_PORT=$(free_port)
say "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $RATE calls/s for $DURATION s, $AGENTS agents answering after $ANSWER_MS ms, talking $TALK_MS ms, wrap-up $WRAP_UP s; callers $( ((AUDIO_ON)) && echo with || echo without) audio, recording $( ((RECORD)) && echo on || echo off); storage $( ((POSTGRES)) && echo PostgreSQL || echo in-memory)"
(cd "$WORK" && exec dotnet "$DLL" --roles silo,sip,web --http-port "$HTTP_PORT" --silo-port "$SILO_PORT" --sip-port "$SIP_PORT" \
  --rtp-ports 61000-64999 --Logging:LogLevel:Default="$LOG_LEVEL" --Logging:LogLevel:Microsoft=Warning "${HOST_ARGS[@]}" >"$WORK/host.log" 2>&1) &
HOST_PID=$!
PIDS+=("$HOST_PID")
ready() { kill -0 "$HOST_PID" 2>/dev/null && curl -fsS -o /dev/null "http://127.0.0.1:$HTTP_PORT/health/ready" 2>/dev/null; }
wait_for 120 ready || { tail -n 30 "$WORK/host.log"; die "the host did not start"; }
say "host pid $HOST_PID: HTTP 127.0.0.1:$HTTP_PORT, SIP 127.0.0.1:$SIP_PORT, RTP 61000-64999, RSS $(rss_kb "$HOST_PID") kB"

cat >"$WORK/cc.py" <<'EOF'
"""Configures the load site through the REST API and logs agents in through the agent hub (SignalR long polling)."""
import json, sys, urllib.error, urllib.request

BASE = sys.argv[1]
RS = "\x1e"

def call(method, path, body=None, token=None, raw=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("Content-Type", "application/json" if raw is None else "text/plain")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()

def token(user, password):
    status, body = call("POST", "/api/v1/auth/token", {"userName": user, "password": password})
    if status != 200:
        raise SystemExit(f"sign-in of {user}: {status} {body[:300]!r}")
    return json.loads(body)["accessToken"]

def put(admin, path, body):
    status, answer = call("PUT", path, body, admin)
    if status not in (200, 201, 204):
        raise SystemExit(f"PUT {path}: {status} {answer[:300]!r}")

def invoke(user_token, hub, target, arguments):
    status, body = call("POST", f"{hub}/negotiate?negotiateVersion=1", token=user_token, raw=b"")
    if status != 200:
        raise SystemExit(f"negotiate {hub}: {status} {body[:300]!r}")
    negotiated = json.loads(body)
    url = f"{hub}?id={negotiated.get('connectionToken') or negotiated['connectionId']}"
    call("POST", url, token=user_token, raw=(json.dumps({"protocol": "json", "version": 1}) + RS).encode())
    call("POST", url, token=user_token, raw=(json.dumps({"type": 1, "invocationId": "1", "target": target, "arguments": arguments}) + RS).encode())
    completion = None
    for _ in range(100):
        status, body = call("GET", url, token=user_token)
        if status != 200:
            raise SystemExit(f"poll {hub}: {status} {body[:300]!r}")
        for frame in body.decode().split(RS):
            if frame.strip():
                message = json.loads(frame)
                if message.get("type") == 3 and message.get("invocationId") == "1":
                    completion = message
        if completion:
            break
    call("DELETE", url, token=user_token)
    if not completion or completion.get("error") or not (completion.get("result") or {}).get("succeeded"):
        raise SystemExit(f"{target}: {completion}")

def configure(agents, wrap_up, postgres, record):
    admin = token("admin", "admin-demo")
    if not record:
        # The site's settings as they are (the demo's, or the defaults), with call recording off; If-Match their version.
        # A new PostgreSQL site has no settings document yet: it is created without If-Match.
        request = urllib.request.Request(BASE + "/api/v1/site-settings")
        request.add_header("Authorization", "Bearer " + admin)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                settings, etag = json.loads(response.read()), response.headers.get("ETag")
        except urllib.error.HTTPError as error:
            if error.code != 404:
                raise
            settings, etag = {"id": "site"}, None
        settings["recordCalls"] = False
        update = urllib.request.Request(BASE + "/api/v1/site-settings", data=json.dumps(settings).encode(), method="PUT")
        update.add_header("Content-Type", "application/json")
        update.add_header("Authorization", "Bearer " + admin)
        if etag:
            update.add_header("If-Match", etag)
        urllib.request.urlopen(update, timeout=60).close()
    put(admin, "/api/v1/queues/load", {"id": "load", "name": "Load", "wrapUpTime": f"00:00:{int(wrap_up):02d}", "ringTimeout": "00:00:20"})
    put(admin, "/api/v1/numbers/300", {"id": "300", "name": "Load", "target": "Queue", "targetId": "load"})
    if postgres:
        put(admin, "/api/v1/trunks/loopback", {"id": "loopback", "name": "Load callers", "host": "127.0.0.1", "allowedSources": ["127.0.0.1"], "inbound": True})
    def agent_setup(i):
        agent = f"load{i:03d}"
        put(admin, f"/api/v1/agent-profiles/{agent}", {"id": agent, "name": agent, "queues": [{"queueId": "load"}], "sipUsername": agent})
        put(admin, f"/api/v1/agent-profiles/{agent}/sip-password", {"password": agent + "-phone"})
        put(admin, f"/api/v1/users/{agent}", {"id": agent, "displayName": agent, "roles": ["agent"], "agentProfileId": agent})
        put(admin, f"/api/v1/users/{agent}/password", {"password": agent + "-web-password"})
    parallel(agent_setup, agents)

def parallel(work, agents):
    # A few agents at a time: 2,000 agents one by one take minutes of round trips.
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(work, range(1, agents + 1)))

def log_in(agents):
    def one(i):
        agent = f"load{i:03d}"
        invoke(token(agent, agent + "-web-password"), "/hubs/agent", "LogInAsync", [])
    parallel(one, agents)

def credentials(sip_port, agents, out):
    """One precomputed Authorization per phone for agent-register-injected.xml: a REGISTER from here draws the front
    end's 401 (a fresh nonce per phone: a nonce count is single-use), and the digest is computed for the REGISTER sipp
    will send (request URI sip:127.0.0.1:<port>, nc 1)."""
    import hashlib, os, re, socket
    md5 = lambda text: hashlib.md5(text.encode()).hexdigest()
    uri = f"sip:127.0.0.1:{sip_port}"
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    probe.bind(("127.0.0.1", 0))
    probe.settimeout(5)
    here = probe.getsockname()[1]
    lines = ["SEQUENTIAL"]
    for i in range(1, agents + 1):
        user, password = f"load{i:03d}", f"load{i:03d}-phone"
        request = (f"REGISTER {uri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{here};branch=z9hG4bK-probe-{i}-{os.getpid()}\r\n"
                   f"From: <sip:{user}@127.0.0.1>;tag=probe{i}\r\nTo: <sip:{user}@127.0.0.1>\r\nCall-ID: probe-{i}-{os.getpid()}@127.0.0.1\r\n"
                   f"CSeq: 1 REGISTER\r\nContact: <sip:{user}@127.0.0.1:{here}>\r\nExpires: 0\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
        probe.sendto(request.encode(), ("127.0.0.1", sip_port))
        answer = probe.recv(65535).decode()
        challenge = re.search(r'WWW-Authenticate:\s*Digest\s+(.*)', answer, re.IGNORECASE)
        if not answer.startswith("SIP/2.0 401") or not challenge:
            raise SystemExit(f"probe REGISTER for {user}: {answer.splitlines()[0] if answer else 'no answer'}")
        fields = dict(re.findall(r'(\w+)="?([^",]*)"?', challenge.group(1)))
        cnonce = os.urandom(8).hex()
        ha1 = md5(f"{user}:{fields['realm']}:{password}")
        response = md5(f"{ha1}:{fields['nonce']}:00000001:{cnonce}:auth:{md5('REGISTER:' + uri)}")
        lines.append(f'{user};Digest username="{user}",realm="{fields["realm"]}",nonce="{fields["nonce"]}",uri="{uri}",'
                     f'response="{response}",algorithm=MD5,cnonce="{cnonce}",nc=00000001,qop=auth')
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")

if sys.argv[2] == "configure":
    configure(int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "1", sys.argv[6] == "1")
elif sys.argv[2] == "login":
    log_in(int(sys.argv[3]))
elif sys.argv[2] == "credentials":
    credentials(int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
EOF

say "configuring queue load, number 300 and $AGENTS agents through the REST API"
python3 "$WORK/cc.py" "http://127.0.0.1:$HTTP_PORT" configure "$AGENTS" "$WRAP_UP" "$POSTGRES" "$RECORD" || die "configuration failed (host log: $WORK/host.log)"

# All agents' phones in one sipp process (a sipp process costs about 1.5 % of a core even idle): each phone REGISTERs
# with an Authorization computed beforehand (agent-register-injected.xml: sipp's [authentication] takes one user per
# process), and agent-answer.xml answers the INVITEs for all of them.
python3 "$WORK/cc.py" "http://127.0.0.1:$HTTP_PORT" credentials "$SIP_PORT" "$AGENTS" "$WORK/agents.csv" || die "could not prepare the phones' credentials"
mkdir -p "$WORK/agents"
(cd "$WORK/agents" && exec sipp "127.0.0.1:$SIP_PORT" -sf "$SCENARIOS/agent-register-injected.xml" -oocsf "$SCENARIOS/agent-answer.xml" \
  -inf "$WORK/agents.csv" -s agents -m "$AGENTS" -r 100 -l "$AGENTS" -d "$(((DURATION + 300) * 1000))" \
  -set answer_ms "$ANSWER_MS" -set talk_ms "$TALK_MS" -i 127.0.0.1 -p "$(free_port)" -mp 17000 \
  -nostdin -trace_logs -log_file logs.log -trace_err -error_file errors.log >sipp.out 2>&1) &
AGENTS_PID=$!
PIDS+=("$AGENTS_PID")
registrations() { cat "$WORK/agents/logs.log" 2>/dev/null | grep -c '^registered '; }
registered() { (($(registrations) >= AGENTS)); }
wait_for $((60 + AGENTS / 50)) registered || { tail -n 5 "$WORK/agents/errors.log" 2>/dev/null; die "only $(registrations) of $AGENTS phones registered"; }
say "$AGENTS phones registered; logging the agents in"
python3 "$WORK/cc.py" "http://127.0.0.1:$HTTP_PORT" login "$AGENTS" || die "log-in failed"

CALLS=$((RATE * DURATION))
PG_BEFORE=""
if ((PG_STATS)); then
  say "waiting 12 s for PostgreSQL's statistics to settle"
  sleep 12
  PG_BEFORE=$(pg_counts)
  ((PG_STATEMENTS)) && pg_sql "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()" >/dev/null
fi
mkdir -p "$WORK/callers"
say "calling 300: $CALLS calls at $RATE calls/s"
before_ticks=$(ticks "$HOST_PID")
PG_PID=""
((POSTGRES)) && PG_PID=$(head -n 1 "$PG_DIR/data/postmaster.pid")
before_pg=$( [[ -n $PG_PID ]] && tree_ticks "$PG_PID" || echo 0)
before_agents=$(ticks "$AGENTS_PID")
before_reaped=$(reaped_ticks)
rss_before=$(rss_kb "$HOST_PID")
before_busy=$(busy_ticks)
start_ns=$(date +%s%N)
CALLER_SCENARIO=(-sf "$SCENARIOS/caller-queue.xml" -key audio "$AUDIO")
((AUDIO_ON)) || CALLER_SCENARIO=(-sf "$SCENARIOS/caller-silent.xml")
(cd "$WORK/callers" && exec sipp "127.0.0.1:$SIP_PORT" "${CALLER_SCENARIO[@]}" -s 300 \
  -set talk_ms "$MAX_WAIT_MS" -r "$RATE" -m "$CALLS" -l $((RATE * (MAX_WAIT_MS / 1000 + 10))) -i 127.0.0.1 -p "$(free_port)" -mp 16000 \
  -nostdin -timeout "$((DURATION + MAX_WAIT_MS / 1000 + 120))s" -timeout_error -trace_stat -stf stat.csv -fd 5 \
  -trace_rtt -rtt_freq 1 -trace_err -error_file errors.log -trace_logs -log_file logs.log >sipp.out 2>&1) &
CALLER_PID=$!
PIDS+=("$CALLER_PID")
rss_max=$rss_before
while kill -0 "$CALLER_PID" 2>/dev/null; do
  rss=$(rss_kb "$HOST_PID")
  ((rss > rss_max)) && rss_max=$rss
  sleep 1
done
wait "$CALLER_PID"
caller_rc=$?
end_ns=$(date +%s%N)
after_busy=$(busy_ticks)
after_ticks=$(ticks "$HOST_PID")
after_pg=$( [[ -n $PG_PID ]] && tree_ticks "$PG_PID" || echo 0)
after_agents=$(ticks "$AGENTS_PID")
after_reaped=$(reaped_ticks)
rss_end=$(rss_kb "$HOST_PID")
kill -0 "$HOST_PID" 2>/dev/null || die "the host died during the run (log: $WORK/host.log)"

PG_PER_CALL=""
if ((PG_STATS)); then
  sleep 12
  read -r tx0 scans0 <<<"$PG_BEFORE"
  read -r tx1 scans1 <<<"$(pg_counts)"
  PG_PER_CALL="$((tx1 - tx0)) $((scans1 - scans0))"
  if ((PG_STATEMENTS)); then
    say "statements per call (pg_stat_statements over the caller run; calls per call, mean ms, statement):"
    pg_sql "SELECT round(calls::numeric / $((RATE * DURATION)), 2) || ' ' || round(mean_exec_time::numeric, 3) || ' ' ||
              left(regexp_replace(query, '\s+', ' ', 'g'), 150)
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = 'contactcenter' ORDER BY calls DESC LIMIT 30" | sed 's/^/inbound:   /'
    say "journal events by type (count, mean stored bytes of data, event type):"
    pg_sql "SELECT count(*) || ' ' || round(avg(pg_column_size(data))) || ' ' || event_type FROM journal_events
            GROUP BY event_type ORDER BY sum(pg_column_size(data)) DESC LIMIT 15" | sed 's/^/inbound:   /'
  fi
fi
ROUTING=""
if ((POSTGRES)); then
  ROUTING=$(cd "$PG_DIR" && as_pg "$PG_BIN/psql" -X -q -t -A -h "$PG_DIR" -p "$PG_PORT" -U postgres -d contactcenter -c "
    WITH queued AS (SELECT stream_id, min(created_at) AS at FROM journal_events WHERE event_type = 'CallQueued' GROUP BY stream_id),
         rung AS (SELECT stream_id, min(created_at) AS at FROM journal_events WHERE event_type = 'AgentRingStarted' GROUP BY stream_id)
    SELECT count(*) || ' ' || coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM rung.at - queued.at)) * 1000)::text, '-')
           || ' ' || coalesce(round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM rung.at - queued.at)) * 1000)::text, '-')
    FROM queued JOIN rung USING (stream_id)")
fi

python3 - "$WORK/callers" "$CALLS" "$RATE" "$DURATION" "$((end_ns - start_ns))" "$((after_ticks - before_ticks))" "$CLK_TCK" \
  "$rss_before" "$rss_max" "$rss_end" "$caller_rc" "$ROUTING" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  "$((after_pg - before_pg))" "$((after_agents - before_agents))" "$((after_reaped - before_reaped))" "$((after_busy - before_busy))" \
  "$(nproc)" "$PG_PER_CALL" <<'EOF'
import csv, glob, os, statistics, sys
(folder, calls, rate, duration, wall_ns, ticks, hz, rss0, rssmax, rss1, rc, routing, load,
 pg_ticks, agents_ticks, callers_ticks, busy_ticks, cores, pg) = sys.argv[1:]
wall = int(wall_ns) / 1e9
stat = {}
with open(os.path.join(folder, "stat.csv")) as f:
    rows = list(csv.reader(f, delimiter=";"))
    stat = dict(zip(rows[0], rows[-1])) if len(rows) > 1 else {}
created, ok, failed = (int(stat.get(k, 0) or 0) for k in ("TotalCallCreated", "SuccessfulCall(C)", "FailedCall(C)"))
lines = open(os.path.join(folder, "logs.log")).read().splitlines() if os.path.exists(os.path.join(folder, "logs.log")) else []
agent_bye = sum(1 for l in lines if l.startswith("far-end BYE "))
gave_up = sum(1 for l in lines if l.startswith("caller BYE "))
rtts, answered_at = [], []
for path in glob.glob(os.path.join(folder, "*_rtt.csv")):
    with open(path) as f:
        for row in csv.reader(f, delimiter=";"):
            try:
                answered_at.append(float(row[0]) / 1000)
                rtts.append(float(row[1]))
            except (ValueError, IndexError):
                pass
# Calls/s achieved: answers (200 OK) per second between the first and the last, so the tail of the last calls does
# not count.
span = max(answered_at) - min(answered_at) if len(answered_at) > 1 else 0
achieved = (len(answered_at) - 1) / span if span > 0 else float("nan")
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")
cpu_s = int(ticks) / int(hz)
bad = failed + gave_up
print(f"inbound: RESULT calls={created}/{calls} answered-by-agent={agent_bye} failed={bad} ({100 * bad / max(created, 1):.2f} %: sipp failed {failed}, no agent BYE within the wait {gave_up}) sipp_rc={rc}")
print(f"inbound: RESULT rate asked {rate}/s, achieved {achieved:.2f}/s (answers over {span:.0f} s); whole run {wall:.0f} s with the last calls' tail")
print(f"inbound: RESULT host cpu {cpu_s:.1f} s over {wall:.0f} s = {100 * cpu_s / wall:.0f} % of one core, {1000 * cpu_s / max(created, 1):.1f} ms per call; RSS start {int(rss0) // 1024} MB, max {int(rssmax) // 1024} MB, end {int(rss1) // 1024} MB")
print(f"inbound: RESULT INVITE->200 (sipp -trace_rtt, {len(rtts)} calls): p50 {pct(rtts, 50):.1f} ms, p99 {pct(rtts, 99):.1f} ms, max {max(rtts) if rtts else float('nan'):.1f} ms")
def per_call(t):
    return 1000 * int(t) / int(hz) / max(created, 1)
others = int(busy_ticks) - int(ticks) - int(pg_ticks) - int(agents_ticks) - int(callers_ticks)
print(f"inbound: RESULT cpu per call: host {per_call(ticks):.1f} ms, PostgreSQL {per_call(pg_ticks):.1f} ms, sipp agents {per_call(agents_ticks):.1f} ms, "
      f"sipp callers {per_call(callers_ticks):.1f} ms, everything else {per_call(others):.1f} ms; the machine was "
      f"{100 * int(busy_ticks) / int(hz) / wall / int(cores):.0f} % busy on {cores} cores")
if routing:
    n, p50, p99 = routing.split()
    print(f"inbound: RESULT routing CallQueued->AgentRingStarted (journal, {n} calls): p50 {p50} ms, p99 {p99} ms")
else:
    print("inbound: RESULT routing latency: n/a with the in-memory journal (run with --postgres)")
if pg:
    tx, scans = (int(v) for v in pg.split())
    print(f"inbound: RESULT PostgreSQL over the caller run: {tx} transactions ({tx / max(created, 1):.1f} per call), "
          f"{scans} config_documents scans ({scans / max(created, 1):.1f} per call)")
print(f"inbound: load average at the end {load}")
EOF
if [[ -s $WORK/host.log ]] && grep -qE ' (fail|crit|error):' "$WORK/host.log"; then
  say "host errors/warnings (first 5):"
  grep -E ' (fail|crit|error):' "$WORK/host.log" | head -n 5 | cut -c1-240
fi
say "host warnings: $(grep -c ' warn:' "$WORK/host.log") (log in $WORK/host.log with --keep)"
