#!/usr/bin/env bash
# Intake and transition throughput of the case API on PostgreSQL, each run back to back with its pgbench reference on
# the same server (issue 3 "Performance"). Prints wrk's and pgbench's own output; copy the numbers into ../RESULTS.md.
#
#   source ../shared/ci/services.sh && services_install && services_start_postgres   # from the repo root
#   apt-get install -y wrk                                                             # pgbench comes with PostgreSQL
#   bash bench/http/cases.sh [seconds per run, default 30]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-30}
CONNECTIONS=16
THREADS=2
PORT=${CG_PGPORT:-55432}
DB=civicgrid_bench
URL=http://127.0.0.1:5180
source bench/http/common.sh

fresh_db
echo "== building and starting the app (Release, PostgreSQL, demo district) =="
dotnet build -c Release src/CivicGrid -v q >/dev/null
start_app
intake_inputs

# CPU seconds used by the app and by PostgreSQL during each run: on a machine where the app, PostgreSQL and the load
# generator share the cores, the cost per request says more than the rate alone. PostgreSQL's share is that of the
# backends serving this database (their process titles name it), so other databases on the server do not count.
# pgbench's backends end with the run, so their CPU is read one second before it ends and scaled to the whole run.
mark() { APP0=$(cpu_of $APP_PID); PG0=$(pg_cpu); }
cost() { # cost <label> <requests>
  local app=$(( $(cpu_of $APP_PID) - APP0 )) pg=$(( $(pg_cpu) - PG0 ))
  echo "CPU per $1: app $(echo "scale=2; $app*1000/$TICK/$2" | bc) ms, PostgreSQL $(echo "scale=2; $pg*1000/$TICK/$2" | bc) ms"
}
# The app's pooled connections stay open (idle) during a pgbench run and carry the CPU of all the HTTP runs so far:
# pgbench's share is the late reading minus a reading of those connections taken just before pgbench starts.
pgbench_cpu() { # pgbench_cpu <label> <transactions>: from the reading taken a second before the end
  local pg=$(cat "$WORK/pgcpu" 2>/dev/null); pg=${pg:-0}
  echo "CPU per $1: PostgreSQL $(echo "scale=2; $pg*1000/$TICK/($2*($SECONDS_PER_RUN-1)/$SECONDS_PER_RUN)" | bc) ms"
}
read_pg_late() { local base=$(pg_cpu); (sleep $((SECONDS_PER_RUN - 1)); echo $(( $(pg_cpu) - base )) >"$WORK/pgcpu") & }
count() { awk '/requests in|transactions actually processed/ {for (i=1;i<=NF;i++) if ($i ~ /^[0-9]+$/) {print $i; exit}}'; }

echo "== warm-up (tiered JIT settles: 20 s of intake, 20 s of reads) =="
CG_TOKEN=$(token resident1) wrk -t$THREADS -c$CONNECTIONS -d20s -s bench/http/intake.lua $URL >/dev/null

echo "== intake: POST /api/cases, $CONNECTIONS connections, ${SECONDS_PER_RUN}s =="
mark
CG_RUN=${CG_RUN}b CG_TOKEN=$(token resident1) wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency -s bench/http/intake.lua $URL | tee "$WORK/out"
cost intake "$(count <"$WORK/out")"

echo "== reference: pgbench single-row insert into a copy of \"Cases\", $CONNECTIONS clients, ${SECONDS_PER_RUN}s =="
$PSQL -d $DB -c 'DROP TABLE IF EXISTS bench_cases, bench_transitions' \
  -c 'CREATE TABLE bench_cases (LIKE "Cases" INCLUDING ALL)' -c 'CREATE TABLE bench_transitions (LIKE "CaseTransitions" INCLUDING ALL)'
read_pg_late
pgbench -h 127.0.0.1 -p $PORT -U postgres -n -c $CONNECTIONS -j $THREADS -T $SECONDS_PER_RUN -f bench/http/pg-insert.sql $DB | tee "$WORK/out"
pgbench_cpu "pgbench insert" "$(count <"$WORK/out")"

echo "== transition: POST /api/cases/{id}/accept, $CONNECTIONS connections, ${SECONDS_PER_RUN}s =="
export CG_IDS=$WORK/ids.txt
reported_ids "$CG_IDS"
echo "$(wc -l <"$CG_IDS") reported cases available; a third of them warm the transition path up for 10 s"
N=$(wc -l <"$CG_IDS")
head -n $((N / 3)) "$CG_IDS" >"$WORK/warm.txt"; tail -n +$((N / 3 + 1)) "$CG_IDS" >"$WORK/run.txt"
CG_IDS=$WORK/warm.txt CG_TOKEN=$(token admin) wrk -t$THREADS -c$CONNECTIONS -d10s -s bench/http/accept.lua $URL >/dev/null
export CG_IDS=$WORK/run.txt
mark
CG_TOKEN=$(token admin) wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency -s bench/http/accept.lua $URL | tee "$WORK/out"
cost accept "$(count <"$WORK/out")"

echo "== reference: pgbench update + insert transaction, $CONNECTIONS clients, ${SECONDS_PER_RUN}s =="
ROWS=$($PSQL -d $DB -c "ALTER TABLE bench_cases ADD COLUMN k bigserial UNIQUE; SELECT count(*) FROM bench_cases")
read_pg_late
pgbench -h 127.0.0.1 -p $PORT -U postgres -n -c $CONNECTIONS -j $THREADS -T $SECONDS_PER_RUN -D rows=$ROWS -f bench/http/pg-transition.sql $DB | tee "$WORK/out"
pgbench_cpu "pgbench update+insert" "$(count <"$WORK/out")"

machine
