#!/usr/bin/env bash
# Two instances of the packaged service on one database; REQUESTS bookings fired at once, split
# across both, for a handful of contested slots (2 practitioners x 2 start times, 30-minute
# service, starts 15 minutes apart so neighbours overlap too, 12 patients). Then SQL checks that
# no practitioner and no patient has overlapping non-cancelled appointments, and that every 201
# is a row.
#   bench/race/run.sh [requests=240]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
requests=${1:-240}
db="clinic_bench_race_$$"
port_a=18184
port_b=18185
log_a=$(mktemp)
log_b=$(mktemp)
work=$(mktemp -d)

bench_require_postgres
bench_package
bench_create_db "$db"
pid_a=$(bench_start_service "$db" "$port_a" "$log_a")
cleanup() {
  kill "$pid_a" "${pid_b:-}" 2>/dev/null || true
  wait "$pid_a" "${pid_b:-}" 2>/dev/null || true
  bench_drop_db "$db"; rm -rf "$work" "$log_a" "$log_b"
}
trap cleanup EXIT
bench_wait_ready "$port_a"
pid_b=$(bench_start_service "$db" "$port_b" "$log_b")
bench_wait_ready "$port_b"

psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
insert into location (id, name, time_zone, province) values ('00000000-0000-7000-8000-00000000000a', 'Race', 'America/Vancouver', 'BC');
insert into clinic_service (id, name, modality, duration_minutes, price_cents, currency, billing_code)
values ('00000000-0000-7000-8000-00000000000b', 'IMS 30', 'IMS', 30, 9500, 'CAD', 'IMS-30');
create table race_practitioner as select n, gen_random_uuid() id from generate_series(0, 1) n;
insert into practitioner (id, first_name, last_name, discipline, registration_number, registration_body, province)
select id, 'Race', 'P' || n, 'PHYSIOTHERAPIST', 'R-' || n, 'Race college', 'BC' from race_practitioner;
insert into certification (id, practitioner_id, modality, issuing_body, credential_number, valid_from, status)
select gen_random_uuid(), id, 'IMS', 'iSTOP', 'C-' || n, date '2020-01-01', 'ACTIVE' from race_practitioner;
insert into schedule_entry (id, practitioner_id, location_id, day_of_week, start_time, end_time)
select gen_random_uuid(), p.id, '00000000-0000-7000-8000-00000000000a', d, time '08:00', time '18:00'
  from race_practitioner p, generate_series(1, 7) d;
create table race_patient as select n, gen_random_uuid() id from generate_series(0, 11) n;
insert into patient (id, first_name, last_name, date_of_birth) select id, 'Race', 'Patient' || n, date '1980-01-01' from race_patient;
SQL

# Request i: practitioner i % 2, start 10:00 or 10:15 two days from now, patient (i / 4) % 12.
psql -At -d "$db" -c "select json_build_object('patientId', pa.id, 'practitionerId', pr.id,
    'serviceId', '00000000-0000-7000-8000-00000000000b', 'locationId', '00000000-0000-7000-8000-00000000000a',
    'start', to_char((((current_date + 2)::timestamp + make_interval(mins => 600 + 15 * ((i / 2) % 2)))
                      at time zone 'America/Vancouver') at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))
    from generate_series(0, $requests - 1) i
    join race_practitioner pr on pr.n = i % 2 join race_patient pa on pa.n = (i / 4) % 12 order by i" >"$work/bodies.json"

echo "== $requests concurrent bookings across two instances (ports $port_a and $port_b)"
java "$here/RaceGen.java" "$(bench_token front-desk)" "$work/bodies.json" "$work/created.txt" \
  "http://127.0.0.1:$port_a/api/v1/appointments" "http://127.0.0.1:$port_b/api/v1/appointments"

overlaps() { # column
  psql -At -d "$db" -c "select count(*) from appointment a join appointment b on a.$1 = b.$1 and a.id < b.id
    and a.status <> 'CANCELLED' and b.status <> 'CANCELLED'
    and tstzrange(a.start_at, a.end_at, '[)') && tstzrange(b.start_at, b.end_at, '[)')"
}
rows=$(psql -At -d "$db" -c "select count(*) from appointment")
created=$(wc -l <"$work/created.txt")
missing=0
while read -r id; do
  [ -n "$id" ] || continue
  [ "$(psql -At -d "$db" -c "select count(*) from appointment where id = '$id'")" = 1 ] || missing=$((missing + 1))
done <"$work/created.txt"
echo
echo "== checks"
echo "appointments in the database: $rows; 201 answers: $created; 201s missing from the database: $missing"
echo "overlapping pairs, same practitioner: $(overlaps practitioner_id); same patient: $(overlaps patient_id)"
