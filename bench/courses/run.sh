#!/usr/bin/env bash
# Booking a 26-visit course in one request (docs/rules.md, "Courses"), on the packaged service:
# the bench/booking data (40 IMS practitioners working around the clock, 20,000 patients); course
# k is weekly x 26 for practitioner k % 40 and its own patient, at a half-hour slot of its own
# from the day after tomorrow (no two courses meet). A warm-up of WARMUP seconds, then SECONDS of
# CLIENTS connections POSTing courses in a closed loop; wrk prints p50/p99 per course and the
# statuses (every course must be 201 with its 26 visits).
#   bench/courses/run.sh [seconds=60] [clients=2] [warmup=60]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
seconds=${1:-60}
clients=${2:-2}
warmup=${3:-60}
db="clinic_bench_courses_$$"
port=18187
log=$(mktemp)
work=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)" >&2; exit 1; }

bench_throughput_up "$db" "$port" "$log"
cleanup() { bench_stop_service "$pid"; bench_drop_db "$db"; rm -rf "$work" "$log"; }
trap cleanup EXIT
bench_wait_ready "$port"
bench_booking_fixture "$db" 40 20000 40
# Course k: practitioner k % 40, patient k, slot (k / 40) % 40 of the half-hour grid from 03:00, on
# day 2 + (k / 1600); 26 weekly visits never meet another course's.
psql -At -d "$db" -c "select json_build_object('patientId', pa.id, 'practitionerId', pr.id,
    'serviceId', '00000000-0000-7000-8000-00000000000b', 'locationId', '00000000-0000-7000-8000-00000000000a',
    'firstStart', to_char((((current_date + 2 + k / 1600)::timestamp + time '03:00'
        + make_interval(mins => 30 * ((k / 40) % 40))) at time zone 'America/Vancouver') at time zone 'UTC',
        'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
    'repeat', json_build_object('intervalWeeks', 1, 'count', 26))
    from generate_series(0, 19999) k join bench_practitioner pr on pr.n = k % 40 join bench_patient pa on pa.n = k
    order by k" >"$work/courses.json"

token=$(bench_token front-desk)
run() { # seconds offset
  BODIES="$work/courses.json" OFFSET=$2 THREADS=2 wrk -t2 -c"$clients" -d"${1}s" --timeout 30s \
    -s "$here/../booking/book.lua" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/appointment-series"
}
echo "== warm-up ${warmup} s"
run "$warmup" 0 >"$work/warmup.txt"
done_so_far=$(awk '/^requests/ {print $2}' "$work/warmup.txt")
echo "== ${seconds} s, $clients clients, 26-visit courses"
run "$seconds" $((done_so_far + 2 * clients)) >"$work/run.txt"
cat "$work/run.txt" | grep -E '^(throughput|latency|statuses)'
visits=$(psql -At -d "$db" -c "select count(*) from appointment where series_id is not null")
courses=$(psql -At -d "$db" -c "select count(*) from appointment_series")
echo "courses $courses, their visits $visits ($(( visits / (courses > 0 ? courses : 1) )) each); goal: p99 < 150 ms"
