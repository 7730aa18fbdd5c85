#!/usr/bin/env bash
# Booking throughput with rooms vs without (docs/rules.md, "Rooms"), on the packaged service: the
# bench/booking data, plus one treatment bed per practitioner at the location (so rooms are never
# the bottleneck) and a second IMS service that requires TREATMENT_BED. After a warm-up that books
# both, ROUNDS pairs of SECONDS-long rounds alternate the plain service and the one that needs a
# bed, each pair in the other order than the one before (a drift of the shared machine or of the
# JIT favours neither side); each pair gives a ratio (with rooms / without), the summary the median. Afterwards SQL counts visits sharing a bed at overlapping times (must be 0).
#   bench/rooms/run.sh [seconds=20] [rounds=3] [warmup=120] [clients=32] [practitioners=40]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
seconds=${1:-20}
rounds=${2:-3}
warmup=${3:-120}
clients=${4:-32}
practitioners=${5:-40}
per_second=3000
db="clinic_bench_rooms_$$"
port=18186
log=$(mktemp)
work=$(mktemp -d)
bed_service=00000000-0000-7000-8000-0000000000bb
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)" >&2; exit 1; }

bench_throughput_up "$db" "$port" "$log"
cleanup() { bench_stop_service "$pid"; bench_drop_db "$db"; rm -rf "$work" "$log"; }
trap cleanup EXIT
bench_wait_ready "$port"
bench_booking_fixture "$db" "$practitioners" 20000 $(( (warmup + 2 * rounds * seconds) * per_second ))
psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
insert into clinic_service (id, name, modality, duration_minutes, price_cents, currency, billing_code, required_capabilities)
values ('$bed_service', 'IMS 30 on a bed', 'IMS', 30, 9500, 'CAD', 'IMS-30', 'TREATMENT_BED');
insert into room (id, location_id, name, capabilities, active, version)
select gen_random_uuid(), '00000000-0000-7000-8000-00000000000a', 'Bed ' || n, 'TREATMENT_BED', true, 0
  from generate_series(1, $practitioners) n;
analyze;
SQL

token=$(bench_token front-desk)
next_slot=0
book() { # seconds service
  local count=$(( $1 * per_second ))
  bench_booking_bodies "$db" "$next_slot" "$count" "$work/bodies.json" "$2"
  next_slot=$((next_slot + count))
  BODIES="$work/bodies.json" OFFSET=0 THREADS=2 wrk -t2 -c"$clients" -d"${1}s" --timeout 30s \
    -s "$here/../booking/book.lua" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/appointments"
}
echo "== warm-up: ${warmup} s, half with each service"
book $((warmup / 2)) 00000000-0000-7000-8000-00000000000b >/dev/null
book $((warmup / 2)) "$bed_service" >/dev/null

echo "== $rounds rounds of ${seconds} s without and with rooms; $clients clients, $practitioners practitioners and beds"
printf '%-6s %14s %10s %14s %10s %20s %7s\n' round "no room/s" "p99 ms" "with bed/s" "p99 ms" "statuses (bed)" ratio
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then
    book "$seconds" 00000000-0000-7000-8000-00000000000b >"$work/plain-$r.txt"
    book "$seconds" "$bed_service" >"$work/bed-$r.txt"
  else
    book "$seconds" "$bed_service" >"$work/bed-$r.txt"
    book "$seconds" 00000000-0000-7000-8000-00000000000b >"$work/plain-$r.txt"
  fi
  plain=$(awk '/^throughput/ {print $2}' "$work/plain-$r.txt")
  bed=$(awk '/^throughput/ {print $2}' "$work/bed-$r.txt")
  ratio=$(echo "$bed / $plain" | bc -l)
  printf '%-6s %14s %10s %14s %10s %20s %7.2f\n' "$r" "$plain" "$(awk '/^latency/ {print $6}' "$work/plain-$r.txt")" \
    "$bed" "$(awk '/^latency/ {print $6}' "$work/bed-$r.txt")" "$(awk '/^statuses/ {$1 = ""; print}' "$work/bed-$r.txt")" "$ratio"
  echo "$ratio" >>"$work/ratios.txt"
done
median=$(sort -n "$work/ratios.txt" | awk '{r[NR] = $1} END {print NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2}')
printf 'median ratio with rooms / without: %.2f (goal >= 0.90)\n' "$median"
shared=$(psql -At -d "$db" -c "select count(*) from appointment a join appointment b on a.room_id = b.room_id and a.id < b.id
  and tstzrange(a.start_at, a.end_at, '[)') && tstzrange(b.start_at, b.end_at, '[)')
  where a.status <> 'CANCELLED' and b.status <> 'CANCELLED'")
in_rooms=$(psql -At -d "$db" -c "select count(*) from appointment where room_id is not null")
echo "visits in a bed: $in_rooms; pairs sharing a bed at once: $shared"
errors=$(grep -a -c ' ERROR ' "$log" || true)
echo "service log: $errors ERROR lines"
[ "$errors" = 0 ] || grep -a -A6 ' ERROR ' "$log" | grep -a -E 'ERROR|Caused by|Exception' | sort | uniq -c | sort -rn | head -8
