#!/usr/bin/env bash
# Booking throughput of the packaged service vs. raw PostgreSQL inserts into the same table.
#  1. A fresh database, migrated by the service itself (prod profile, dev key, bench issuer).
#  2. Reference data in SQL: a location, an IMS service, PRACTITIONERS certified practitioners who
#     work 00:00-23:59 every day, patients, and more distinct bookable slots than either run can use.
#  3. The service: wrk (Debian package) with bench/booking/book.lua, CLIENTS connections in a closed
#     loop, each POSTing a distinct booking. Warm-up first, not measured: 20-second windows until
#     the JIT has settled (at least 120 s, and two windows in a row no more than 5 % above the best so far), at most
#     MAX_WARMUP seconds; on two shared cores a cold JVM needs minutes of load to compile its hot
#     path. Then ROUNDS rounds, each SECONDS of the service followed by
#  4. SECONDS of pgbench: inserts of the same shape into the same appointment table (its exclusion
#     constraints and certification trigger included), from CLIENTS connections.
#     Alternating the two cancels the drift of a shared machine; each round gives a ratio, and the
#     summary reports the median round and the worst p99. Beside the service's latencies it prints
#     pgbench's own p99, from its per-transaction log: how much of a tail this machine gives plain
#     inserts in the same minute.
# The service runs as a 2-core host should deploy it (README, "Deploying"): a fixed 1 GB heap,
# and 12 worker threads with 12 database connections (BENCH_THREADS, BENCH_DB_POOL override them).
#   bench/booking/run.sh [seconds=20] [clients=32] [practitioners=40] [max_warmup=300] [rounds=3]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
seconds=${1:-20}
clients=${2:-32}
practitioners=${3:-40}
max_warmup=${4:-300}
rounds=${5:-3}
window=20
per_second=3000                         # more bookings a second than the service can make here
pg_per_second=10000                     # more inserts a second than pgbench can make here
slots=$(( (rounds * seconds + max_warmup) * per_second ))
patients=20000                          # booking n has patient n % patients: never overlapping
db="clinic_bench_booking_$$"
port=18182
log=$(mktemp)
work=$(mktemp -d)
command -v pgbench >/dev/null || { echo "pgbench is missing (Debian: postgresql-contrib / postgresql-client)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)" >&2; exit 1; }

bench_throughput_up "$db" "$port" "$log"
cleanup() { bench_stop_service "$pid"; bench_drop_db "$db"; rm -rf "$work" "$log"; }
trap cleanup EXIT
bench_wait_ready "$port"

# The service books slots [0, $slots), pgbench the ones after.
bench_booking_fixture "$db" "$practitioners" "$patients" $((slots + rounds * seconds * pg_per_second))
psql -q -v ON_ERROR_STOP=1 -d "$db" -c "create sequence bench_next start with $slots"

token=$(bench_token front-desk)
next_slot=0
book() { # duration-seconds: books the next unused slots for that long
  local count=$(( $1 * per_second ))
  bench_booking_bodies "$db" "$next_slot" "$count" "$work/bodies.json"
  next_slot=$((next_slot + count))
  BODIES="$work/bodies.json" OFFSET=0 THREADS=2 wrk -t2 -c"$clients" -d"${1}s" --timeout 30s \
    -s "$here/book.lua" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/appointments"
}
echo "== service: warm-up in ${window} s windows (at most $max_warmup s), then $rounds rounds of ${seconds} s;" \
  "$clients clients, $practitioners practitioners"
best=0; flat=0; warmed=0
while [ $warmed -lt "$max_warmup" ] && { [ $warmed -lt $((6 * window)) ] || [ $flat -lt 2 ]; }; do
  book "$window" >"$work/warmup.txt"
  warmed=$((warmed + window))
  rps=$(awk '/^throughput/ {printf "%d", $2}' "$work/warmup.txt")
  [ $warmed -eq "$window" ] && { cold=$rps; cold_p99=$(awk '/^latency/ {print $6}' "$work/warmup.txt"); }
  if [ "$rps" -gt $((best * 105 / 100)) ]; then flat=0; else flat=$((flat + 1)); fi
  [ "$rps" -gt "$best" ] && best=$rps
  echo "warm-up ${warmed} s: $rps req/s, $(grep -E '^statuses' "$work/warmup.txt")"
done
echo "warm-up done after ${warmed} s"

