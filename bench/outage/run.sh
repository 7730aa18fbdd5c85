#!/usr/bin/env bash
# Stops PostgreSQL for OUTAGE seconds in the middle of a steady booking load and starts it again.
# Reports, before / during / after the outage: answers by status, the slowest answer while the
# database was down, readiness while down, whether every 201 is in the database, and whether a
# webhook subscription (bench/events/Receiver.java) received every booking across the outage.
# It stops the machine's PostgreSQL cluster: run it on a development machine, not a shared server.
#   bench/outage/run.sh [outage_seconds=10]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
outage=${1:-10}
db="clinic_bench_outage_$$"
port=18186
log=$(mktemp)
work=$(mktemp -d)
cluster="$(ls /etc/postgresql | sort -V | tail -n 1) main"

bench_require_postgres
bench_package
bench_create_db "$db"
pid=$(CLINIC_WEBHOOKS_ALLOW_INSECURE_TARGETS=true bench_start_service "$db" "$port" "$log")
java "$here/../events/Receiver.java" 18196 "$work/hooks.txt" & receiver=$!
cleanup() {
  kill "$receiver" 2>/dev/null || true
  pg_isready -q || pg_ctlcluster --skip-systemctl-redirect $cluster start || true
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  bench_drop_db "$db"; rm -rf "$work" "$log"
}
trap cleanup EXIT
bench_wait_ready "$port"

psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
insert into location (id, name, time_zone, province) values ('00000000-0000-7000-8000-00000000000a', 'Outage', 'America/Vancouver', 'BC');
insert into clinic_service (id, name, modality, duration_minutes, price_cents, currency, billing_code)
values ('00000000-0000-7000-8000-00000000000b', 'Assessment 30', null, 30, 9500, 'CAD', 'A-30');
create table o_practitioner as select n, gen_random_uuid() id from generate_series(0, 19) n;
insert into practitioner (id, first_name, last_name, discipline, registration_number, registration_body, province)
select id, 'Outage', 'P' || n, 'PHYSIOTHERAPIST', 'O-' || n, 'Outage college', 'BC' from o_practitioner;
insert into schedule_entry (id, practitioner_id, location_id, day_of_week, start_time, end_time)
select gen_random_uuid(), p.id, '00000000-0000-7000-8000-00000000000a', d, time '00:00', time '23:59'
  from o_practitioner p, generate_series(1, 7) d;
create table o_patient as select n, gen_random_uuid() id from generate_series(0, 19999) n;
insert into patient (id, first_name, last_name, date_of_birth) select id, 'Outage', 'Patient' || n, date '1980-01-01' from o_patient;
SQL
psql -At -d "$db" -c "select json_build_object('patientId', pa.id, 'practitionerId', pr.id,
    'serviceId', '00000000-0000-7000-8000-00000000000b', 'locationId', '00000000-0000-7000-8000-00000000000a',
    'start', to_char((((current_date + 2 + (i / 20) / 46)::timestamp + make_interval(mins => 30 * ((i / 20) % 46)))
                      at time zone 'America/Vancouver') at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))
    from generate_series(0, 19999) i join o_practitioner pr on pr.n = i % 20 join o_patient pa on pa.n = i order by i" \
  >"$work/bodies.json"

curl -sf -o /dev/null -H "Authorization: Bearer $(bench_token admin)" -H 'Content-Type: application/json' \
  -d '{"url": "http://127.0.0.1:18196/hook", "types": ["appointment.booked"]}' \
  "http://127.0.0.1:$port/api/v1/webhook-subscriptions"
duration=$((outage + 25))
echo "== steady load for ${duration}s (8 clients); PostgreSQL stopped from t=10s for ${outage}s"
java "$here/SteadyLoad.java" "http://127.0.0.1:$port/api/v1/appointments" "$(bench_token front-desk)" \
  "$work/bodies.json" "$work/results.csv" "$duration" 8 20 &
load=$!
sleep 10
down_at=$(date +%s%3N)
pg_ctlcluster --skip-systemctl-redirect $cluster stop -m fast
sleep 2
ready_status=$(curl -s -o "$work/ready.json" -w '%{http_code}' "http://127.0.0.1:$(bench_management_port "$port")/q/health/ready" || true)
ready_state=$(grep -o '"status": *"[A-Z]*"' "$work/ready.json" | head -n 1 || true)
sleep $((outage - 2))
pg_ctlcluster --skip-systemctl-redirect $cluster start
up_at=$(date +%s%3N)
wait "$load"
for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done

echo
echo "== answers (status [code]: count) by phase"
awk -F, -v down="$down_at" -v up="$up_at" '
  { phase = ($1 < down) ? "1 before" : ($1 < up ? "2 during" : "3 after");
    key = phase " " $2 ($5 != "-" ? " " $5 : ""); n[key]++;
    if (phase == "2 during" && $3 > slow) slow = $3;
    if ($2 >= 500 && $2 != 503) other5xx++ }
  END { for (k in n) print k ": " n[k]; print "slowest answer while down: " slow " ms"; print "5xx other than 503: " other5xx + 0 }' \
  "$work/results.csv" | sort
echo "readiness 2 s into the outage: HTTP $ready_status $ready_state"
awk -F, '$2 == 201 {print $4}' "$work/results.csv" >"$work/created.txt"
total=$(grep -c . "$work/created.txt" || true)
present=$(psql -At -v ON_ERROR_STOP=1 -d "$db" <<SQL | tail -n 1
create temp table created (id uuid);
\copy created from '$work/created.txt'
select count(*) from created join appointment using (id);
SQL
)
echo "201 answers: $total; of them in the database: $present"
for _ in $(seq 1 60); do
  delivered=$(awk '{print $3}' "$work/hooks.txt" | sort -u | grep -cxFf "$work/created.txt" || true)
  [ "$delivered" -ge "$total" ] && break; sleep 1
done
echo "webhook deliveries: $(grep -c . "$work/hooks.txt" || true) received, $delivered of the $total bookings"
unexpected=$(grep -o 'Unexpected error ([A-Za-z]*)' "$log" | sort | uniq -c || true)
if [ -n "$unexpected" ]; then
  echo "service log, unexpected errors: $unexpected"
  grep -A80 'Unexpected error' "$log" | grep -E '^Caused by|Unexpected error' | sort | uniq -c | head -n 12
fi
last_ok=$(awk -F, -v up="$up_at" '$1 >= up && $2 == 201 {print $1 - up; exit}' <(sort -t, -k1,1n "$work/results.csv"))
echo "first 201 after PostgreSQL came back: ${last_ok:-none} ms after restart"
