# Sourced by bench scripts: a throwaway PostgreSQL and a Release build of the API on 127.0.0.1:$BENCH_PORT.
# Everything lives under a directory of its own, so that benchmarks of several checkouts can run on one machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/postgres.sh
WITH_BENCH_TOOLS=1 scripts/install-deps

BENCH_PORT=${BENCH_PORT:-$(free_port)}
BENCH_URL="http://127.0.0.1:$BENCH_PORT"
bench_dir=$(mktemp -d /tmp/waitlist-bench.XXXXXX)
chmod 755 "$bench_dir" # the cluster's own user must reach its data directory inside
bench_pg=$(pg_start "$bench_dir/pg" "$(free_port)")
bench_pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$bench_pg")
api_pid=""
bench_cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  pg_stop "$bench_dir/pg"; rm -rf "$bench_dir"
}
trap bench_cleanup EXIT

# bench_start_api [ENV=VALUE ...]: publishes a Release build and starts it with the API's production runtime
# settings (scripts/runtime-env) and the given ones.
bench_start_api() {
  dotnet publish Waitlist.csproj -c Release -o "$bench_dir/app" --nologo -v q >/dev/null
  (
    source scripts/runtime-env
    exec env ConnectionStrings__Postgres="$bench_pg" ASPNETCORE_ENVIRONMENT=Production \
      BETTER_AUTH_URL="$BENCH_URL" BETTER_AUTH_SECRET=bench-secret-bench-secret-bench-secret-00 CRON_SECRET=bench-cron-secret \
      Logging__LogLevel__Default=Warning EmailOutbox__PollSeconds=0 "$@" \
      dotnet "$bench_dir/app/Waitlist.dll" --urls "$BENCH_URL"
  ) >>"$bench_dir/api.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "$BENCH_URL/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "bench: the API did not start:" >&2
  tail -20 "$bench_dir/api.log" >&2
  exit 1
}

bench_psql() {
  pg_as_owner "$(pg_bin)/psql" "host=127.0.0.1 port=$bench_pg_port user=postgres dbname=${2:-postgres}" -tAc "$1"
}

# rss_kb: resident memory of the API process, in KiB.
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$api_pid/status"; }

# bench_machine: one line naming the machine and how busy it is, for the top of every benchmark's output.
bench_machine() {
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/^model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | sed 's/^ *//'), $(free -g | awk '/^Mem:/ {print $2}') GB"
  echo "uptime:$(uptime)"
}
