#!/usr/bin/env bash
# Booking throughput of the packaged service vs. raw PostgreSQL inserts into the same table.
#  1. A fresh database, migrated by the service itself (prod profile, dev key, bench issuer).
#  2. Reference data in SQL: a location, an IMS service, PRACTITIONERS certified practitioners who
#     work 00:00-23:59 every day, patients, and more distinct bookable slots than either run can use.
#  3. The service: wrk (Debian package) with bench/booking/book.lua, CLIENTS connections in a closed
#     loop, each POSTing a distinct booking. Warm-up first, not measured: 20-second windows until
#     the JIT has settled (two windows in a row no more than 5 % above the best so far), at most
#     MAX_WARMUP seconds; on two shared cores a cold JVM needs minutes of load to compile its hot
#     path. Then SECONDS measured.
#  4. pgbench: SECONDS of inserts of the same shape into the same appointment table (its exclusion
#     constraints and certification trigger included), from CLIENTS connections.
#   bench/booking/run.sh [seconds=30] [clients=32] [practitioners=40] [max_warmup=300]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
seconds=${1:-30}
clients=${2:-32}
practitioners=${3:-40}
max_warmup=${4:-300}
window=20
per_second=3000                         # more bookings a second than either side can make here
slots=$(( (seconds + max_warmup) * per_second ))
patients=20000                          # booking n has patient n % patients: never overlapping
db="clinic_bench_booking_$$"
port=18182
log=$(mktemp)
work=$(mktemp -d)
command -v pgbench >/dev/null || { echo "pgbench is missing (Debian: postgresql-contrib / postgresql-client)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)" >&2; exit 1; }

bench_require_postgres
bench_package
bench_create_db "$db"
pid=$(bench_start_service "$db" "$port" "$log" -Xmx1g ${BENCH_JAVA_OPTS:-})
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; bench_drop_db "$db"; rm -rf "$work" "$log"; }
trap cleanup EXIT
bench_wait_ready "$port"

psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
insert into location (id, name, time_zone, province) values ('00000000-0000-7000-8000-00000000000a', 'Bench', 'America/Vancouver', 'BC');
insert into clinic_service (id, name, modality, duration_minutes, price_cents, currency, billing_code)
values ('00000000-0000-7000-8000-00000000000b', 'IMS 30', 'IMS', 30, 9500, 'CAD', 'IMS-30');
create table bench_practitioner (n int primary key, id uuid not null);
insert into bench_practitioner select n, gen_random_uuid() from generate_series(0, $practitioners - 1) n;
insert into practitioner (id, first_name, last_name, discipline, registration_number, registration_body, province)
select id, 'Bench', 'P' || n, 'PHYSIOTHERAPIST', 'B-' || n, 'Bench college', 'BC' from bench_practitioner;
insert into certification (id, practitioner_id, modality, issuing_body, credential_number, valid_from, status)
select gen_random_uuid(), id, 'IMS', 'iSTOP', 'C-' || n, date '2020-01-01', 'ACTIVE' from bench_practitioner;
insert into schedule_entry (id, practitioner_id, location_id, day_of_week, start_time, end_time)
select gen_random_uuid(), p.id, '00000000-0000-7000-8000-00000000000a', d, time '00:00', time '23:59'
  from bench_practitioner p, generate_series(1, 7) d;
create table bench_patient (n int primary key, id uuid not null);
insert into bench_patient select n, gen_random_uuid() from generate_series(0, $patients - 1) n;
insert into patient (id, first_name, last_name, date_of_birth)
select id, 'Bench', 'Patient' || n, date '1980-01-01' from bench_patient;
-- Slot n: practitioner n % P, patient n % $patients, the (n / P)th slot of a 30-minute grid of 40
-- slots a day from 03:00 local (after any daylight-saving change, so no two slots share an instant),
-- from the day after tomorrow. The service books slots [0, $slots), pgbench the ones after.
create table bench_slot as
select g.n, pr.id as practitioner_id, pa.id as patient_id,
       ((current_date + 2 + (g.n / $practitioners) / 40)::timestamp + time '03:00'
         + make_interval(mins => 30 * ((g.n / $practitioners) % 40))) at time zone 'America/Vancouver' as start_at
  from generate_series(0, $slots + $seconds * $per_second - 1) g(n)
  join bench_practitioner pr on pr.n = g.n % $practitioners
  join bench_patient pa on pa.n = g.n % $patients;
