# ops/lib/throwaway-postgres.sh - sourced by ops/test.sh and the drills: a private PostgreSQL server in a temp
# directory on 127.0.0.1 (initdb + pg_ctl, as the postgres OS user when we are root), removed when stopped.
#
#   start_postgres   starts it (unless CC_SKIP_POSTGRES=1) and exports ConnectionStrings__ContactCenter
#   stop_postgres    stops it and deletes its directory (call it from an EXIT trap)
#
# The caller defines say and warn (one-line messages to stdout and stderr).

PG_FIRST_PORT=${PG_FIRST_PORT:-55432}
PG_DIR=""
PG_BIN=""
IS_ROOT=0
[[ $(id -u) -eq 0 ]] && IS_ROOT=1

# Run a command as the PostgreSQL OS user: "postgres" when we are root, ourselves otherwise.
as_pg() {
  if ((IS_ROOT)); then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_postgres() {
  [[ -n $PG_DIR ]] || return 0
  if [[ -f $PG_DIR/data/postmaster.pid ]]; then
    (cd "$PG_DIR" && as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DIR/data" -m fast -w -t 30) >/dev/null 2>&1 ||
      (cd "$PG_DIR" && as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DIR/data" -m immediate -w -t 30) >/dev/null 2>&1 || true
  fi
  rm -rf -- "$PG_DIR"
  PG_DIR=""
}

port_is_free() {
  local port=$1
  if command -v python3 >/dev/null 2>&1; then
    python3 - "$port" <<'EOF' 2>/dev/null
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as PostgreSQL does: TIME_WAIT leftovers are fine
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
EOF
  else
    # Something accepting connections means "taken"; a refused connection means free.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 1; fi
    return 0
  fi
}

find_free_port() {
  local port=$1
  while ((port < 65535)); do
    port_is_free "$port" && { echo "$port"; return 0; }
    port=$((port + 1))
  done
  return 1
}

start_postgres() {
  if [[ ${CC_SKIP_POSTGRES:-0} == 1 ]]; then
    say "CC_SKIP_POSTGRES=1: not starting PostgreSQL (ConnectionStrings__ContactCenter is ${ConnectionStrings__ContactCenter:+set}${ConnectionStrings__ContactCenter:-unset})"
    return 0
  fi
  local bins=() d
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x $d/initdb && -x $d/pg_ctl ]] && bins+=("$d")
  done
  if ((${#bins[@]} == 0)); then
    warn "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): not starting it;"
    warn "tests that need PostgreSQL will be skipped. Install the Debian package 'postgresql'."
    return 0
  fi
  PG_BIN=$(printf '%s\n' "${bins[@]}" | sort -V | tail -n 1)
  if ((IS_ROOT)) && ! id -u postgres >/dev/null 2>&1; then
    warn "PostgreSQL found in $PG_BIN but there is no 'postgres' OS user to run it: not starting it."
    return 0
  fi

  # Short, fixed location: the socket path must stay under the 107-byte limit.
  PG_DIR=$(mktemp -d /tmp/cc-pg.XXXXXX)
  ((IS_ROOT)) && chown postgres: "$PG_DIR"
  chmod 700 "$PG_DIR"

  local password
  password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')

  say "initdb ($PG_BIN) into $PG_DIR"
  if ! (cd "$PG_DIR" && as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync) >"$PG_DIR/initdb.log" 2>&1; then
    cat "$PG_DIR/initdb.log" >&2
    warn "initdb failed"
    return 1
  fi

  local port="" attempt next=$PG_FIRST_PORT
  for attempt in 1 2 3 4 5; do
    port=$(find_free_port "$next") || { warn "no free TCP port from $next"; return 1; }
    if (cd "$PG_DIR" && as_pg "$PG_BIN/pg_ctl" start -w -t 60 -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c unix_socket_directories=$PG_DIR") >/dev/null 2>&1; then
      break
    fi
    warn "PostgreSQL did not start on port $port (attempt $attempt); log:"
    tail -n 20 "$PG_DIR/postgres.log" >&2 2>/dev/null || true
    port=""
    next=$((next + 1 + attempt))
  done
  [[ -n $port ]] || { warn "could not start PostgreSQL"; return 1; }

  (cd "$PG_DIR" && "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$port" -U postgres -d postgres) <<EOF
CREATE ROLE contactcenter LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE contactcenter OWNER contactcenter;
EOF

  export ConnectionStrings__ContactCenter="Host=127.0.0.1;Port=$port;Username=contactcenter;Password=$password;Database=contactcenter"
  say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, database contactcenter (ConnectionStrings__ContactCenter exported)"
}
