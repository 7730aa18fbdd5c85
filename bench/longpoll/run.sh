#!/usr/bin/env bash
# Long polls must not starve bookings (docs/events.md, "Long polls"): bookings' latency with no
# poll open, then with the instance's cap of long polls (GET /events?waitSeconds=30) held open,
# in the same run. The service runs as bench/booking deploys it: 12 worker threads, 12 database
# connections; the polls far outnumber both. wrk books (bench/booking/book.lua); python3 holds the
# polls open on plain sockets.
#   bench/longpoll/run.sh [seconds=15] [polls=1000] [clients=8]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
seconds=${1:-15}
polls=${2:-1000}
clients=${3:-8}
db="clinic_bench_longpoll_$$"
port=18191
log=$(mktemp)
work=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)" >&2; exit 1; }

BENCH_JAVA_OPTS="-Dclinic.events.max-open-polls=$polls -Dclinic.events.max-open-polls-per-client=$polls" \
  bench_throughput_up "$db" "$port" "$log"
cleanup() { [ -n "${holder:-}" ] && kill "$holder" 2>/dev/null; bench_stop_service "$pid"; bench_drop_db "$db"; rm -rf "$work" "$log"; }
trap cleanup EXIT
bench_wait_ready "$port"
bench_booking_fixture "$db" 20 2000 200000

token=$(bench_token front-desk)
next_slot=0
book() { # seconds
  local count=$(( $1 * 2000 ))
  bench_booking_bodies "$db" "$next_slot" "$count" "$work/bodies.json"
  next_slot=$((next_slot + count))
  BODIES="$work/bodies.json" OFFSET=0 THREADS=2 wrk -t2 -c"$clients" -d"${1}s" --timeout 30s \
    -s "$here/../booking/book.lua" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/appointments"
}
figures() { # file: "booking/s p50 p99"
  echo "$(awk '/^throughput/ {print $2}' "$1") $(awk '/^latency/ {print $3}' "$1") $(awk '/^latency/ {print $6}' "$1")"
}

echo "== warm-up: 40 s of bookings (not measured)"
book 40 >/dev/null
echo "== bookings, no poll open"
book "$seconds" >"$work/quiet.txt"

poller=$(bench_token integration --sub bench-poller)
python3 - "$port" "$poller" "$polls" >"$work/holder.txt" 2>&1 <<'PY' &
import asyncio, sys
port, token, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
async def hold(i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    while True:
        writer.write((f"GET /api/v1/events?waitSeconds=30&after=999999999999 HTTP/1.1\r\nHost: x\r\n"
                      f"Authorization: Bearer {token}\r\n\r\n").encode())
        await writer.drain()
        status = await reader.readline()
        length = 0
        while (line := await reader.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        await reader.readexactly(length)
        if not status.startswith(b"HTTP/1.1 200"):
            print("poll answered", status.decode().strip(), flush=True)
            await asyncio.sleep(1)
async def main():
    await asyncio.gather(*(hold(i) for i in range(count)))
asyncio.run(main())
PY
holder=$!
for _ in $(seq 1 60); do
  open=$(curl -s "http://127.0.0.1:$(bench_management_port "$port")/q/metrics" | awk '/^clinic_events_open_polls / {print int($2)}')
  [ "${open:-0}" -ge "$polls" ] && break
  sleep 0.5
done
echo "== bookings, $open long polls open"
book "$seconds" >"$work/polled.txt"
open_after=$(curl -s "http://127.0.0.1:$(bench_management_port "$port")/q/metrics" | awk '/^clinic_events_open_polls / {print int($2)}')

read -r q_rps q_p50 q_p99 <<<"$(figures "$work/quiet.txt")"
read -r p_rps p_p50 p_p99 <<<"$(figures "$work/polled.txt")"
printf '\n%-22s %12s %10s %10s\n' "" "booking/s" "p50" "p99"
printf '%-22s %12s %10s %10s\n' "no poll open" "$q_rps" "$q_p50" "$q_p99"
printf '%-22s %12s %10s %10s\n' "$open polls open" "$p_rps" "$p_p50" "$p_p99"
echo "polls still open at the end: $open_after; refused polls: $(grep -c 'poll answered' "$work/holder.txt" || true)"
echo "statuses (polled): $(grep -E '^statuses' "$work/polled.txt")"
