#!/usr/bin/env bash
# Booking throughput with rooms vs without (docs/rules.md, "Rooms"), on the packaged service: the
# bench/booking data, plus one treatment bed per practitioner at the location (so rooms are never
# the bottleneck) and a second IMS service that requires TREATMENT_BED. After a warm-up that books
# both, ROUNDS pairs of SECONDS-long rounds alternate the plain service and the one that needs a
# bed, each pair in the other order than the one before (a drift of the shared machine or of the
# JIT favours neither side); each pair gives a ratio (with rooms / without), the summary the median
# and the ratio of all pairs pooled. Beside throughput, each round prints the CPU a booking cost the
# service's JVM and PostgreSQL (all its processes, from /proc: user + system time over the round, per
# 201): on a shared machine the cost of a booking varies less than the rate. Afterwards SQL counts
# visits sharing a bed at overlapping times (must be 0).
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
ticks() { # CPU clock ticks so far: the service's JVM, then every PostgreSQL process together
  local pg=0 p
  for p in $(pgrep -x postgres); do pg=$((pg + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$(awk '{print $14 + $15}' "/proc/$pid/stat") $pg"
}
created() { awk '/^statuses/ { for (i = 2; i <= NF; i++) if ($i ~ /^201=/) { sub("201=", "", $i); print $i } }' "$1"; }
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
hz=$(getconf CLK_TCK)
printf '%-6s %14s %10s %14s %10s %20s %7s %26s %26s\n' round "no room/s" "p99 ms" "with bed/s" "p99 ms" \
  "statuses (bed)" ratio "CPU us/booking, no room" "with bed (java + postgres)"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then
    a=$(ticks); book "$seconds" 00000000-0000-7000-8000-00000000000b >"$work/plain-$r.txt"
    b=$(ticks); book "$seconds" "$bed_service" >"$work/bed-$r.txt"; c=$(ticks)
    plain_ticks="$a $b"; bed_ticks="$b $c"
  else
    a=$(ticks); book "$seconds" "$bed_service" >"$work/bed-$r.txt"
    b=$(ticks); book "$seconds" 00000000-0000-7000-8000-00000000000b >"$work/plain-$r.txt"; c=$(ticks)
    bed_ticks="$a $b"; plain_ticks="$b $c"
  fi
  # microseconds of CPU per booking: java and postgres, from the ticks before and after the round
  plain_cpu=$(echo "$plain_ticks $(created "$work/plain-$r.txt")" | awk -v hz="$hz" \
    '{printf "%.0f %.0f", ($3 - $1) * 1e6 / hz / $5, ($4 - $2) * 1e6 / hz / $5}')
  bed_cpu=$(echo "$bed_ticks $(created "$work/bed-$r.txt")" | awk -v hz="$hz" \
    '{printf "%.0f %.0f", ($3 - $1) * 1e6 / hz / $5, ($4 - $2) * 1e6 / hz / $5}')
  plain=$(awk '/^throughput/ {print $2}' "$work/plain-$r.txt")
  bed=$(awk '/^throughput/ {print $2}' "$work/bed-$r.txt")
  ratio=$(echo "$bed / $plain" | bc -l)
  printf '%-6s %14s %10s %14s %10s %20s %7.2f %26s %26s\n' "$r" "$plain" "$(awk '/^latency/ {print $6}' "$work/plain-$r.txt")" \
    "$bed" "$(awk '/^latency/ {print $6}' "$work/bed-$r.txt")" "$(awk '/^statuses/ {$1 = ""; print}' "$work/bed-$r.txt")" "$ratio" \
    "${plain_cpu/ / + }" "${bed_cpu/ / + }"
  echo "$ratio $plain $bed $plain_cpu $bed_cpu" >>"$work/ratios.txt"
done
median=$(sort -n "$work/ratios.txt" | awk '{r[NR] = $1} END {print NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2}')
printf 'median ratio with rooms / without: %.2f (goal >= 0.90)\n' "$median"
awk '{plain += $2; bed += $3} END {printf "all pairs pooled: %.0f vs %.0f bookings/s summed, ratio %.2f\n", bed, plain, bed / plain}' "$work/ratios.txt"
# the median round's CPU per booking, each side and part on its own
awk '{print $4 + $5, $4, $5}' "$work/ratios.txt" | sort -n | awk '{r[NR] = $0} END {print "no room", r[int((NR + 1) / 2)]}' >"$work/cpu.txt"
awk '{print $6 + $7, $6, $7}' "$work/ratios.txt" | sort -n | awk '{r[NR] = $0} END {print "with bed", r[int((NR + 1) / 2)]}' >>"$work/cpu.txt"
awk '{printf "median CPU per booking, %s: %d us (java %d + postgres %d)\n", $1 == "no" ? "no room" : "with bed", $(NF - 2), $(NF - 1), $NF}' "$work/cpu.txt"
shared=$(psql -At -d "$db" -c "select count(*) from appointment a join appointment b on a.room_id = b.room_id and a.id < b.id
  and tstzrange(a.start_at, a.end_at, '[)') && tstzrange(b.start_at, b.end_at, '[)')
  where a.status <> 'CANCELLED' and b.status <> 'CANCELLED'")
in_rooms=$(psql -At -d "$db" -c "select count(*) from appointment where room_id is not null")
echo "visits in a bed: $in_rooms; pairs sharing a bed at once: $shared"
errors=$(grep -a -c ' ERROR ' "$log" || true)
echo "service log: $errors ERROR lines"
[ "$errors" = 0 ] || grep -a -A6 ' ERROR ' "$log" | grep -a -E 'ERROR|Caused by|Exception' | sort | uniq -c | sort -rn | head -8
