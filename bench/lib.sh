# Sourced by bench scripts: a throwaway PostgreSQL and a Release build of the API on 127.0.0.1:$BENCH_PORT.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/postgres.sh
WITH_BENCH_TOOLS=1 scripts/install-deps

BENCH_PORT=${BENCH_PORT:-4100}
BENCH_URL="http://127.0.0.1:$BENCH_PORT"
bench_data=$(mktemp -d /tmp/waitlist-bench-pg.XXXXXX)
# The build and its log in a directory of this run's own: another engineer's benchmark may run at the same time.
bench_app=$(mktemp -d /tmp/waitlist-bench-app.XXXXXX)
bench_pg=$(pg_start "$bench_data" "$(free_port)")
api_pid=""
bench_cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  pg_stop "$bench_data"; rm -rf "$bench_data" "$bench_app"
}
trap bench_cleanup EXIT

# bench_start_api [ENV=VALUE ...]: publishes a Release build and starts it with the given settings.
bench_start_api() {
  dotnet publish Waitlist.csproj -c Release -o "$bench_app" --nologo -v q >/dev/null
  env ConnectionStrings__Postgres="$bench_pg" ASPNETCORE_ENVIRONMENT=Production \
    BETTER_AUTH_SECRET=bench-secret-bench-secret-bench-secret-00 CRON_SECRET=bench-cron-secret \
    Logging__LogLevel__Default=Warning EmailOutbox__PollSeconds=0 "$@" \
    dotnet "$bench_app/Waitlist.dll" --urls "$BENCH_URL" >>"$bench_app/api.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "$BENCH_URL/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "bench: the API did not start:" >&2; cat "$bench_app/api.log" >&2
  exit 1
}

bench_psql() {
  pg_as_owner "$(pg_bin)/psql" "host=127.0.0.1 port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$bench_pg") user=postgres dbname=postgres" -tAc "$1"
}

# rss_kb: resident memory of the API process, in KiB.
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$api_pid/status"; }
