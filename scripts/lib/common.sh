# shellcheck shell=bash
# Helpers shared by scripts/test and scripts/bench. Source this file; it
# defines functions only and never changes shell options of the caller.
#
# Why these exist: CI runs on a fresh Debian 12 machine as root, with only
# Debian's apt and PyPI reachable. Everything the scripts need (PostgreSQL
# server, Chromium, chromedriver, selenium, wrk) must be installed by the
# scripts themselves, idempotently, and every service they start must be
# stopped again even when a step fails.

log() { printf '==> %s\n' "$*" >&2; }

# apt_install PKG... — install Debian packages non-interactively. The package
# lists may be missing or stale on a fresh machine, so retry once after
# `apt-get update` instead of always paying for an update. Recommends are kept
# on purpose: for chromium they bring the fonts that screenshots need.
apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y "$@" </dev/null; then
        log "apt-get install $* failed; running apt-get update and retrying"
        apt-get update </dev/null
        apt-get install -y "$@" </dev/null
    fi
}

# need_curl — the readiness checks poll with curl.
need_curl() {
    command -v curl >/dev/null 2>&1 || apt_install curl
}

# free_port — print a TCP port on 127.0.0.1 that is free right now. The
# kernel picks it (bind to port 0), so parallel runs don't collide.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_http URL TIMEOUT_SECONDS [PID] — poll URL until it answers 2xx.
# If PID is given and that process dies, give up at once instead of waiting
# for the whole timeout.
wait_http() {
    local url=$1 timeout=$2 pid=${3:-} deadline
    deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
            return 0
        fi
        if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
            log "process $pid exited before $url answered"
            return 1
        fi
        sleep 0.5
    done
    log "timed out after ${timeout}s waiting for $url"
    return 1
}

# stop_pid PID [NAME] — SIGTERM a process we started, wait up to 15 s for it
# to exit, then SIGKILL. Only ever called with PIDs this script recorded.
stop_pid() {
    local pid=$1 name=${2:-process} i
    [[ -n $pid ]] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 30; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "$name ($pid) ignored SIGTERM for 15s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------------------
# Ephemeral PostgreSQL 15 cluster.
#
# initdb/postgres refuse to run as root, so the cluster folder belongs to the
# `postgres` user and the programs run through `runuser -u postgres --`.
# fsync and friends are off: the data is thrown away after the run, and this
# makes the migration-heavy test suite much faster on a 2-core machine.
# Sets PG_DIR, PG_PORT, PG_URL; pg_stop undoes everything pg_start did.
# ---------------------------------------------------------------------------
PG_DIR=""
PG_PORT=""
# shellcheck disable=SC2034 # read by the scripts that source this file
PG_URL=""
PG_BIN=""

pg_find_bin() {
    local d
    for d in /usr/local/bin /usr/lib/postgresql/15/bin; do
        if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]; then
            PG_BIN=$d
            return 0
        fi
    done
    return 1
}

pg_start() {
    if ! pg_find_bin; then
        log "PostgreSQL 15 server programs not found; installing postgresql-15"
        apt_install postgresql-15
        pg_find_bin || { log "initdb still not found after install"; return 1; }
    fi
    id postgres >/dev/null 2>&1 || { log "no 'postgres' user to run the server as"; return 1; }

    # One temp folder for the cluster, its socket and its log. The folder is
    # the postgres user's so that the server (not root) can write all of it.
    PG_DIR=$(mktemp -d -t agora-pg.XXXXXX)
    mkdir -p "$PG_DIR/data" "$PG_DIR/socket"
    chown -R postgres: "$PG_DIR"
    chmod 700 "$PG_DIR/data"

    # Run from a folder postgres can read: initdb and pg_ctl complain when the
    # caller's working directory (root's checkout) is not accessible to them.
    local initdb_common=(-D "$PG_DIR/data" -U postgres --auth=trust -E UTF8)
    if ! (cd "$PG_DIR" && runuser -u postgres -- "$PG_BIN/initdb" "${initdb_common[@]}" --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1); then
        log "initdb with --locale=C.UTF-8 failed; retrying with --no-locale"
        rm -rf "${PG_DIR:?}/data" && mkdir -p "$PG_DIR/data" && chown postgres: "$PG_DIR/data" && chmod 700 "$PG_DIR/data"
        if ! (cd "$PG_DIR" && runuser -u postgres -- "$PG_BIN/initdb" "${initdb_common[@]}" --no-locale >"$PG_DIR/initdb.log" 2>&1); then
            cat "$PG_DIR/initdb.log" >&2
            return 1
        fi
    fi

    PG_PORT=$(free_port)
    local opts="-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$PG_DIR/socket"
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400"
    if ! (cd "$PG_DIR" && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -o "$opts" -w -t 60 start >/dev/null); then
        log "PostgreSQL failed to start; its log:"
        cat "$PG_DIR/postgres.log" >&2 || true
        return 1
    fi
    # shellcheck disable=SC2034
    PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres?sslmode=disable"
    log "PostgreSQL running on 127.0.0.1:$PG_PORT (data in $PG_DIR/data)"
}

# Safe to call more than once and when pg_start never ran or half-failed.
pg_stop() {
    [[ -n $PG_DIR ]] || return 0
    if [[ -f $PG_DIR/data/postmaster.pid && -n $PG_BIN ]]; then
        (cd "$PG_DIR" && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1) || true
    fi
    rm -rf "$PG_DIR"
    PG_DIR=""
}
