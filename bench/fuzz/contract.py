#!/usr/bin/env python3
"""Property-based contract testing from openapi.yaml, in the manner of Schemathesis.

Every request is generated from the contract and every answer is judged by it:

1. seed - a coherent clinic built through the API from schema-generated bodies (a location on UTC,
   a practitioner certified for every modality who works every day, services, an insurer, an
   insured, consenting patient, a room, visits, one checked in with a signed note and so a claim,
   a course, a waitlist entry, a webhook subscription). Ids are collected by following the `links`
   of each 201 (create -> read -> act) and from every answer that lists items.
2. positive - for every operation, requests whose path ids are real and whose body and query
   parameters are generated from its schemas (bounds, lengths, patterns, enums, formats, oneOf)
   and checked VALID against them with jsonschema before they are sent.
3. negative - for every operation, one constraint of one body field, query parameter or header
   broken at a time (type, minimum/maximum, minLength/maxLength, pattern, enum, format, required,
   additionalProperties, null where the schema has none, minItems/maxItems), each checked INVALID
   against the schema before it is sent.

Checks on every answer: no 5xx; the status is one the operation declares or a framework status
the API description documents for all operations; 2xx bodies are application/json and errors
application/problem+json; the body validates against the schema declared for that status (the
Problem schema for framework statuses); a negative request is refused with a 4xx.

Requests go as admin; an operation admin may not call (403) is tried as the seeded practitioner,
then as the seeded insurer, and the first role it answers is kept for it.

usage: contract.py BASE_URL OPENAPI_FILE TOKEN_COMMAND [rounds=6] [MARKERS_FILE]
TOKEN_COMMAND: a command that prints a token for its arguments ROLE [--practitioner ID] [--insurer ID]
(scripts/dev-token with the service's issuer and key).
Prints the figures; exits 1 on any 5xx or violation.
"""
import copy
import datetime
import json
import random
import re
import shlex
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

base, spec_file, token_command = sys.argv[1], sys.argv[2], shlex.split(sys.argv[3])
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 6
markers_file = sys.argv[5] if len(sys.argv) > 5 else None
verbose = bool(__import__("os").environ.get("CONTRACT_VERBOSE"))
random.seed(20261204)
spec = yaml.safe_load(open(spec_file))
ROOT = "urn:clinic-contract"
registry = Registry().with_resource(ROOT, Resource.from_contents(spec, default_specification=DRAFT202012))
formats = FormatChecker()
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@formats.checks("date-time", raises=ValueError)
def is_date_time(value):
    if not isinstance(value, str):
        return True
    if not RFC3339.match(value):
        return False
    datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


@formats.checks("date", raises=ValueError)
def is_date(value):
    if not isinstance(value, str):
        return True
    if not re.match(r"^\d{4}-\d\d-\d\d$", value):
        return False
    datetime.date.fromisoformat(value)
    return True


@formats.checks("uuid")
def is_uuid(value):
    return not isinstance(value, str) or re.match(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                                                  value, re.IGNORECASE) is not None


def rooted(schema):
    """The schema with its local $refs pointing into the contract document."""
    if isinstance(schema, dict):
        return {k: (ROOT + v if k == "$ref" and v.startswith("#") else rooted(v)) for k, v in schema.items()}
    if isinstance(schema, list):
        return [rooted(v) for v in schema]
    return schema


validators = {}


def validator(schema):
    key = json.dumps(schema, sort_keys=True)
    if key not in validators:
        validators[key] = Draft202012Validator(rooted(schema), registry=registry, format_checker=formats)
    return validators[key]


def valid(schema, value):
    return validator(schema).is_valid(value)


def first_error(schema, value):
    error = next(iter(validator(schema).iter_errors(value)), None)
    return None if error is None else f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message[:160]}"


def resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        target = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        extra = {k: v for k, v in node.items() if k != "$ref"}
        node = dict(target, **extra) if extra else target
    return node if node is not None else {}


# ---------------------------------------------------------------- values from schemas

markers = []


def marker():
    value = "QZMARK%06dX" % (len(markers) + 500000)
    markers.append(value)
    return value


