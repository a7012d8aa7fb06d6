# What the HTTP bench scripts share; sourced, not run. Before sourcing, set PORT (PostgreSQL), DB and URL.
# Gives: PSQL, WORK (removed on exit, with the app stopped), TICK, and the functions below.
PSQL="psql -h 127.0.0.1 -p $PORT -U postgres -v ON_ERROR_STOP=1 -qAt"
CONN="Host=127.0.0.1;Port=$PORT;Username=postgres;Password=postgres;Database=$DB;Maximum Pool Size=64"
WORK=$(mktemp -d)
trap 'pkill -f "urls $URL" 2>/dev/null || true; rm -rf "$WORK"' EXIT
TICK=$(getconf CLK_TCK)

# fresh_db: drop and create $DB with PostGIS.
fresh_db() {
  $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  $PSQL -d $DB -c "CREATE EXTENSION IF NOT EXISTS postgis"
}

# start_app [NAME=value …]: the Release build in Production on $DB, listening on $URL, extra environment first; waits
# until it is ready and sets APP_PID. The build must exist (dotnet build -c Release src/CivicGrid).
start_app() {
  env "$@" Database__Provider=Postgres ConnectionStrings__CivicGrid="$CONN" ASPNETCORE_ENVIRONMENT=Production \
    Logging__LogLevel__Default=Warning \
    dotnet run -c Release --no-build --no-launch-profile --project src/CivicGrid -- --urls $URL >"$WORK/app.log" 2>&1 &
  for _ in $(seq 1 300); do curl -sf $URL/health/ready >/dev/null && break; sleep 1; done
  curl -sf $URL/health/ready >/dev/null || { cat "$WORK/app.log"; exit 1; }
  APP_PID=$(pgrep -f "CivicGrid --urls $URL" | tail -1)
}

# token <user>: a demo user's bearer token.
token() { curl -sf -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"Demo@2026\"}" $URL/api/auth/token | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'; }

# intake_inputs: exports what intake.lua reads: a catalog item, a point inside each grid, a run tag.
intake_inputs() {
  export CG_ITEM=$($PSQL -d $DB -c "SELECT \"Code\" FROM \"CatalogItems\" WHERE NOT \"Retired\" ORDER BY \"Code\" LIMIT 1")
  export CG_POINTS=$WORK/points.lua CG_RUN=$(date +%s) CG_THREADS=2
  { echo "return {"; $PSQL -d $DB -c "SELECT format('{%s,%s},', ST_X(p), ST_Y(p)) FROM (SELECT ST_PointOnSurface(\"Boundary\") p FROM \"Areas\" WHERE \"Level\" = 5 AND \"Boundary\" IS NOT NULL) g"; echo "}"; } >"$CG_POINTS"
}

# reported_ids <file>: the reported cases the intake runs made, shuffled (accept.lua accepts each once).
reported_ids() { $PSQL -d $DB -c "SELECT \"Id\" FROM \"Cases\" WHERE \"Status\" = 1 AND \"Description\" LIKE '压测上报%' ORDER BY random()" >"$1"; }

# CPU ticks used so far by the given processes, and by the PostgreSQL backends serving $DB (their titles name it).
cpu_of() { local s=0 v; for p in "$@"; do v=$(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || true); s=$((s+${v:-0})); done; echo $s; }
pg_cpu() { cpu_of $(pgrep -f "postgres: postgres $DB "); }

machine() { echo "== machine =="; nproc; grep -m1 'model name' /proc/cpuinfo; free -g | sed -n 2p; psql --version; uptime; }
