#!/usr/bin/env bash
# Exports CLAIMS claims as CSV and as a FHIR Bundle from the packaged service running with a
# small heap (-Xmx HEAP), sampling the service's used heap with jstat while it streams.
# A flat heap (well under the size of the export) shows the rows are streamed, not collected.
#   bench/claims-export/run.sh [claims=100000] [heap=96m]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
claims=${1:-100000}
heap=${2:-96m}
db="clinic_bench_export_$$"
port=18183
log=$(mktemp)
work=$(mktemp -d)

bench_require_postgres
bench_package
bench_create_db "$db"
pid=$(bench_start_service "$db" "$port" "$log" "-Xmx$heap" -XX:+UseSerialGC)
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; bench_drop_db "$db"; rm -rf "$work" "$log"; }
trap cleanup EXIT
bench_wait_ready "$port"

echo "Generating $claims signed visits with claims..."
practitioners=100
psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
insert into location (id, name, time_zone, province) values ('00000000-0000-7000-8000-00000000000a', 'Bench', 'America/Vancouver', 'BC');
insert into insurer (id, name, code) values ('00000000-0000-7000-8000-00000000000c', 'Bench Insurance', 'BENCH');
insert into clinic_service (id, name, modality, duration_minutes, price_cents, currency, billing_code)
values ('00000000-0000-7000-8000-00000000000b', 'IMS 30', 'IMS', 30, 9500, 'CAD', 'IMS-30');
create temp table pr as select n, gen_random_uuid() id from generate_series(0, $practitioners - 1) n;
insert into practitioner (id, first_name, last_name, discipline, registration_number, registration_body, province)
select id, 'Bench', 'P' || n, 'PHYSIOTHERAPIST', 'B-' || n, 'Bench college', 'BC' from pr;
insert into certification (id, practitioner_id, modality, issuing_body, credential_number, valid_from, status)
select gen_random_uuid(), id, 'IMS', 'iSTOP', 'C-' || n, date '2020-01-01', 'ACTIVE' from pr;
create temp table v as
select g.n, gen_random_uuid() patient, gen_random_uuid() coverage, gen_random_uuid() appointment, gen_random_uuid() note,
       pr.id practitioner,
       ((date '2026-01-01' + (g.n / $practitioners) / 20)::timestamp + make_interval(mins => 30 * ((g.n / $practitioners) % 20)))
         at time zone 'America/Vancouver' as start_at
  from generate_series(0, $claims - 1) g(n) join pr on pr.n = g.n % $practitioners;
insert into patient (id, first_name, last_name, date_of_birth) select patient, 'Pat' || n, 'Bench, "Quoted"', date '1980-01-01' from v;
insert into coverage (id, patient_id, insurer_id, policy_number, member_id, relationship, valid_from)
select coverage, patient, '00000000-0000-7000-8000-00000000000c', 'POL-' || n, 'M-' || n, 'SELF', date '2020-01-01' from v;
insert into appointment (id, patient_id, practitioner_id, service_id, location_id, start_at, end_at, local_date, status)
select appointment, patient, practitioner, '00000000-0000-7000-8000-00000000000b', '00000000-0000-7000-8000-00000000000a',
       start_at, start_at + interval '30 minutes', date '2026-01-01', 'COMPLETED' from v;
insert into treatment_note (id, appointment_id, patient_id, practitioner_id, status, signed_at, signed_by)
select note, appointment, patient, practitioner, 'SIGNED', now(), practitioner from v;
insert into claim (id, note_id, appointment_id, patient_id, coverage_id, insurer_id, status, service_date,
                   patient_first_name, patient_last_name, patient_date_of_birth, policy_number, member_id, relationship,
                   practitioner_name, practitioner_discipline, practitioner_registration_number, practitioner_province,
                   service_name, billing_code, modality, amount_cents, currency, created_at,
                   practitioner_registration_body, location_name, location_province, insurer_code)
select gen_random_uuid(), note, appointment, patient, coverage, '00000000-0000-7000-8000-00000000000c', 'SUBMITTED',
       (start_at at time zone 'America/Vancouver')::date, 'Pat' || n, 'Bench, "Quoted"', date '1980-01-01', 'POL-' || n,
       'M-' || n, 'SELF', 'Chan Gunn', 'PHYSIOTHERAPIST', 'B-' || (n % $practitioners), 'BC', 'IMS 30', 'IMS-30', 'IMS',
       9500, 'CAD', now(), 'College of Physical Therapists of BC', 'Bench', 'BC', 'BENCH' from v;
analyze;
SQL
echo "Claims: $(psql -At -d "$db" -c 'select count(*) from claim')"
token=$(bench_token insurer --insurer 00000000-0000-7000-8000-00000000000c)

# Used heap (KiB) of the service: S0U + S1U + EU + OU from jstat, sampled every 100 ms.
sample_heap() {
  while kill -0 "$pid" 2>/dev/null; do
    jstat -gc "$pid" 2>/dev/null | awk 'NR==2 {printf "%.0f\n", $3+$4+$6+$8}'
    sleep 0.1
  done
}


for format in text/csv application/fhir+json; do
  jcmd "$pid" GC.run >/dev/null 2>&1 || true
  sleep 1
  idle=$(jstat -gc "$pid" | awk 'NR==2 {printf "%.0f\n", $3+$4+$6+$8}')
  sample_heap >"$work/heap.txt" &
  sampler=$!
  start=$(date +%s.%N)
  status=$(curl -s -o "$work/export" -w '%{http_code}' -H "Authorization: Bearer $token" -H "Accept: $format" \
    "http://127.0.0.1:$port/api/v1/claims")
  end=$(date +%s.%N)
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  bytes=$(stat -c %s "$work/export")
  if [ "$format" = "text/csv" ]; then rows=$(($(wc -l <"$work/export") - 1)); else rows=$(grep -o '"resourceType":"Claim"' "$work/export" | wc -l); fi
  max=$(sort -n "$work/heap.txt" | tail -n 1)
  printf '%-22s status %s, %d claims, %.1f MB in %.1f s; heap used: idle %.1f MB, max during export %.1f MB (-Xmx%s)\n' \
    "$format" "$status" "$rows" "$(echo "$bytes / 1048576" | bc -l)" "$(echo "$end - $start" | bc -l)" \
    "$(echo "$idle / 1024" | bc -l)" "$(echo "$max / 1024" | bc -l)" "$heap"
done
