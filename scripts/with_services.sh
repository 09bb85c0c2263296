#!/usr/bin/env bash
# Runs a command next to a throwaway PostgreSQL 15 cluster and Redis server, then removes both
# (also when the command fails or is interrupted). Both listen only on Unix sockets in a fresh
# temporary folder, so parallel runs and other servers on the machine never collide.
#
#   scripts/with_services.sh COMMAND...    (make test-services uses it)
#
# The command gets POSTGRES_URL (a DATABASE_URL for the cluster) and REDIS_URL in its environment.
# Installs Debian's postgresql-15 and redis-server first when missing and the user is root.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "with_services.sh: $1 is missing and this user cannot install it (apt-get install $1)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
}
[ -x "$PG_BIN/initdb" ] || apt_install postgresql-15
command -v redis-server >/dev/null 2>&1 || apt_install redis-server

work=$(mktemp -d /tmp/fg-services.XXXXXX)
chmod 755 "$work"
as_owner=()
if [ "$(id -u)" = 0 ]; then
  # initdb and postgres refuse to run as root: the cluster belongs to the postgres user.
  chown postgres "$work"
  as_owner=(runuser -u postgres --)
fi

cleanup() {
  status=$?
  "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  if [ -f "$work/redis.pid" ]; then kill "$(cat "$work/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT INT TERM

"${as_owner[@]}" "$PG_BIN/initdb" -D "$work/pg" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb.log" \
  || { cat "$work/initdb.log" >&2; exit 1; }
# No TCP at all (listen_addresses empty); durability off: this cluster lives for one test run.
"${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -t 30 \
  -o "-k $work -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
  || { cat "$work/pg/server.log" >&2; exit 1; }
"$PG_BIN/createdb" -h "$work" -U postgres freelanceguide

redis-server --port 0 --unixsocket "$work/redis.sock" --unixsocketperm 700 --save '' --appendonly no \
  --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log" --dir "$work"
for _ in $(seq 50); do [ -S "$work/redis.sock" ] && break; sleep 0.1; done
[ -S "$work/redis.sock" ] || { cat "$work/redis.log" >&2; exit 1; }

export POSTGRES_URL="postgres://postgres@${work//\//%2F}/freelanceguide"
export REDIS_URL="unix://$work/redis.sock"
echo "with_services.sh: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') and Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) in $work"
"$@"
