-- wrk script for bench/booking/run.sh: each connection POSTs the next booking body, closed loop.
-- Bodies come one JSON document a line from the file in $BODIES; lines from $OFFSET on are dealt
-- round-robin to wrk's threads, so no body is sent twice. A thread that runs out sends nothing more.
-- done() prints the figures run.sh reads: throughput, p50/p99/max latency and status counts.
local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  bodies, next_body, statuses = {}, 1, {}
  local offset, count = tonumber(os.getenv("OFFSET") or "0"), tonumber(os.getenv("THREADS") or "1")
  local n = 0
  for line in io.lines(os.getenv("BODIES")) do
    if n >= offset and (n - offset) % count == index then table.insert(bodies, line) end
    n = n + 1
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

-- With $DELAY_MS, each connection waits that long after each answer: a paced load (bench/events).
local pause = tonumber(os.getenv("DELAY_MS") or "")
if pause then
  function delay()
    return pause
  end
end

function request()
  local body = bodies[next_body]
  if body == nil then
    wrk.thread:stop()
    body = "{}"
  end
  next_body = next_body + 1
  return wrk.format(nil, nil, nil, body)
end

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local merged, exhausted = {}, false
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do merged[status] = (merged[status] or 0) + n end
    if thread:get("next_body") > #thread:get("bodies") + 1 then exhausted = true end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d in %.2f s\n", summary.requests, seconds))
  io.write(string.format("throughput %.1f req/s\n", summary.requests / seconds))
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  local parts = {}
  for status, n in pairs(merged) do table.insert(parts, status .. "=" .. n) end
  table.sort(parts)
  io.write("statuses " .. table.concat(parts, " ") .. "\n")
  io.write("socket errors " .. (summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout) .. "\n")
  if exhausted then io.write("WARNING: a thread ran out of bodies; the run was shorter than asked\n") end
end
