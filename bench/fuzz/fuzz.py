#!/usr/bin/env python3
"""Hostile requests generated from openapi.yaml against a running service.

For every operation: bad, expired, forged, alg-none and foreign-issuer tokens; and, with valid
tokens of each role, mutated bodies (wrong types, missing and extra fields, huge strings and arrays,
invalid dates and zones, negative and overflowing numbers, SQL and script payloads, nulls, deep
nesting, non-JSON), mutated path ids and query parameters. Reports 5xx answers (goal 0) and any
answer that leaks a stack trace, class name or SQL.

Since v1.1 also: C0 control characters and far years (1900-2200 is the accepted range) in every
text and date field of every body and every query parameter, merge-patch nulls on every field of
every PATCH, a token whose subject is over 255 characters, and Idempotency-Key replays across roles
(the same subject as front desk, then as a practitioner). Every text sent carries a unique marker
(written to MARKERS_FILE), so run.sh can prove that none of it reached the service's log.

usage: fuzz.py BASE_URL OPENAPI_FILE TOKENS_FILE [min_requests] [MARKERS_FILE]
TOKENS_FILE: lines "name token" (admin, front-desk, practitioner, insurer, expired, forged, dev-key, other-issuer,
long-subject, shared-desk, shared-practitioner).
"""
import base64
import json
import random
import re
import sys
import time
import urllib.error
import urllib.request

base, spec_file, tokens_file = sys.argv[1], sys.argv[2], sys.argv[3]
minimum = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
markers_file = sys.argv[5] if len(sys.argv) > 5 else None
random.seed(20261122)
markers = []


def marker():
    """A unique, greppable token for one text value: it must never show up in the service's log."""
    value = "QZMARK%06dX" % len(markers)
    markers.append(value)
    return value

try:
    import yaml
    spec = yaml.safe_load(open(spec_file))
except ImportError:  # the served document is the same one (OpenApiDriftTest)
    spec = json.load(urllib.request.urlopen(base + "/q/openapi?format=json"))

tokens = dict(line.split(" ", 1) for line in open(tokens_file).read().split("\n") if " " in line)
tokens = {k: v.strip() for k, v in tokens.items()}


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


claims = json.loads(base64.urlsafe_b64decode(tokens["admin"].split(".")[1] + "=="))
tokens["alg-none"] = b64(b'{"alg":"none","typ":"JWT"}') + "." + b64(json.dumps(claims).encode()) + "."
tokens["garbage"] = "not.a.jwt"
tokens["tampered"] = tokens["front-desk"].split(".")[0] + "." + b64(json.dumps(dict(claims, groups=["admin"])).encode()) \
    + "." + tokens["front-desk"].split(".")[2]

LEAK = re.compile(r"(\tat [a-z]|Exception|org\.hibernate|org\.postgresql|PSQL|SQLState|syntax error at|"
                  r"java\.|jakarta\.|com\.needleclinic|select .* from|insert into)", re.IGNORECASE)
HOSTILE_STRINGS = ["' OR '1'='1' --", "'; drop table patient; --", "<script>alert(1)</script>", "${jndi:ldap://x}",
                   "\u0000", "../../etc/passwd", "x" * 100_000, "", " ", "\ud83d\ude00" * 1000, "%00", "{{7*7}}"]
HOSTILE_NUMBERS = [-1, 0, 2 ** 31, 2 ** 63, -(2 ** 63) - 1, 10 ** 40, 1e308, 3.7, float("nan")]
HOSTILE_DATES = ["2027-02-30", "2027-13-01", "yesterday", "0000-00-00", "99999-01-01", "2027-03-01T25:00:00Z",
                 "2027-03-01T10:00:00", "1e9", "+999999999-12-31", "-5000-01-01", "+999999999-12-31T23:59:59Z",
                 "-5000-01-01T00:00:00Z", "1899-12-31", "2201-01-01", "2201-01-01T00:00:00Z"]
CONTROL = ["\u0000", "\u0007", "\u001b[31m", "\r", "\u000b", "\u001f"]
HOSTILE_ZONES = ["Mars/Base", "UTC+25", "../../zoneinfo", "America/Vancouver\u0000"]


