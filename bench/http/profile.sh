#!/usr/bin/env bash
# Where the app spends its CPU under the intake or the accept load: a `perf` profile of the app process (Release,
# PostgreSQL, demo district on a fresh database), summarised by the frames that hold the most on-CPU samples.
# .NET's JIT-compiled frames are named through the runtime's perf map (DOTNET_PerfMapEnabled=1); W^X is turned off so
# perf finds the code where the map says it is.
#
#   source ../shared/ci/services.sh && services_install && services_start_postgres   # from the repo root
#   apt-get install -y wrk linux-perf                                                  # perf: Debian's linux-perf
#   bash bench/http/profile.sh [intake|accept, default intake] [seconds, default 15]
set -euo pipefail
cd "$(dirname "$0")/../.."
WHAT=${1:-intake}
SECONDS_PROFILED=${2:-15}
PORT=${CG_PGPORT:-55432}
DB=civicgrid_profile
PSQL="psql -h 127.0.0.1 -p $PORT -U postgres -v ON_ERROR_STOP=1 -qAt"
URL=http://127.0.0.1:5185
WORK=$(mktemp -d)
trap 'pkill -f "urls $URL" 2>/dev/null || true' EXIT

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
$PSQL -d $DB -c "CREATE EXTENSION IF NOT EXISTS postgis"
dotnet build -c Release src/CivicGrid -v q >/dev/null
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 Database__Provider=Postgres \
  ConnectionStrings__CivicGrid="Host=127.0.0.1;Port=$PORT;Username=postgres;Password=postgres;Database=$DB;Maximum Pool Size=64" \
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet run -c Release --no-build --no-launch-profile --project src/CivicGrid -- --urls $URL >"$WORK/app.log" 2>&1 &
for _ in $(seq 1 300); do curl -sf $URL/health/ready >/dev/null && break; sleep 1; done
APP_PID=$(pgrep -f "CivicGrid --urls $URL" | tail -1)

token() { curl -sf -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"Demo@2026\"}" $URL/api/auth/token | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'; }
export CG_ITEM=$($PSQL -d $DB -c "SELECT \"Code\" FROM \"CatalogItems\" WHERE NOT \"Retired\" ORDER BY \"Code\" LIMIT 1")
export CG_POINTS=$WORK/points.lua CG_RUN=$(date +%s) CG_THREADS=2
{ echo "return {"; $PSQL -d $DB -c "SELECT format('{%s,%s},', ST_X(p), ST_Y(p)) FROM (SELECT ST_PointOnSurface(\"Boundary\") p FROM \"Areas\" WHERE \"Level\" = 5 AND \"Boundary\" IS NOT NULL) g"; echo "}"; } >"$CG_POINTS"

# Warm up (and, for accept, make the reported cases it accepts), then profile a run at 16 connections.
CG_TOKEN=$(token resident1) wrk -t2 -c16 -d20s -s bench/http/intake.lua $URL | grep Requests/sec
if [ "$WHAT" = accept ]; then
  CG_RUN=${CG_RUN}b CG_TOKEN=$(token resident1) wrk -t2 -c16 -d20s -s bench/http/intake.lua $URL >/dev/null
  $PSQL -d $DB -c "SELECT \"Id\" FROM \"Cases\" WHERE \"Status\" = 1 AND \"Description\" LIKE '压测上报%' ORDER BY random()" >"$WORK/ids.txt"
  export CG_IDS=$WORK/ids.txt SCRIPT=bench/http/accept.lua CG_TOKEN=$(token admin)
else
  export SCRIPT=bench/http/intake.lua CG_RUN=${CG_RUN}c CG_TOKEN=$(token resident1)
fi
(sleep 2; perf record -F 499 -g -p "$APP_PID" -o "$WORK/perf.data" -- sleep "$SECONDS_PROFILED" >"$WORK/perf.log" 2>&1) &
PERF=$!
wrk -t2 -c16 -d$((SECONDS_PROFILED + 4))s -s $SCRIPT $URL | grep -E "Requests/sec|Latency"
wait $PERF || { cat "$WORK/perf.log"; exit 1; }
perf script -i "$WORK/perf.data" 2>/dev/null >"$WORK/perf.txt"

# Inclusive share of on-CPU samples per frame (a frame counted once per sample), the 60 largest.
python3 - "$WORK/perf.txt" <<'PY'
import collections, re, sys
samples = open(sys.argv[1]).read().split('\n\n')
counts = collections.Counter()
for s in samples:
    seen = set()
    for line in s.split('\n')[1:]:
        parts = line.strip().split(' ', 1)
        if len(parts) < 2: continue
        m = re.search(r'\]\s*([\w\.`+<>]+::[\w<>`\.]+)', parts[1])
        name = m.group(1) if m else re.sub(r'\s*\(.*\)$', '', parts[1])[:120]
        if name not in seen: seen.add(name); counts[name] += 1
print(f"{len(samples)} samples")
for name, n in counts.most_common(60): print(f"{100 * n / len(samples):5.1f} %  {name}")
PY
echo "perf data: $WORK/perf.data (perf report -i …)"
