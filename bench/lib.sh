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

# bench_start_api [ENV=VALUE ...]: starts a Release build (published at the first call) with the API's production
# runtime settings (scripts/runtime-env; the GC and JIT ones travel in the build) and the given ones, which may
# override them (DOTNET_gcServer=1).
bench_start_api() {
  [ -f "$bench_dir/app/Waitlist.dll" ] || dotnet publish Waitlist.csproj -c Release -o "$bench_dir/app" --nologo -v q >/dev/null
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

# wrk scenarios: `measure KEY LABEL URL [wrk args...]` runs a 3 s warm-up, then DURATION seconds (default 10) at
# CONNECTIONS (default 32), prints a row and keeps req/s and p99 in RPS[KEY] and P99[KEY].
declare -A RPS P99
row() { printf '%-40s %9s %9s %9s  %s\n' "$@"; }
measure() {
  local key=$1 label=$2 url=$3 out non2xx
  shift 3
  wrk -t1 -c"${CONNECTIONS:-32}" -d3s "$@" "$url" >/dev/null 2>&1
  out=$(wrk -t1 -c"${CONNECTIONS:-32}" -d"${DURATION:-10}s" --latency "$@" "$url" 2>&1)
  RPS[$key]=$(awk '/^Requests\/sec/ {printf "%d", $2}' <<<"$out")
  P99[$key]=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  row "$label" "${RPS[$key]}" "$(awk '$1 == "50%" {print $2}' <<<"$out")" "${P99[$key]}" "${non2xx:+non-2xx: $non2xx}"
}

# session_cookie BASE: signs up a new account on BASE (this API or the peer) and prints its session cookie.
session_cookie() {
  curl -s -D - -o /dev/null -H 'Content-Type: application/json' -H "Origin: $1" "$1/api/auth/sign-up/email" \
    -d "{\"name\":\"Carga\",\"email\":\"carga$RANDOM$RANDOM@example.com\",\"password\":\"una-contrasena-larga-y-segura\"}" \
    | grep -i '^set-cookie: [^=]*session_token=' | head -1 | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//'
}

# distinct_renders FROM TO: asks for previews FROM..TO of titles no earlier request used, four at a time.
distinct_renders() {
  seq "$1" "$2" | xargs -P 4 -I{} curl -s -o /dev/null "$BENCH_URL/api/og?title=Imagen%20distinta%20{}&subtitle=Prueba%20de%20memoria"
}