PATTERN_VALUES = {
    r"^\+?[0-9 ().-]{7,30}$": lambda: "+1 604 555 %04d" % random.randint(0, 9999),
    r"^[A-Za-z0-9_-]{1,32}$": lambda: "C%06d" % random.randint(0, 999999),
    r"^[A-Z][A-Z0-9_]{0,39}$": lambda: random.choice(["TREATMENT_BED", "ELECTRICAL_STIMULATION", "PRIVATE", "QUIET_ROOM"]),
    r"^\S(.*\S)?$": lambda: "subject-" + marker(),
    r"^\d\d:\d\d(:\d\d)?$": lambda: "%02d:%02d" % (random.randint(6, 20), random.choice([0, 15, 30, 45])),
    r"^[\x21-\x7E]{1,255}$": lambda: "key-" + uuid.uuid4().hex,
    r"^[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]$": lambda: random.choice(["V6K 4L9", "t2p1j9", "M5V 3L9"]),
    r"^[A-Za-z0-9 -]{4,30}$": lambda: "%010d" % random.randint(0, 9_999_999_999),
    r"^[0-9]{9}( ?[A-Z]{2} ?[0-9]{4})?$": lambda: random.choice(["123456789", "123456789 RT 0001"]),
}
ID_PROPERTY_SEGMENTS = {"patientId": "patients", "practitionerId": "practitioners", "serviceId": "services",
                        "locationId": "locations", "insurerId": "insurers", "roomId": "rooms",
                        "appointmentId": "appointments", "replacesAppointmentId": "appointments",
                        "seriesId": "appointment-series", "noteId": "treatment-notes", "claimId": "claims"}
pools = {}          # path segment -> ids seen in answers
link_pools = {}     # (operationId, parameter) -> ids given by a 201's links


def pick_id(name):
    segment = ID_PROPERTY_SEGMENTS.get(name)
    if segment and pools.get(segment) and random.random() < 0.9:
        return random.choice(pools[segment])
    return str(uuid.uuid4())


def future_instant():
    day = datetime.date.today() + datetime.timedelta(days=random.randint(2, 120))
    return f"{day}T{random.randint(6, 20):02d}:{random.choice([0, 15, 30, 45]):02d}:00Z"


def gen_string(schema, name):
    if "enum" in schema:
        return random.choice([v for v in schema["enum"] if v is not None])
    if "const" in schema:
        return schema["const"]
    fmt = schema.get("format")
    if fmt == "uuid":
        return pick_id(name)
    if fmt == "date":
        if random.random() < 0.5:  # near today, where most business rules have something to say
            return str(datetime.date.today() + datetime.timedelta(days=random.randint(-400, 120)))
        return str(datetime.date(random.randint(1990, 2030), random.randint(1, 12), random.randint(1, 28)))
    if fmt == "date-time":
        return future_instant()
    if fmt == "email":
        return marker().lower() + "@example.org"
    if fmt == "uri" or name == "url":
        return "https://93.184.215.14/hooks/" + marker()
    pattern = schema.get("pattern")
    if pattern in PATTERN_VALUES:
        return PATTERN_VALUES[pattern]()
    low, high = schema.get("minLength", 1), min(schema.get("maxLength", 40), 40)
    text = "t" + marker()
    text = (text + "x" * low)[:max(low, min(len(text), high))]
    return text if len(text) >= low else text + "x" * (low - len(text))


