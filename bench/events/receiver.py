#!/usr/bin/env python3
"""A webhook receiver for bench/events/run.sh: answers 200 at once and appends, per delivery,
the lag from the event's occurredAt (written in the booking's own statement) to its arrival, in
milliseconds, the webhook-id and the event's resourceId, to the file named by its second
argument. Usage: receiver.py PORT LAGFILE"""
import json
import sys
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, lag_file = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()
out = open(lag_file, "a", buffering=1)


class Hook(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        arrived = datetime.now(timezone.utc)
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        event = json.loads(body)["data"]
        occurred = event["occurredAt"]
        lag = (arrived - datetime.fromisoformat(occurred.replace("Z", "+00:00"))).total_seconds() * 1000
        with lock:
            out.write(f"{lag:.2f} {self.headers.get('webhook-id')} {event['resourceId']}\n")
        self.send_response(200)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Hook).serve_forever()
