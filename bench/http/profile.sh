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
URL=http://127.0.0.1:5185
source bench/http/common.sh

fresh_db
dotnet build -c Release src/CivicGrid -v q >/dev/null
start_app DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
intake_inputs

# Warm up (and, for accept, make the reported cases it accepts), then profile a run at 16 connections.
CG_TOKEN=$(token resident1) wrk -t2 -c16 -d20s -s bench/http/intake.lua $URL | grep Requests/sec
if [ "$WHAT" = accept ]; then
  CG_RUN=${CG_RUN}b CG_TOKEN=$(token resident1) wrk -t2 -c16 -d20s -s bench/http/intake.lua $URL >/dev/null
  reported_ids "$WORK/ids.txt"
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
cp "$WORK/perf.data" /tmp/civicgrid-perf.data && echo "perf data: /tmp/civicgrid-perf.data (perf report -i …)"