def gen_number(schema, integer):
    low = schema.get("minimum", schema.get("exclusiveMinimum", -1) + 1 if "exclusiveMinimum" in schema else 0)
    high = schema.get("maximum", low + 1000)
    step = schema.get("multipleOf", 1)
    if integer:
        low_step, high_step = -(-int(low) // step), int(high) // step
        return random.randint(low_step, max(low_step, high_step)) * step
    return round(random.uniform(low, high), 2)


def gen(schema, name="", depth=0):
    schema = resolve(schema)
    if "oneOf" in schema or "anyOf" in schema:
        branches = [resolve(b) for b in schema.get("oneOf", schema.get("anyOf"))]
        if "properties" in schema:  # an object whose branches only say which fields are set
            branch = random.choice(branches)
            value = gen({k: v for k, v in schema.items() if k not in ("oneOf", "anyOf")}, name, depth)
            for field, sub in branch.get("properties", {}).items():
                if resolve(sub).get("type") == "null":
                    value[field] = None
                elif field in branch.get("required", []) and value.get(field) is None:
                    value[field] = gen(schema["properties"][field], field, depth + 1)
            return value
        concrete = [b for b in branches if b.get("type") != "null"]
        return gen(random.choice(concrete) if concrete and random.random() < 0.9 else branches[0], name, depth)
    if "allOf" in schema:
        merged = {}
        for part in schema["allOf"]:
            merged.update(gen(part, name, depth))
        return merged
    kind = schema.get("type")
    if isinstance(kind, list):
        options = [k for k in kind if k != "null"]
        kind = random.choice(options) if options and random.random() < 0.92 else "null"
    if kind == "null":
        return None
    if "enum" in schema and kind != "string":
        return random.choice([v for v in schema["enum"] if v is not None])
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        value = {}
        for field, sub in properties.items():
            if field in required or (depth < 4 and random.random() < 0.6):
                value[field] = gen(sub, field, depth + 1)
        return value
    if kind == "array":
        low, high = schema.get("minItems", 0), min(schema.get("maxItems", 3), 3)
        items = [gen(schema.get("items", {}), name, depth + 1) for _ in range(random.randint(low, max(low, high)))]
        if schema.get("uniqueItems"):
            unique = []
            for item in items:
                if item not in unique:
                    unique.append(item)
            items = unique
        return items
    if kind == "integer":
        return gen_number(schema, True)
    if kind == "number":
        return gen_number(schema, False)
    if kind == "boolean":
        return random.random() < 0.5
    return gen_string(schema, name)


def valid_value(schema, name="", attempts=25, overrides=None):
    """A value the schema accepts (generated, then checked), or None when none was found."""
    for _ in range(attempts):
        value = gen(schema, name)
        if overrides and isinstance(value, dict):
            value.update(overrides)
        if valid(schema, value):
            return value
    return None


def breakages(schema):
    """(label, broken value) pairs, one constraint at a time: each is checked invalid before use."""
    schema = resolve(schema)
    sample = valid_value(schema)
    if sample is None:
        return
    if not isinstance(sample, dict):
        for label, value in value_breakages(schema, "value"):
            yield label, value
        return
    yield "not an object", [sample]
    yield "extra field", dict(sample, notInTheContract=1)
    for field in schema.get("required", []):
        missing = dict(sample)
        missing.pop(field, None)
        yield f"{field} missing", missing
    for field, sub in schema.get("properties", {}).items():
        for label, value in value_breakages(resolve(sub), field):
            yield f"{field}: {label}", dict(sample, **{field: value})


def value_breakages(schema, name):
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds] if kinds else []
    if "null" not in kinds and not any(resolve(b).get("type") == "null" for b in schema.get("oneOf", [])):
        yield "null", None
    if "string" in kinds or "format" in schema or "pattern" in schema or "enum" in schema:
        yield "a number for a string", 12345
        if "maxLength" in schema:
            yield "one past maxLength", "x" * (schema["maxLength"] + 1)
        if schema.get("minLength", 0) > 0:
            yield "below minLength", ""
        if "enum" in schema:
            yield "outside the enum", "NOT_IN_ENUM"
        if schema.get("format") in ("date", "date-time"):
            yield "a year past 2200", "2201-01-01" if schema["format"] == "date" else "2201-01-01T00:00:00Z"
            yield "a year before 1900", "1899-12-31" if schema["format"] == "date" else "1899-12-31T23:00:00Z"
            yield "an impossible date", "2027-02-30" if schema["format"] == "date" else "2027-02-30T10:00:00Z"
        if schema.get("format") == "uuid":
            yield "not a uuid", "not-a-uuid"
        if schema.get("pattern", "").startswith("^[^\\x00"):
            yield "a control character", "A" + marker() + "\u0007" + marker()
        elif "pattern" in schema and "format" not in schema:
            yield "breaks the pattern", " \u0001 "
    if "integer" in kinds or "number" in kinds:
        yield "a string for a number", "12"
        if "minimum" in schema:
            yield "below minimum", schema["minimum"] - 1
        if "maximum" in schema:
            yield "above maximum", schema["maximum"] + 1
        if "integer" in kinds:
            yield "a fraction", 1.5
    if "boolean" in kinds:
        yield "a string for a boolean", "true"
    if "array" in kinds:
        yield "an object for an array", {"a": 1}
        if "maxItems" in schema:
            yield "one past maxItems", [valid_value(resolve(schema.get("items", {}))) for _ in range(schema["maxItems"] + 1)]
    if "object" in kinds:
        yield "an array for an object", [1]


