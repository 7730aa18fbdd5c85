#!/usr/bin/env bash
# Events and webhooks under booking load (docs/events.md), on the packaged service:
#  1. Throughput: booking rounds of SECONDS with no subscription and with one active subscription
#     (a local receiver, bench/events/Receiver.java), alternated ROUNDS times after a warm-up, so the
#     drift of a shared machine cancels; each pair gives a ratio (subscribed / none), the summary
#     the median. Every booking writes its event either way; the subscription adds delivery.
#  2. Lag: a paced load of about RATE bookings a second for LAG_SECONDS with one subscription; the
#     receiver records, per delivery, the time from the event's occurredAt (written in the
#     booking's own statement, so its commit follows within a millisecond or two) to its arrival;
#     p50/p99/max, and whether every booking arrived.
# Data and service as bench/booking (2-core deployment: 1 GB heap, 12 threads, 12 connections).
#   bench/events/run.sh [seconds=20] [rounds=3] [rate=500] [lag_seconds=30] [warmup=120]   (rounds=0: lag only)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
seconds=${1:-20}
rounds=${2:-3}
rate=${3:-500}
lag_seconds=${4:-30}
warmup=${5:-120}
clients=32
practitioners=40
per_second=3000
db="clinic_bench_events_$$"
port=18183
receiver_port=18193
log=$(mktemp)
work=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)" >&2; exit 1; }

CLINIC_WEBHOOKS_ALLOW_INSECURE_TARGETS=true bench_throughput_up "$db" "$port" "$log"
java "$here/Receiver.java" "$receiver_port" "$work/lag.txt" & receiver=$!
for _ in $(seq 1 40); do curl -s -o /dev/null "http://127.0.0.1:$receiver_port/" && break; sleep 0.25; done
cleanup() { kill "$receiver" 2>/dev/null || true; bench_stop_service "$pid"; bench_drop_db "$db"; rm -rf "$work" "$log"; }
trap cleanup EXIT
bench_wait_ready "$port"
bench_booking_fixture "$db" "$practitioners" 20000 $(( (warmup + 2 * rounds * seconds) * per_second + (lag_seconds + 5) * rate * 2 ))

admin=$(bench_token admin)
token=$(bench_token front-desk)
api="http://127.0.0.1:$port/api/v1"
next_slot=0
book() { # seconds [delay-ms clients]: books the next unused slots for that long, closed loop or paced
  local count=$(( $1 * per_second ))
  bench_booking_bodies "$db" "$next_slot" "$count" "$work/bodies.json"
  next_slot=$((next_slot + count))
  BODIES="$work/bodies.json" OFFSET=0 THREADS=2 DELAY_MS=${2:-} wrk -t2 -c"${3:-$clients}" -d"${1}s" --timeout 30s \
    -s "$here/../booking/book.lua" -H "Authorization: Bearer $token" "$api/appointments"
}
call() { # method path [body]: the answer's body; fails loudly on an error status
  local out status
  out=$(curl -s -w '\n%{http_code}' -X "$1" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    ${3:+-d "$3"} "$api$2")
  status=${out##*$'\n'}
  [ "${status:0:1}" = 2 ] || { echo "$1 $2 answered $status: ${out%$'\n'*}" >&2; grep -a -E 'ERROR|WARN' "$log" | tail -5 >&2; exit 1; }
  echo "${out%$'\n'*}"
}
subscribe() {
  call POST /webhook-subscriptions "{\"url\": \"http://127.0.0.1:$receiver_port/hook\", \"types\": [\"appointment.booked\"]}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
unsubscribe() { call DELETE "/webhook-subscriptions/$1" >/dev/null; }
delivered() { wc -l <"$work/lag.txt"; }

echo "== warm-up: ${warmup} s of bookings, half of it with a subscription"
sub=$(subscribe); book $((warmup / 2)) >/dev/null; unsubscribe "$sub"; book $((warmup / 2)) >/dev/null

if [ "$rounds" -gt 0 ]; then
echo "== throughput: $rounds rounds of ${seconds} s without and with one active subscription; $clients clients"
printf '%-6s %14s %10s %14s %10s %12s %7s\n' round "none req/s" "none p99" "subscribed/s" "sub p99" "delivered" ratio
for r in $(seq 1 "$rounds"); do
  book "$seconds" >"$work/none-$r.txt"
  : >"$work/lag.txt"
  sub=$(subscribe)
  book "$seconds" >"$work/sub-$r.txt"
  created=$(awk '/^statuses/ { for (i = 2; i <= NF; i++) if ($i ~ /^201=/) { sub("201=", "", $i); print $i } }' "$work/sub-$r.txt")
  for _ in $(seq 1 60); do [ "$(delivered)" -ge "${created:-0}" ] && break; sleep 1; done
  got=$(delivered)
  [ "$got" -ge "${created:-0}" ] || psql -d "$db" -Atc "select 'not delivered yet: head ' || (select last_sequence from event_feed_head)
    || ', acknowledged ' || acknowledged_sequence || ', attempts ' || attempts from webhook_cursor" >&2
  unsubscribe "$sub"
  none=$(awk '/^throughput/ {print $2}' "$work/none-$r.txt")
  with=$(awk '/^throughput/ {print $2}' "$work/sub-$r.txt")
  ratio=$(echo "$with / $none" | bc -l)
  printf '%-6s %14s %10s %14s %10s %12s %7.2f\n' "$r" "$none" "$(awk '/^latency/ {print $6}' "$work/none-$r.txt")" \
    "$with" "$(awk '/^latency/ {print $6}' "$work/sub-$r.txt")" "$got/${created:-0}" "$ratio"
  echo "$ratio" >>"$work/ratios.txt"
done
median=$(sort -n "$work/ratios.txt" | awk '{r[NR] = $1} END {print r[int((NR + 1) / 2)]}')
printf 'median ratio subscribed / none: %.2f (goal >= 0.90)\n' "$median"
fi

echo
echo "== lag: about $rate bookings/s for ${lag_seconds} s with one subscription"
: >"$work/lag.txt"
sub=$(subscribe)
# 25 connections, each pausing after every answer: 25 / (latency + pause) bookings a second, the
# pause allowing ~2 ms for the answer itself
pause=$(( 25 * 1000 / rate - 2 ))
book "$lag_seconds" "$pause" 25 >"$work/lag-load.txt"
created=$(awk '/^statuses/ { for (i = 2; i <= NF; i++) if ($i ~ /^201=/) { sub("201=", "", $i); print $i } }' "$work/lag-load.txt")
for _ in $(seq 1 30); do [ "$(delivered)" -ge "${created:-0}" ] && break; sleep 1; done
unsubscribe "$sub"
achieved=$(awk '/^throughput/ {print $2}' "$work/lag-load.txt")
awk '{print $1}' "$work/lag.txt" >"$work/lags.txt"
read -r p50 p99 < <(bench_percentiles "$work/lags.txt")
max=$(sort -n "$work/lags.txt" | tail -n 1)
unique=$(awk '{print $2}' "$work/lag.txt" | sort -u | wc -l)
grep -a -E ' (WARN|ERROR) ' "$log" | cut -c1-200 | tail -5 || true
printf 'bookings %s at %.0f/s; delivered %s (%s distinct); lag commit -> receiver p50 %s ms, p99 %s ms, max %s ms (goal p99 < 1000)\n' \
  "${created:-0}" "$achieved" "$(delivered)" "$unique" "$p50" "$p99" "$max"
