#!/usr/bin/env bash
# Booking throughput of the packaged service vs. raw PostgreSQL inserts into the same table.
#  1. A fresh database, migrated by the service itself (prod profile, dev key, bench issuer).
#  2. Reference data in SQL: a location, an IMS service, PRACTITIONERS certified practitioners who
#     work 00:00-23:59 every day, and one patient per booking.
#  3. The service: BOOKINGS distinct bookings (distinct practitioner slots and patients) from
#     CLIENTS concurrent clients (bench/booking/LoadGen.java, a JDK-only load generator).
#  4. pgbench: the same number of inserts of the same shape into the same appointment table (its
#     exclusion constraints and certification trigger included), from CLIENTS connections.
#   bench/booking/run.sh [bookings=6000] [clients=32] [practitioners=40]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
bookings=${1:-6000}
clients=${2:-32}
practitioners=${3:-40}
warmup=$((bookings / 6))
db="clinic_bench_booking_$$"
port=18182
log=$(mktemp)
work=$(mktemp -d)
command -v pgbench >/dev/null || { echo "pgbench is missing (Debian: postgresql-contrib / postgresql-client)" >&2; exit 1; }

bench_require_postgres
bench_package
bench_create_db "$db"
pid=$(bench_start_service "$db" "$port" "$log" -Xmx1g ${BENCH_JAVA_OPTS:-})
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; bench_drop_db "$db"; rm -rf "$work" "$log"; }
trap cleanup EXIT
bench_wait_ready "$port"

total=$((bookings * 2))   # patients and slots for the service run and for the pgbench run
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
insert into bench_patient select n, gen_random_uuid() from generate_series(0, $total - 1) n;
insert into patient (id, first_name, last_name, date_of_birth)
select id, 'Bench', 'Patient' || n, date '1980-01-01' from bench_patient;
-- Booking n: practitioner n % P, slot n / P on a 30-minute grid of 46 slots a day from the day after tomorrow.
create table bench_slot as
select g.n, pr.id as practitioner_id, pa.id as patient_id,
       ((current_date + 2 + (g.n / $practitioners) / 46)::timestamp
         + make_interval(mins => 30 * ((g.n / $practitioners) % 46))) at time zone 'America/Vancouver' as start_at
  from generate_series(0, $total - 1) g(n)
  join bench_practitioner pr on pr.n = g.n % $practitioners
  join bench_patient pa on pa.n = g.n;
create unique index on bench_slot (n);
create sequence bench_next start with $bookings;
analyze;
SQL

psql -At -d "$db" -c "select json_build_object('patientId', patient_id, 'practitionerId', practitioner_id,
    'serviceId', '00000000-0000-7000-8000-00000000000b', 'locationId', '00000000-0000-7000-8000-00000000000a',
    'start', to_char(start_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))
    from bench_slot where n < $bookings order by n" >"$work/bodies.json"

echo "== service: $bookings bookings ($warmup warm-up), $clients clients, $practitioners practitioners"
java "$here/LoadGen.java" "http://127.0.0.1:$port/api/v1/appointments" "$(bench_token front-desk)" \
  "$work/bodies.json" "$clients" "$warmup" | tee "$work/service.txt"
booked=$(psql -At -d "$db" -c "select count(*) from appointment")
echo "appointments in the database: $booked"

cat >"$work/insert.sql" <<'PGB'
insert into appointment (id, patient_id, practitioner_id, service_id, location_id, start_at, end_at, local_date, status)
select gen_random_uuid(), s.patient_id, s.practitioner_id, '00000000-0000-7000-8000-00000000000b',
       '00000000-0000-7000-8000-00000000000a', s.start_at, s.start_at + interval '30 minutes', current_date, 'BOOKED'
  from bench_slot s where s.n = (select nextval('bench_next'));
PGB
echo
echo "== pgbench: $bookings inserts into appointment, $clients connections"
per_client=$((bookings / clients))
pgbench -n -d "$db" -c "$clients" -j 2 -t "$per_client" -f "$work/insert.sql" 2>&1 | tee "$work/pgbench.txt" \
  | grep -E "number of transactions actually processed|latency average|tps"

rps=$(awk '/^throughput/ {print $2}' "$work/service.txt")
p50=$(awk '/^latency/ {print $3}' "$work/service.txt")
p99=$(awk '/^latency/ {print $6}' "$work/service.txt")
tps=$(awk '/^tps/ {print $3; exit}' "$work/pgbench.txt")
echo
echo "== summary"
printf 'booking: %s req/s, p50 %s ms, p99 %s ms; pgbench: %s tps; ratio booking/pgbench: %.2f\n' \
  "$rps" "$p50" "$p99" "$tps" "$(echo "$rps / $tps" | bc -l)"