def query_breakages(schema):
    """Broken query values: a query value is text, so a type is broken by text that is not one."""
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "integer" in kinds or "number" in kinds:
        yield "not a number", "abc"
        if "integer" in kinds:
            yield "a fraction", "1.5"
        if "minimum" in schema:
            yield "below minimum", str(schema["minimum"] - 1)
        if "maximum" in schema:
            yield "above maximum", str(schema["maximum"] + 1)
    elif "boolean" in kinds:
        yield "not a boolean", "maybe"
    else:
        for label, value in value_breakages(schema, "query"):
            if isinstance(value, str):
                yield label, value


def typed(schema, text):
    """The query text as the schema's type reads it, so jsonschema can judge it."""
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    try:
        if "integer" in kinds:
            return int(text)
        if "number" in kinds:
            return float(text)
    except ValueError:
        return text
    if "boolean" in kinds:
        return {"true": True, "false": False}.get(text, text)
    return text


# ---------------------------------------------------------------- requests and their judgement

FRAMEWORK = {400, 401, 403, 404, 405, 406, 409, 412, 413, 414, 415, 429, 503}
results = {"sent": 0, "5xx": 0, "violations": 0, "positive": 0, "negative": 0, "negative accepted": 0,
           "skipped (no valid value found)": 0, "by status": {}}
covered = {}
problems = []


def response_schema(op, status):
    responses = op.get("responses", {})
    declared = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") or responses.get("default")
    if declared is None:
        return None, False
    declared = resolve(declared)
    content = declared.get("content")
    return content, True


def judge(op_id, op, method, path, status, headers, text, negative, label):
    results["by status"][status] = results["by status"].get(status, 0) + 1
    covered.setdefault(op_id, set()).add(status)

    def violation(what):
        results["violations"] += 1
        problems.append(f"{op_id} {method} {path} [{label}] {status}: {what}")

    if status >= 500:
        results["5xx"] += 1
        problems.append(f"5xx {op_id} {method} {path} [{label}] {status}: {text[:200]}")
        return
    if negative and status < 400:
        results["negative accepted"] += 1
        violation("a request the schema refuses was accepted")
    content, declared = response_schema(op, status)
    if not declared:
        if status not in FRAMEWORK:
            violation("status not declared by the operation")
            return
        content = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    media = (headers.get("Content-Type") or "").split(";")[0].strip()
    if not content:
        if text.strip():
            violation(f"a body where the contract declares none ({media})")
        return
    if media not in content:
        violation(f"content type {media or '(none)'} not in {sorted(content)}")
        return
    schema = content[media].get("schema")
    if schema is None or not media.endswith("json"):
        return
    try:
        body = json.loads(text)
    except ValueError:
        violation("the body is not JSON")
        return
    error = first_error(schema, body)
    if error:
        violation("body does not match the schema: " + error)


def token(role, *arguments):
    command = token_command[:1] + [role] + token_command[1:] + list(arguments)
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


tokens = {"admin": token("admin", "--sub", "contract-admin")}
role_of = {}  # operationId -> the role it answered


def send(op_id, op, method, template, params, query=None, body=None, headers=None, negative=False, label=""):
    roles = [role_of[op_id]] if op_id in role_of else [r for r in ("admin", "practitioner", "insurer") if r in tokens]
    for role in roles:
        status, parsed = send_as(role, op_id, op, method, template, params, query, body, headers, negative, label)
        if status != 403:
            role_of[op_id] = role
            break
    return status, parsed


def send_as(role, op_id, op, method, template, params, query, body, headers, negative, label):
    path = template
    for name, value in params.items():
        path = path.replace("{" + name + "}", urllib.parse.quote(str(value), safe=""))
    url = base + path
    if query:
        url += "?" + urllib.parse.urlencode(query, doseq=True)
    data = None if body is None and method in ("GET", "DELETE") else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", "Bearer " + tokens[role])
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, answer_headers, text = response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        status, answer_headers, text = e.code, e.headers, e.read().decode("utf-8", "replace")
    results["sent"] += 1
    judge(op_id, op, method, path, status, answer_headers, text, negative, label)
    if label.startswith("seed") and status >= 300 and verbose:
        print(f"seed: {op_id} as {role}: {status} {text[:300]}")
    parsed = None
    try:
        parsed = json.loads(text) if text.strip() else None
    except ValueError:
        pass
    if isinstance(parsed, dict):
        segment = [s for s in template.split("/") if s and not s.startswith("{")][-1]
        if status == 201 and "id" in parsed:
            target = {"treatment-note": "treatment-notes", "offers": "appointments"}.get(segment, segment)
            pools.setdefault(target, []).append(parsed["id"])
            for link in resolve(op["responses"]["201"]).get("links", {}).values():
                for pname, expr in link.get("parameters", {}).items():
                    value = parsed.get("id") if expr == "$response.body#/id" else params.get(expr.split(".")[-1])
                    if value:
                        link_pools.setdefault((link["operationId"], pname), []).append(value)
        for item in parsed.get("items", []) if isinstance(parsed.get("items"), list) else []:
            if isinstance(item, dict) and "id" in item and method == "GET":
                pools.setdefault(segment, [])
                if item["id"] not in pools[segment] and len(pools[segment]) < 200:
                    pools[segment].append(item["id"])
    return status, parsed


