#!/usr/bin/env bash
# Patient name search on 100,000 patients: the trigram index against a forced sequential scan of
# the same query (same database, same run), and the HTTP latency of GET /api/v1/patients?q=.
#   bench/patient-search/run.sh [patients=100000] [requests=200]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
root=$(bench_root)
patients=${1:-100000}
requests=${2:-200}
db="clinic_bench_search_$$"
port=18181
log=$(mktemp)

bench_require_postgres
bench_package
bench_create_db "$db"
pid=$(bench_start_service "$db" "$port" "$log")
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; bench_drop_db "$db"; rm -f "$log"; }
trap cleanup EXIT
bench_wait_ready "$port"

echo "Loading $patients patients..."
psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
insert into patient (id, first_name, last_name, date_of_birth, created_at)
select gen_random_uuid(),
       f[1 + (i::bigint * 7919) % array_length(f, 1)],
       l[1 + (i::bigint * 104729) % array_length(l, 1)] || case when i % 5000 = 0 then 'ova' else '' end,
       date '1940-01-01' + ((i::bigint * 37) % 29000)::int,
       now()
  from generate_series(1, $patients) i,
       (select array['Olivia','Liam','Emma','Noah','Amelia','William','Ava','James','Sophia','Benjamin',
                     'Chloe','Lucas','Mia','Henry','Zoe','Jack','Isla','Leo','Aria','Ethan','Mei','Wei',
                     'Priya','Arjun','Fatima','Omar','Yuki','Haruto','Sofia','Mateo','Chen','Ananya',
                     'Gurpreet','Harjit','Nkechi','Kwame','Siobhan','Declan','Anika','Lars'] f,
               array['Smith','Brown','Tremblay','Martin','Roy','Wilson','MacDonald','Gagnon','Johnson',
                     'Taylor','Cote','Campbell','Anderson','Leblanc','Lee','Jones','White','Williams',
                     'Miller','Thompson','Gauthier','Young','Van Dyk','Morin','Bouchard','Scott',
                     'Stewart','Singh','Wong','Chen','Nguyen','Kim','Patel','Sharma','Gill','Dhillon',
                     'Sandhu','Grewal','Tanaka','Sato','Ivanova','Kowalski','Nowak','Rossi','Ferrari',
                     'Garcia','Rodriguez','Hernandez','Lopez','Gonzalez','Okafor','Mensah','Mbeki',
                     'Fraser','Murray','Reid','Clarke','Hughes','Bell','Ward','Hall','Allen','King',
                     'Wright','Baker','Nelson','Carter','Mitchell','Roberts','Turner','Phillips',
                     'Parker','Evans','Edwards','Collins','Morris','Murphy','Cook','Rogers','Morgan',
                     'Cooper','Peterson','Bailey','Reed','Kelly','Howard','Cox','Ward','Richardson',
                     'Watson','Brooks','Wood','James','Bennett','Gray','Hughes','Price','Sanders',
                     'Myers','Long','Ross','Foster'] l) names;
analyze patient;
SQL
echo "Patients: $(psql -At -d "$db" -c 'select count(*) from patient')"

# Execution time (ms) of the repository's query, as EXPLAIN ANALYZE reports it, median of 5 runs.
sql_ms() { # settings words...
  local settings=$1; shift
  local where="" i=0
  for w in "$@"; do where="$where and search_name like '%$w%'"; i=$((i+1)); done
  for _ in 1 2 3 4 5; do
    psql -At -d "$db" -c "begin; $settings explain (analyze, format json) select * from patient where true $where order by id limit 51; rollback;" \
      | grep -o '"Execution Time": [0-9.]*' | awk '{print $3}'
  done | sort -n | sed -n 3p
}

printf '\n%-26s %12s %12s %8s\n' "query" "index ms" "seqscan ms" "ratio"
for q in "smi" "singh" "gurpreet dhillon" "ivanovaova" "wong mei"; do
  read -r -a words <<<"$q"
  with_index=$(sql_ms "" "${words[@]}")
  without=$(sql_ms "set local enable_bitmapscan = off; set local enable_indexscan = off;" "${words[@]}")
  printf '%-26s %12.2f %12.2f %7.1fx\n' "$q" "$with_index" "$without" "$(echo "$without / $with_index" | bc -l)"
done

echo
echo "HTTP: $requests sequential GET /api/v1/patients?q=... (front-desk token, audit events included)"
token=$(bench_token front-desk)
times=$(mktemp)
queries=("smi" "singh" "gurpreet%20dhillon" "ivanovaova" "wong%20mei" "tremblay" "kim")
for n in $(seq 1 "$requests"); do
  q=${queries[$((n % ${#queries[@]}))]}
  curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/patients?q=$q&limit=50" | awk '{printf "%.3f\n", $1*1000}' >>"$times"
done
read -r p50 p99 < <(bench_percentiles "$times")
echo "search latency p50 ${p50} ms, p99 ${p99} ms over $requests requests on $patients patients"
rm -f "$times"
