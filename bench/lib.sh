# Shared helpers for the benchmark scripts: a fresh database on the local PostgreSQL and the
# packaged service (prod profile, with a key pair of the benchmarks' own - the prod profile refuses
# the public dev key - and a bench issuer) started against it.
BENCH_ISSUER="https://bench.needleclinic.invalid"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

bench_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

bench_require_postgres() {
  if ! pg_isready -q; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
    for _ in $(seq 1 30); do pg_isready -q && return 0; sleep 1; done
    echo "PostgreSQL is not running on $PGHOST:$PGPORT" >&2; exit 1
  fi
}

bench_create_db() { # name
  PGOPTIONS='-c client_min_messages=warning' psql -q -d postgres -c "drop database if exists $1 with (force)"
  psql -q -v ON_ERROR_STOP=1 -d postgres -c "create database $1"
}

bench_drop_db() { psql -q -d postgres -c "drop database if exists $1 with (force)" >/dev/null 2>&1 || true; }

bench_package() { # builds target/quarkus-app unless it is newer than every source file
  local root; root=$(bench_root)
  if [ ! -f "$root/target/quarkus-app/quarkus-run.jar" ] || \
     [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$root/target/quarkus-app/quarkus-run.jar" -print -quit)" ]; then
    (cd "$root" && ./mvnw -B -q package -DskipTests)
  fi
}

# Health and metrics are on the management interface: the API port + 1000 here.
bench_management_port() { echo $(( $1 + 1000 )); }

# The benchmarks' own RSA key pair (target/bench-keys), made once; tokens are signed with it.
bench_keys() {
  local dir; dir="$(bench_root)/target/bench-keys"
  if [ ! -f "$dir/public.pem" ]; then
    mkdir -p "$dir"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem" 2>/dev/null
    openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
    openssl rand -base64 32 >"$dir/webhook-secret-key"
  fi
  echo "$dir"
}

bench_start_service() { # db port log [extra java args...]
  local db=$1 port=$2 log=$3; shift 3
  local root; root=$(bench_root)
  local keys; keys=$(bench_keys)
  CLINIC_RATE_LIMIT_REQUESTS_PER_SECOND=${CLINIC_RATE_LIMIT_REQUESTS_PER_SECOND:-0} \
  QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$(bench_management_port "$port") \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
  QUARKUS_DATASOURCE_USERNAME=$PGUSER QUARKUS_DATASOURCE_PASSWORD=unused \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$keys/public.pem" \
  MP_JWT_VERIFY_ISSUER="$BENCH_ISSUER" \
  CLINIC_WEBHOOKS_SECRET_KEY="$(cat "$keys/webhook-secret-key")" \
    "${BENCH_JAVA:-java}" "$@" -jar "$root/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
  echo $!
}

# The throughput benches' service (bench/booking, rooms, events, courses): a fresh database and the
# packaged service on it, with the same pools and heap for each (BENCH_THREADS, BENCH_DB_POOL and
# BENCH_JAVA_OPTS override them); its pid in $pid. The caller sets its EXIT trap, then waits for ready.
bench_throughput_up() { # db port log
  bench_require_postgres
  bench_package
  bench_create_db "$1"
  pid=$(QUARKUS_THREAD_POOL_MAX_THREADS=${BENCH_THREADS:-12} QUARKUS_DATASOURCE_JDBC_MAX_SIZE=${BENCH_DB_POOL:-12} \
    bench_start_service "$1" "$2" "$3" -Xms1g -Xmx1g ${BENCH_JAVA_OPTS:-})
}

# Stops the service and waits until its JVM has exited (the service was started by a subshell, so
# `wait` cannot wait for it). A JDK 25 training run writes its AOT cache while exiting.
bench_stop_service() { # pid
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 240); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done
  echo "service $1 did not stop within 120 s" >&2
}

bench_wait_ready() { # port
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$(bench_management_port "$1")/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "service on port $1 did not become ready" >&2; return 1
}