operations = {}
for template, item in spec["paths"].items():
    shared = item.get("parameters", [])
    for method, op in item.items():
        if method in ("get", "post", "put", "patch", "delete"):
            operations[op["operationId"]] = (method.upper(), template, op, [resolve(p) for p in shared + op.get("parameters", [])])


def path_params(op_id):
    method, template, op, parameters = operations[op_id]
    values = {}
    segments = template.split("/")
    for i, segment in enumerate(segments):
        match = re.match(r"^\{(\w+)}$", segment)
        if not match:
            continue
        name = match.group(1)
        linked = link_pools.get((op_id, name))
        owner = segments[i - 1]
        owner = {"offers": "appointments"}.get(owner, owner)
        if linked and random.random() < 0.7:
            values[name] = random.choice(linked)
        elif pools.get(owner):
            values[name] = random.choice(pools[owner])
        else:
            values[name] = str(uuid.uuid4())
    return values


def body_schema(op):
    return ((op.get("requestBody") or {}).get("content", {}).get("application/json") or {}).get("schema")


def call(op_id, overrides=None, query=None, label="seed"):
    """One schema-valid request (with overrides for a coherent seed)."""
    method, template, op, parameters = operations[op_id]
    schema = body_schema(op)
    body = None
    if schema is not None:
        body = valid_value(schema, overrides=overrides)
        if body is None:
            results["skipped (no valid value found)"] += 1
            return None, None
    results["positive"] += 1
    return send(op_id, op, method, template, path_params(op_id), query, body, label=label)


# ---------------------------------------------------------------- 1. seed

today = datetime.datetime.now(datetime.timezone.utc)
call("createLocation", {"timeZone": "UTC", "province": "BC", "offerHours": {"start": "00:00", "end": "00:00"}})
practitioner_status, practitioner = call("createPractitioner", {"active": True, "identitySubject": None})
for modality in ("IMS", "DRY_NEEDLING", "ACUPUNCTURE"):
    call("createCertification", {"modality": modality, "validFrom": "2020-01-01", "validUntil": None, "status": "ACTIVE"})
