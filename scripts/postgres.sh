#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the tests, and stops it.
#   source scripts/postgres.sh; pg_start   -> exports RENKEI_TEST_POSTGRES (a connection string)
#   pg_stop                                -> stops the server and deletes its files
# The server runs as the 'postgres' OS user when started by root (PostgreSQL refuses root),
# keeps its data in a temporary directory, and is stopped by pg_stop or when the shell exits.
set -euo pipefail

pg_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then echo "$dir"; fi
  done | sort -V | tail -n 1
}

pg_free_port() {
  python3 - <<'PY' 2>/dev/null || echo $(( 20000 + RANDOM % 20000 ))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

pg_start() {
  local bin
  bin=$(pg_bindir)
  if [ -z "$bin" ]; then
    echo "PostgreSQL server binaries not found (install Debian's postgresql package)" >&2
    return 1
  fi
  PG_TMP=$(mktemp -d /tmp/renkei-pg.XXXXXX)
  PG_PORT=$(pg_free_port)
  local run=()
  if [ "$(id -u)" = "0" ]; then
    chown postgres:postgres "$PG_TMP"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_TMP/data" -U renkei --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 || {
    cat "$PG_TMP/initdb.log" >&2; return 1; }
  # fsync off: a throwaway test server trades durability for speed.
  "${run[@]}" "$bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null || {
    cat "$PG_TMP/server.log" >&2; return 1; }
  export PG_TMP PG_PORT PG_BIN="$bin"
  export RENKEI_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=renkei;Database=postgres;Pooling=true;Maximum Pool Size=50"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') started on 127.0.0.1:$PG_PORT ($PG_TMP)"
}

pg_stop() {
  if [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP/data" ]; then
    local run=()
    if [ "$(id -u)" = "0" ]; then run=(runuser -u postgres --); fi
    "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
  fi
}