def resolve(schema):
    while isinstance(schema, dict) and "$ref" in schema:
        node = spec
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema or {}


def sample(schema, depth=0):
    """A valid-looking value for a schema."""
    schema = resolve(schema)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return sample(next((s for s in schema[key] if resolve(s).get("type") != "null"), schema[key][0]), depth)
    if "allOf" in schema:
        merged = {}
        for part in schema["allOf"]:
            value = sample(part, depth)
            if isinstance(value, dict):
                merged.update(value)
        return merged
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if "enum" in schema:
        return schema["enum"][0]
    if kind == "object" or "properties" in schema:
        return {k: sample(v, depth + 1) for k, v in schema.get("properties", {}).items()} if depth < 4 else {}
    if kind == "array":
        return [sample(schema.get("items", {}), depth + 1)]
    if kind == "integer":
        return schema.get("minimum", 1)
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    fmt = schema.get("format")
    return {"uuid": "00000000-0000-7000-8000-000000000001", "date": "2030-01-15",
            "date-time": "2030-01-15T10:00:00Z", "email": marker().lower() + "@example.org"}.get(fmt, "t" + marker())


def body_mutations(schema):
    schema = resolve(schema)
    base_body = sample(schema)
    yield "empty object", {}
    yield "array instead of object", [base_body]
    yield "not json", "{this is not json"
    yield "json null", None
    yield "deep nesting", "[" * 5000 + "]" * 5000
    yield "extra field", dict(base_body, unexpected="field", __proto__={"admin": True}) if isinstance(base_body, dict) else base_body
    if not isinstance(base_body, dict):
        return
    for name in list(base_body):
        for label, value in [("null", None), ("string", "abc"), ("bool", True), ("array", [1, 2]), ("object", {"a": 1}),
                             ("huge array", ["x"] * 20_000)]:
            yield f"{name}={label}", dict(base_body, **{name: value})
        for value in random.sample(HOSTILE_STRINGS, 4):
            yield f"{name}=hostile string", dict(base_body, **{name: value + marker() if len(value) < 1000 else value})
        for control in CONTROL:  # a control character inside an otherwise plausible, marked value
            yield f"{name}=control character", dict(base_body, **{name: "A" + marker() + control + marker()})
        for value in HOSTILE_DATES[8:]:
            yield f"{name}=far date", dict(base_body, **{name: value})
        for value in random.sample(HOSTILE_NUMBERS, 3):
            yield f"{name}=hostile number", dict(base_body, **{name: value})
        for value in random.sample(HOSTILE_DATES, 2):
            yield f"{name}=bad date", dict(base_body, **{name: value})
        if "zone" in name.lower():
            for value in HOSTILE_ZONES:
                yield f"{name}=bad zone", dict(base_body, **{name: value})
        missing = dict(base_body)
        missing.pop(name)
        yield f"{name} missing", missing


def encode(body):
    if isinstance(body, str):
        return body.encode("utf-8", "surrogatepass")
    return json.dumps(body, allow_nan=True).encode("utf-8", "surrogatepass")


results = {"sent": 0, "5xx": 0, "leaks": 0, "errors": 0, "replays": 0, "by_status": {}}
examples = []


