#!/usr/bin/env bash
# The street dashboard over the 10-million-case fixture (issue 3 "Performance"): 16 concurrent users of one street
# reading its figures for a whole year and for a month, end to end over HTTP. Builds the fixture first if the database
# is absent (about N cases over 360 days, the seed CLI's bulk path; takes a long while on 2 cores).
#
#   source ../shared/ci/services.sh && services_install && services_start_postgres   # from the repo root
#   apt-get install -y wrk
#   [CG_WRITES=2] bash bench/http/dashboard.sh [seconds per run, default 30] [cases, default 10000000]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-30}
CASES=${2:-10000000}
CONNECTIONS=16
PORT=${CG_PGPORT:-55432}
DB=${CG_FIXTURE_DB:-civicgrid_10m}
URL=http://127.0.0.1:5181
source bench/http/common.sh
CONN="$CONN;Command Timeout=0"

dotnet build -c Release src/CivicGrid -v q >/dev/null
if [ "$($PSQL -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$DB'")" = 0 ]; then
  echo "== building the fixture: city, ~$CASES cases over 360 days =="
  fresh_db
  Database__Provider=Postgres ConnectionStrings__CivicGrid="$CONN" Files__Root="$WORK/files" Logging__LogLevel__Default=Warning \
    dotnet run -c Release --no-build --no-launch-profile --project src/CivicGrid -- seed --size city --cases "$CASES" --days 360
fi
echo "== fixture =="
# The dashboards read the rollups and area names only; fresh statistics for those (a full VACUUM of ten million cases
# takes long and changes nothing they read).
$PSQL -d $DB -c 'ANALYZE "CaseFiguresDaily"' -c 'ANALYZE "UnitFiguresDaily"' -c 'ANALYZE "CaseFiguresMonthly"' -c 'ANALYZE "UnitFiguresMonthly"' -c 'ANALYZE "Areas"'
$PSQL -d $DB -c "SELECT 'cases', count(*) FROM \"Cases\" UNION ALL SELECT 'history', count(*) FROM \"CaseTransitions\" UNION ALL SELECT 'area rollup rows (days / months)', count(*) FROM \"CaseFiguresDaily\" UNION ALL SELECT '', count(*) FROM \"CaseFiguresMonthly\" UNION ALL SELECT 'unit rollup rows (days / months)', count(*) FROM \"UnitFiguresDaily\" UNION ALL SELECT '', count(*) FROM \"UnitFiguresMonthly\"" | tr '|' '\t'
$PSQL -d $DB -c "SELECT pg_size_pretty(pg_database_size('$DB'))"

echo "== starting the app (Release, PostgreSQL, projection and sweep on as in production) =="
start_app Demo__SeedOnStart=false

# The fixture's stories stop at their own clocks: many open cases are past their yellow or due time, and the app's
# deadline sweep turns them yellow/red (writing history the projection then counts) for minutes after a fresh fixture.
# Measure the dashboard, not that catch-up: wait until the sweep has nothing left (the count reads every case once).
while true; do
  LEFT=$($PSQL -d $DB -c "SELECT count(*) FROM \"Cases\" WHERE \"Status\" IN (4,5,6) AND ((\"Light\" = 0 AND \"HandlingYellowAt\" < now()) OR (\"Light\" <> 2 AND \"HandlingDue\" < now()))")
  [ "$LEFT" -lt 100 ] && break
  echo "deadline sweep catching up: $LEFT cases left"; sleep 30
done

# CG_WRITES=N: N reports a second by resident1 during the runs, so that this month's figures change on every projection
# tick, as on a working day (a city of ten million cases a year reports about one every three seconds).
if [ "${CG_WRITES:-0}" != 0 ]; then
  ITEM=$($PSQL -d $DB -c "SELECT \"Code\" FROM \"CatalogItems\" WHERE NOT \"Retired\" ORDER BY \"Code\" LIMIT 1")
  mapfile -t POINTS < <($PSQL -d $DB -c "SELECT format('%s,%s', ST_X(p), ST_Y(p)) FROM (SELECT ST_PointOnSurface(\"Boundary\") p FROM \"Areas\" WHERE \"Level\" = 5 AND \"Boundary\" IS NOT NULL) g")
  RESIDENT=$(token resident1)
  (n=0; while true; do
    n=$((n+1)); IFS=, read -r LON LAT <<<"${POINTS[$((RANDOM % ${#POINTS[@]}))]}"
    curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $RESIDENT" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: dash-$$-$n" -d "{\"itemCode\":\"$ITEM\",\"description\":\"压测上报：看板运行期间的上报 $n\",\"longitude\":$LON,\"latitude\":$LAT}" \
      $URL/api/cases >>"$WORK/writes"
    sleep "$(echo "scale=3; 1/$CG_WRITES" | bc)"
  done) &
  WRITER=$!
  STAMP0=$($PSQL -d $DB -c 'SELECT coalesce(sum("Version"), 0) FROM "FigureStamps"')
fi

export CG_TOKEN=$(token street1)
TODAY=$(TZ=Asia/Shanghai date +%F)
echo "street1's street: $(curl -sf -H "Authorization: Bearer $CG_TOKEN" "$URL/api/cases/figures?from=$(TZ=Asia/Shanghai date -d '-364 days' +%F)&to=$TODAY" | head -c 300)…"

for period in "year $(TZ=Asia/Shanghai date -d '-364 days' +%F)" "month $(TZ=Asia/Shanghai date -d '-29 days' +%F)"; do
  set -- $period
  export CG_FROM=$2 CG_TO=$TODAY
  echo "== warm-up ($1) =="
  wrk -t2 -c$CONNECTIONS -d20s -s bench/http/dashboard.lua $URL >/dev/null
  echo "== street dashboard, $1 ($CG_FROM..$CG_TO), $CONNECTIONS connections, ${SECONDS_PER_RUN}s =="
  APP0=$(cpu_of $APP_PID); PG0=$(pg_cpu)
  wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency -s bench/http/dashboard.lua $URL | tee "$WORK/out"
  # CPU per request (app process, and the fixture database's PostgreSQL backends): what the machine spends, load aside.
  N=$(awk '/requests in/ {print $1; exit}' "$WORK/out")
  echo "CPU per request: app $(echo "scale=2; ($(cpu_of $APP_PID)-$APP0)*1000/$TICK/$N" | bc) ms, PostgreSQL $(echo "scale=2; ($(pg_cpu)-$PG0)*1000/$TICK/$N" | bc) ms"
done

if [ -n "${WRITER:-}" ]; then
  kill $WRITER
  echo "writes during the runs: $(sort "$WORK/writes" | uniq -c | tr '\n' ' '); rollup writes (stamp bumps): $(( $($PSQL -d $DB -c 'SELECT sum("Version") FROM "FigureStamps"') - STAMP0 ))"
fi
machine