create unique index on bench_slot (n);
create sequence bench_next start with $slots;
analyze;
SQL

token=$(bench_token front-desk)
next_slot=0
book() { # duration-seconds: books the next unused slots for that long
  local count=$(( $1 * per_second ))
  psql -At -d "$db" -c "select json_build_object('patientId', patient_id, 'practitionerId', practitioner_id,
      'serviceId', '00000000-0000-7000-8000-00000000000b', 'locationId', '00000000-0000-7000-8000-00000000000a',
      'start', to_char(start_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))
      from bench_slot where n >= $next_slot and n < $((next_slot + count)) order by n" >"$work/bodies.json"
  next_slot=$((next_slot + count))
  BODIES="$work/bodies.json" OFFSET=0 THREADS=2 wrk -t2 -c"$clients" -d"${1}s" --timeout 30s \
    -s "$here/book.lua" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/appointments"
}
echo "== service: warm-up in ${window} s windows (at most $max_warmup s), then ${seconds} s measured;" \
  "$clients clients, $practitioners practitioners"
best=0; flat=0; warmed=0
while [ $warmed -lt "$max_warmup" ] && { [ $warmed -lt $((3 * window)) ] || [ $flat -lt 2 ]; }; do
  book "$window" >"$work/warmup.txt"
  warmed=$((warmed + window))
  rps=$(awk '/^throughput/ {printf "%d", $2}' "$work/warmup.txt")
  if [ "$rps" -gt $((best * 105 / 100)) ]; then flat=0; else flat=$((flat + 1)); fi
  [ "$rps" -gt "$best" ] && best=$rps
  echo "warm-up ${warmed} s: $rps req/s, $(grep -E '^statuses' "$work/warmup.txt")"
done
warm=$(psql -At -d "$db" -c "select count(*) from appointment")
echo "warm-up done after ${warmed} s ($warm appointments)"
book "$seconds" | tee "$work/service.txt" | grep -E '^(requests|throughput|latency|statuses|socket|WARNING)'
booked=$(psql -At -d "$db" -c "select count(*) from appointment")
created=$(awk '/^statuses/ { for (i = 2; i <= NF; i++) if ($i ~ /^201=/) { sub("201=", "", $i); print $i } }' "$work/service.txt")
echo "appointments in the database: $booked ($warm from the warm-up, ${created:-0} answered 201 in the measured run)"

cat >"$work/insert.sql" <<'PGB'
insert into appointment (id, patient_id, practitioner_id, service_id, location_id, start_at, end_at, local_date, status)
select gen_random_uuid(), s.patient_id, s.practitioner_id, '00000000-0000-7000-8000-00000000000b',
       '00000000-0000-7000-8000-00000000000a', s.start_at, s.start_at + interval '30 minutes', current_date, 'BOOKED'
  from bench_slot s where s.n = (select nextval('bench_next'));
PGB
echo
echo "== pgbench: ${seconds} s of inserts into appointment, $clients connections"
before=$(psql -At -d "$db" -c "select count(*) from appointment")
pgbench -n -d "$db" -c "$clients" -j 2 -T "$seconds" -f "$work/insert.sql" 2>&1 | tee "$work/pgbench.txt" \
  | grep -E "number of transactions actually processed|latency average|tps"
inserted=$(( $(psql -At -d "$db" -c "select count(*) from appointment") - before ))
echo "rows inserted by pgbench: $inserted"

rps=$(awk '/^throughput/ {print $2}' "$work/service.txt")
p50=$(awk '/^latency/ {print $3}' "$work/service.txt")
p99=$(awk '/^latency/ {print $6}' "$work/service.txt")
tps=$(awk '/^tps/ {print $3; exit}' "$work/pgbench.txt")
echo
echo "== summary"
printf 'booking: %s req/s, p50 %s ms, p99 %s ms; pgbench: %.1f tps; ratio booking/pgbench: %.2f\n' \
  "$rps" "$p50" "$p99" "$tps" "$(echo "$rps / $tps" | bc -l)"