def send(method, path, token, body=None, label="", key=None):
    url = base + path
    data = None if body is None and method in ("GET", "DELETE") else encode(body)
    request = urllib.request.Request(url, data=data, method=method)
    if token is not None:
        request.add_header("Authorization", "Bearer " + token)
    if key is not None:
        request.add_header("Idempotency-Key", key)
    request.add_header("Content-Type", "application/json")
    request.add_header("Accept", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, text = response.status, response.read(200_000).decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read(200_000).decode("utf-8", "replace")
    except Exception as e:  # connection reset etc.
        status, text = -1, str(e)
        results["errors"] += 1
    results["sent"] += 1
    results["by_status"][status] = results["by_status"].get(status, 0) + 1
    if status >= 500:
        results["5xx"] += 1
        examples.append(f"{status} {method} {path} [{label}] {text[:200]}")
    if status > 0 and LEAK.search(text):
        results["leaks"] += 1
        examples.append(f"LEAK {status} {method} {path} [{label}] {LEAK.search(text).group(0)}")
    return status


def patch_nulls(schema):
    """Merge-patch nulls on every field: a required one must be a 400, never a default."""
    base_body = sample(resolve(schema))
    if isinstance(base_body, dict):
        for name in base_body:
            yield f"{name}=merge-patch null", {name: None}


operations = []
for path, item in spec["paths"].items():
    for method, op in item.items():
        if method in ("get", "post", "put", "patch", "delete"):
            operations.append((path, method.upper(), op))

started = time.time()
round_no = 0
while results["sent"] < minimum and round_no < 5:
    round_no += 1
    for path, method, op in operations:
        concrete = re.sub(r"\{[^}]+}", "00000000-0000-7000-8000-000000000001", path)
        for name in ("garbage", "expired", "forged", "dev-key", "alg-none", "other-issuer", "tampered"):
            send(method, concrete, tokens[name], {}, "token " + name)
        send(method, concrete, None, {}, "no token")
        for bad_id in ("not-a-uuid", "1%27%20OR%201%3D1", "0" * 5000, "..%2F..%2Fetc"):
            send(method, re.sub(r"\{[^}]+}", bad_id, path), tokens["admin"], {}, "bad id")
        params = "?limit=-1&cursor=%27%3B--&from=2027-02-30&to=x&on=1e9&modality=%3Cscript%3E&q=" + "x" * 5000
        send(method, concrete + params, tokens["admin"], {} if method != "GET" else None, "bad query")
        for param in op.get("parameters", []):
            param = resolve(param)
            if param.get("in") != "query":
                continue
            for value in ("%2B999999999-12-31", "-5000-01-01", "1899-12-31", "ab%00" + marker(), "x%07" + marker()):
                send(method, f"{concrete}?{param['name']}={value}", tokens["admin"],
                     {} if method != "GET" else None, f"query {param['name']} far date or control")
        send(method, concrete, tokens["long-subject"], {} if method != "GET" else None, "subject over 255")
        if method == "POST" and "{" not in path:
            body = sample(resolve((op.get("requestBody", {}).get("content", {}).get("application/json", {}) or {})
                                  .get("schema", {})))
            key = "fuzz-" + marker()
            first = send(method, concrete, tokens["shared-desk"], body, "replay: first as front desk", key=key)
            again = send(method, concrete, tokens["shared-practitioner"], body, "replay: as a practitioner", key=key)
            if first == 201 and again == 201:
                results["replays"] += 1
                examples.append(f"REPLAY {method} {path}: a practitioner with the desk's subject got the stored 201")
        schema = (op.get("requestBody", {}).get("content", {}).get("application/json", {}) or {}).get("schema")
        if schema:
            for role in ("admin", "front-desk", "practitioner", "insurer"):
                for label, body in body_mutations(schema):
                    if role != "admin" and random.random() < 0.7:
                        continue
                    send(method, concrete, tokens[role], body, label)
            if method == "PATCH":
                for label, body in patch_nulls(schema):
                    send(method, concrete, tokens["admin"], body, label)

elapsed = time.time() - started
print(f"requests sent: {results['sent']} in {elapsed:.0f} s across {len(operations)} operations")
print("by status: " + ", ".join(f"{k}: {v}" for k, v in sorted(results["by_status"].items())))
print(f"5xx answers: {results['5xx']} (goal 0); connection errors: {results['errors']}")
print(f"answers leaking a stack trace, class name or SQL: {results['leaks']}")
print(f"replays answered across roles: {results['replays']} (goal 0); markers sent: {len(markers)}")
for line in examples[:15]:
    print("  " + line)
if markers_file:
    with open(markers_file, "w") as out:
        out.write("\n".join(markers) + "\n")
sys.exit(1 if results["5xx"] or results["leaks"] or results["replays"] else 0)