bench_token() { "$(bench_root)/scripts/dev-token" "$@" --iss "$BENCH_ISSUER" --ttl 7200 --key "$(bench_keys)/private.pem"; }

# p50 and p99 of the numbers in a file, one per line
bench_percentiles() {
  sort -n "$1" | awk '{a[NR]=$1} END {p50=a[int(NR*0.50)+(NR*0.50>int(NR*0.50))]; p99=a[int(NR*0.99)+(NR*0.99>int(NR*0.99))]; printf "%.2f %.2f\n", p50, p99}'
}

# The booking benchmarks' data, in SQL: a location, a 30-minute IMS service, PRACTITIONERS
# certified practitioners who work 00:00-23:59 every day, PATIENTS patients, and SLOTS distinct
# bookable slots in bench_slot (slot n: practitioner n % P, patient n % PATIENTS, the (n / P)th
# slot of a 30-minute grid of 40 a day from 03:00 local - after any daylight-saving change, so no
# two slots share an instant - from the day after tomorrow). bench_booking_bodies writes them as
# request bodies for wrk.
bench_booking_fixture() { # db practitioners patients slots
  local db=$1 practitioners=$2 patients=$3 slots=$4
  psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
insert into location (id, name, time_zone, province) values ('00000000-0000-7000-8000-00000000000a', 'Bench', 'America/Vancouver', 'BC');
insert into clinic_service (id, name, modality, duration_minutes, price_cents, currency, billing_code)
values ('00000000-0000-7000-8000-00000000000b', 'IMS 30', 'IMS', 30, 9500, 'CAD', 'IMS-30');
create table bench_practitioner (n int primary key, id uuid not null);
insert into bench_practitioner select n, gen_random_uuid() from generate_series(0, $practitioners - 1) n;
insert into practitioner (id, first_name, last_name, discipline, registration_number, registration_body, province)
select id, 'Bench', 'P' || n, 'PHYSIOTHERAPIST', 'B-' || n, 'Bench college', 'BC' from bench_practitioner;
insert into certification (id, practitioner_id, modality, issuing_body, credential_number, valid_from, status)
select gen_random_uuid(), id, 'IMS', 'iSTOP', 'C-' || n, date '2020-01-01', 'ACTIVE' from bench_practitioner;
insert into schedule_entry (id, practitioner_id, location_id, day_of_week, start_time, end_time)
select gen_random_uuid(), p.id, '00000000-0000-7000-8000-00000000000a', d, time '00:00', time '23:59'
  from bench_practitioner p, generate_series(1, 7) d;
create table bench_patient (n int primary key, id uuid not null);
insert into bench_patient select n, gen_random_uuid() from generate_series(0, $patients - 1) n;
insert into patient (id, first_name, last_name, date_of_birth)
select id, 'Bench', 'Patient' || n, date '1980-01-01' from bench_patient;
create table bench_slot as
select g.n, pr.id as practitioner_id, pa.id as patient_id,
       ((current_date + 2 + (g.n / $practitioners) / 40)::timestamp + time '03:00'
         + make_interval(mins => 30 * ((g.n / $practitioners) % 40))) at time zone 'America/Vancouver' as start_at
  from generate_series(0, $slots - 1) g(n)
  join bench_practitioner pr on pr.n = g.n % $practitioners
  join bench_patient pa on pa.n = g.n % $patients;
create unique index on bench_slot (n);
analyze;
SQL
}

bench_booking_bodies() { # db first count file [service]: slots [first, first + count) as booking bodies, one a line
  psql -At -d "$1" -c "select json_build_object('patientId', patient_id, 'practitionerId', practitioner_id,
      'serviceId', '${5:-00000000-0000-7000-8000-00000000000b}', 'locationId', '00000000-0000-7000-8000-00000000000a',
      'start', to_char(start_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))
      from bench_slot where n >= $2 and n < $(($2 + $3)) order by n" >"$4"
}