location = pools["locations"][-1]
practitioner_id = pools["practitioners"][-1]
tokens["practitioner"] = token("practitioner", "--practitioner", practitioner_id, "--sub", "contract-practitioner")
method, template, op, _ = operations["replaceSchedule"]
send("replaceSchedule", op, method, template, {"id": practitioner_id}, body={"entries": [
    {"locationId": location, "dayOfWeek": d, "start": "00:00", "end": "23:55"}
    for d in ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")]}, label="seed")
for modality in ("IMS", None):
    call("createService", {"modality": modality, "requiredCapabilities": [], "durationMinutes": 30})
call("createInsurer", {"clientSubjects": []})
tokens["insurer"] = token("insurer", "--insurer", pools["insurers"][-1], "--sub", "contract-insurer")
call("createPatient", {"confirmDuplicate": True})
call("addCoverage", {"validFrom": "2020-01-01", "validUntil": None, "insurerId": pools["insurers"][-1]})
for modality in ("IMS", "DRY_NEEDLING", "ACUPUNCTURE"):
    call("giveConsent", {"modality": modality, "givenOn": "2024-01-01"})
call("createRoom", {"capabilities": [], "active": True})
pin = {"patientId": pools["patients"][-1], "practitionerId": practitioner_id, "serviceId": pools["services"][-2],
       "locationId": location}
soon = (today + datetime.timedelta(minutes=90)).replace(minute=(today.minute // 15) * 15, second=0, microsecond=0)
if soon.date() == today.date():  # a visit today, so it can be checked in, charted, signed and claimed
    status, visit = call("bookAppointment", dict(pin, start=soon.strftime("%Y-%m-%dT%H:%M:00Z"), roomId=None))
    if status == 201:
        method, template, op, _ = operations["checkInAppointment"]
        send("checkInAppointment", op, method, template, {"id": visit["id"]}, label="seed")
        method, template, op, _ = operations["createTreatmentNote"]
        status, note = send("createTreatmentNote", op, method, template, {"id": visit["id"]}, body={
            "subjective": "s " + marker(), "objective": "o", "assessment": "a", "plan": "p", "painBefore": 6,
            "painAfter": 3}, label="seed")
        if status == 201:
            method, template, op, _ = operations["signTreatmentNote"]
            send("signTreatmentNote", op, method, template, {"id": note["id"]}, label="seed")
for _ in range(6):
    call("bookAppointment", dict(pin, roomId=None))
call("bookSeries", dict(pin, onConflict="SKIP"))
call("createWaitlistEntry", {"patientId": pin["patientId"], "serviceId": pin["serviceId"], "locationId": location,
                             "practitionerId": None, "replacesAppointmentId": None})
call("createWebhookSubscription", {"status": "DISABLED"})
for op_id, (method, template, op, parameters) in operations.items():  # read every list once for its ids
    if method == "GET" and "{" not in template:
        send(op_id, op, method, template, {}, label="seed list")
seeded = dict(results["by status"])

# ---------------------------------------------------------------- 2. positive, 3. negative


def query_values(parameters, required_only=False):
    query = {}
    for parameter in parameters:
        if parameter.get("in") != "query":
            continue
        if parameter.get("required") or (not required_only and random.random() < 0.5):
            value = valid_value(resolve(parameter.get("schema", {})), parameter["name"])
            if value is not None:
                query[parameter["name"]] = str(value).lower() if isinstance(value, bool) else value
    return query


# Whatever ends a resource goes last in a round, so the others find it alive.
ENDING = re.compile(r"/(cancel|no-show|withdrawal|decline)$")
order = sorted(operations, key=lambda o: (operations[o][0] == "DELETE", bool(ENDING.search(operations[o][1]))))
started = time.time()
for round_no in range(rounds):
    for op_id in order:
        method, template, op, parameters = operations[op_id]
        for _ in range(4):
            call(op_id, query=query_values(parameters), label="positive")
        schema = body_schema(op)
        query = query_values(parameters, required_only=True)
        if schema is not None:
            for label, body in breakages(schema):
                if valid(schema, body):
                    continue
                results["negative"] += 1
                send(op_id, op, method, template, path_params(op_id), query, body, negative=True, label=label)
        for parameter in parameters:
            if parameter.get("in") == "query":
                pschema = resolve(parameter.get("schema", {}))
                for label, value in query_breakages(pschema):
                    if valid(pschema, typed(pschema, value)):
                        continue
                    broken = dict(query, **{parameter["name"]: value})
                    results["negative"] += 1
                    good = valid_value(schema) if schema is not None else None
                    send(op_id, op, method, template, path_params(op_id), broken, good, negative=True,
                         label=f"query {parameter['name']}: {label}")
            elif parameter.get("name") == "Idempotency-Key":
                results["negative"] += 1
                send(op_id, op, method, template, path_params(op_id), query,
                     valid_value(schema) if schema is not None else None, headers={"Idempotency-Key": "has a space"},
                     negative=True, label="Idempotency-Key breaks its pattern")

elapsed = time.time() - started
statuses = ", ".join(f"{k}: {v}" for k, v in sorted(results["by status"].items()))
print(f"contract: {results['sent']} requests over {len(operations)} operations in {elapsed:.0f} s "
      f"({results['positive']} schema-valid, {results['negative']} schema-invalid)")
print(f"contract: by status: {statuses}")
print(f"contract: operations answered 2xx at least once: "
      f"{sum(1 for s in covered.values() if any(200 <= x < 300 for x in s))} of {len(operations)}")
print(f"contract: 5xx answers: {results['5xx']} (goal 0)")
print(f"contract: contract violations (status, content type, body schema): {results['violations']} (goal 0), "
      f"of which schema-invalid requests accepted: {results['negative accepted']}")
print(f"contract: generator found no valid value: {results['skipped (no valid value found)']}")
never = sorted(op for op, s in covered.items() if not any(200 <= x < 300 for x in s))
if never:
    print("contract: never 2xx: " + ", ".join(never))
for line in problems[:25]:
    print("  " + line)
if markers_file:
    with open(markers_file, "a") as out:
        out.write("\n".join(markers) + "\n")
sys.exit(1 if results["5xx"] or results["violations"] else 0)
