#!/usr/bin/env bash
# Against the packaged service, from openapi.yaml: hostile and malformed requests (fuzz.py), then
# property-based contract testing - schema-valid and schema-invalid requests over every operation,
# every answer validated against the contract (contract.py). Then the log is scanned for any text
# either sent.
#   bench/fuzz/run.sh [min_requests=2000] [contract_rounds=6]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
root=$(bench_root)
minimum=${1:-2000}
rounds=${2:-6}
db="clinic_bench_fuzz_$$"
port=18187
log=$(mktemp)
work=$(mktemp -d)

# contract.py validates with jsonschema (and its referencing) and reads the contract with PyYAML.
python3 -c 'import yaml, jsonschema, referencing' 2>/dev/null || python3 -m pip install --quiet pyyaml jsonschema
bench_require_postgres
bench_package
bench_create_db "$db"
pid=$(bench_start_service "$db" "$port" "$log")
cleanup() { bench_stop_service "$pid"; bench_drop_db "$db"; rm -rf "$work" "$log"; }
trap cleanup EXIT
bench_wait_ready "$port"

# Tokens: one per role, an expired one, one signed with another key, one from another issuer.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/other.pem" 2>/dev/null
bench_key="$(bench_keys)/private.pem"
{
  echo "admin $(bench_token admin)"
  echo "front-desk $(bench_token front-desk)"
  echo "practitioner $(bench_token practitioner --practitioner 00000000-0000-7000-8000-000000000001)"
  echo "insurer $(bench_token insurer --insurer 00000000-0000-7000-8000-000000000001)"
  echo "expired $("$root/scripts/dev-token" admin --iss "$BENCH_ISSUER" --ttl -60 --key "$bench_key")"
  echo "forged $("$root/scripts/dev-token" admin --iss "$BENCH_ISSUER" --key "$work/other.pem")"
  echo "dev-key $("$root/scripts/dev-token" admin --iss "$BENCH_ISSUER")"
  echo "other-issuer $("$root/scripts/dev-token" admin --iss https://evil.example --key "$bench_key")"
  echo "long-subject $(bench_token front-desk --sub "$(printf 'L%.0s' $(seq 1 300))")"
  echo "shared-desk $(bench_token front-desk --sub fuzz-shared-subject)"
  echo "shared-practitioner $(bench_token practitioner --sub fuzz-shared-subject --practitioner 00000000-0000-7000-8000-0000000000ff)"
} >"$work/tokens.txt"

status=0
python3 "$here/fuzz.py" "http://127.0.0.1:$port" "$root/openapi.yaml" "$work/tokens.txt" "$minimum" "$work/markers.txt" \
  || status=$?
python3 "$here/contract.py" "http://127.0.0.1:$port" "$root/openapi.yaml" \
  "$root/scripts/dev-token --iss $BENCH_ISSUER --ttl 7200 --key $bench_key" "$rounds" "$work/markers.txt" \
  || status=$?
errors=$(grep -c 'Unexpected error' "$log" || true)
echo "service log: $errors unexpected errors"
# The log scan: no text the fuzzer sent - every one carries a marker - may appear in the log.
found=$({ grep -a -o 'QZMARK[0-9]*X' "$log" || true; } | sort -u | wc -l)
echo "log scan: $(wc -l <"$work/markers.txt") markers sent, $found found in the service's log (goal 0)"
if [ "$found" -gt 0 ]; then
  grep -a -n 'QZMARK' "$log" | head -5 | cut -c1-300
  status=1
fi
exit $status