cat >"$work/insert.sql" <<'PGB'
insert into appointment (id, patient_id, practitioner_id, service_id, location_id, start_at, end_at, local_date, status)
select gen_random_uuid(), s.patient_id, s.practitioner_id, '00000000-0000-7000-8000-00000000000b',
       '00000000-0000-7000-8000-00000000000a', s.start_at, s.start_at + interval '30 minutes', current_date, 'BOOKED'
  from bench_slot s where s.n = (select nextval('bench_next'));
PGB
count() { psql -At -d "$db" -c "select count(*) from appointment"; }
echo
printf '%-6s %12s %9s %9s %9s %12s %12s %12s %7s\n' round "booking/s" "p50 ms" "p99 ms" "max ms" "pgbench tps" \
  "pgbench p99" "rows ok" ratio
for r in $(seq 1 "$rounds"); do
  before=$(count)
  book "$seconds" >"$work/service-$r.txt"
  grep -q "WARNING" "$work/service-$r.txt" && grep WARNING "$work/service-$r.txt"
  created=$(awk '/^statuses/ { for (i = 2; i <= NF; i++) if ($i ~ /^201=/) { sub("201=", "", $i); print $i } }' "$work/service-$r.txt")
  others=$(awk '/^statuses/ { for (i = 2; i <= NF; i++) if ($i !~ /^201=/) print $i }' "$work/service-$r.txt" | tr '\n' ' ')
  sleep 1; booked=$(( $(count) - before ))
  before=$(count)
  pgbench -n -d "$db" -c "$clients" -j 2 -T "$seconds" -f "$work/insert.sql" -l --log-prefix="$work/pgb-$r" \
    >"$work/pgbench-$r.txt" 2>&1
  # pgbench's own tail, from its per-transaction log (third field: latency in microseconds): what
  # the machine does to plain inserts in the same seconds, beside the service's p99
  pg_p99=$(cat "$work"/pgb-"$r".* | awk '{print $3 / 1000}' | sort -n | awk '{a[NR] = $1} END {printf "%.2f", a[int(NR * 0.99)]}')
  inserted=$(( $(count) - before ))
  processed=$(awk '/number of transactions actually processed/ {print $NF}' "$work/pgbench-$r.txt")
  rps=$(awk '/^throughput/ {print $2}' "$work/service-$r.txt")
  tps=$(awk '/^tps/ {print $3; exit}' "$work/pgbench-$r.txt")
  ratio=$(echo "$rps / $tps" | bc -l)
  # rows ok: every 201 is a row (in-flight requests at the end may add up to CLIENTS more), and
  # every pgbench transaction inserted its row
  ok=$([ "$booked" -ge "${created:-0}" ] && [ "$booked" -le $(( ${created:-0} + clients )) ] \
        && [ "$inserted" = "$processed" ] && echo yes || echo NO)
  [ "$ok" = yes ] || others="$others(201s $created, rows $booked; pgbench transactions $processed, rows $inserted)"
  printf '%-6s %12s %9s %9s %9s %12.1f %12s %12s %7.2f %s\n' "$r" "$rps" \
    "$(awk '/^latency/ {print $3}' "$work/service-$r.txt")" "$(awk '/^latency/ {print $6}' "$work/service-$r.txt")" \
    "$(awk '/^latency/ {print $9}' "$work/service-$r.txt")" "$tps" "$pg_p99" "$ok" "$ratio" "$others"
  echo "$ratio $rps $tps $(awk '/^latency/ {print $6}' "$work/service-$r.txt")" >>"$work/rounds.txt"
done

echo
echo "== summary"
sort -n "$work/rounds.txt" | awk -v n="$rounds" '
  { ratio[NR] = $1; rps[NR] = $2; tps[NR] = $3; p99 = ($4 > p99 ? $4 : p99) }
  END { m = int((n + 1) / 2);
        printf "median round: booking %.1f req/s vs pgbench %.1f tps, ratio %.2f; worst p99 of the rounds %.2f ms\n",
               rps[m], tps[m], ratio[m], p99 }'
# Time to warm: what a fresh instance books in its first 20 s of load against the warm rate of the
# same run (the median round), so every deploy and every scaled-out instance knows what it pays.
warm=$(sort -n -k2 "$work/rounds.txt" | awk -v n="$rounds" '{r[NR] = $2} END {print r[int((n + 1) / 2)]}')
printf 'cold start: first %d s of load %s req/s (p99 %s ms), warm %s req/s: cold/warm %.2f (java: %s %s)\n' \
  "$window" "$cold" "$cold_p99" "$warm" "$(echo "$cold / $warm" | bc -l)" "${BENCH_JAVA:-java}" "${BENCH_JAVA_OPTS:-}"
