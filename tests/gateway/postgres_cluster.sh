#!/usr/bin/env bash
# Starts or stops the throwaway PostgreSQL cluster that the gateway tests run against.
#
#   postgres_cluster.sh start STATE   initdb + pg_ctl start in a fresh /tmp folder, as an
#                                     unprivileged user (postgres refuses to run as root, and CI
#                                     runs as root), on 127.0.0.1 and a random free port; writes
#                                     the connection URL to STATE and the folder to STATE.dir
#   postgres_cluster.sh stop STATE    stops it and removes the folder (safe to call twice)
#
# ctest runs `start` once as a FIXTURES_SETUP and `stop` as the FIXTURES_CLEANUP, which ctest
# runs even when tests fail. fsync is off: these tests check behaviour, not power-cut durability,
# and a cluster that syncs costs seconds per test on a slow disk.
set -euo pipefail

command=${1:?start or stop}
state=${2:?state file}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "postgres_cluster: no PostgreSQL server found under /usr/lib/postgresql" \
       "(scripts/install-deps.sh installs the postgresql package)" >&2
  exit 1
fi

# As root, run the server as `nobody`; otherwise as ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u nobody -- env HOME="$dir" "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  [ -f "$state.dir" ] || return 0
  dir=$(cat "$state.dir")
  if [ -d "$dir/data" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  rm -f "$state" "$state.dir"
}

case "$command" in
  stop)
    stop_cluster
    ;;
  start)
    stop_cluster # a cluster left by an interrupted run
    dir=$(mktemp -d /tmp/kiosk-pg-XXXXXX)
    echo "$dir" > "$state.dir"
    trap 'stop_cluster' ERR
    password=$(openssl rand -hex 16)
    printf '%s\n' "$password" > "$dir/password"
    chmod 600 "$dir/password"
    if [ "$(id -u)" -eq 0 ]; then chown -R nobody "$dir"; fi
    as_owner "$bindir/initdb" -D "$dir/data" -U kiosk --pwfile="$dir/password" \
      --auth=scram-sha-256 -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2
      false
    }
    rm -f "$dir/password"
    started=""
    for _ in 1 2 3 4 5 6 7 8; do
      port=$((20000 + RANDOM % 40000))
      if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
           -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir \
               -c fsync=off -c full_page_writes=off -c synchronous_commit=off \
               -c max_connections=60" start >/dev/null 2>&1; then
        started=yes
        break
      fi # most likely the port was taken: try another
    done
    if [ -z "$started" ]; then
      echo "postgres_cluster: the server did not start; its log:" >&2
      cat "$dir/server.log" >&2 || true
      false
    fi
    printf 'postgresql://kiosk:%s@127.0.0.1:%s/postgres\n' "$password" "$port" > "$state"
    echo "postgres_cluster: running on 127.0.0.1:$port in $dir"
    ;;
  *)
    echo "usage: $0 start|stop STATE" >&2
    exit 2
    ;;
esac
