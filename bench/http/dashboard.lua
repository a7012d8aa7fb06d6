-- wrk: the street dashboard as its page loads it — the street's figures with one row per community, then the units'
-- figures — alternating, over the period in CG_FROM..CG_TO. Prints p95 (wrk's own --latency stops at 50/75/90/99).
local token = os.getenv("CG_TOKEN")
local from, to = os.getenv("CG_FROM"), os.getenv("CG_TO")
local n = 0

function request()
  n = n + 1
  local path = (n % 2 == 0) and "/api/cases/figures/units" or "/api/cases/figures"
  return wrk.format("GET", string.format("%s?from=%s&to=%s", path, from, to), { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  io.write(string.format("p95 latency: %.2f ms; non-2xx/3xx: %d; errors: %d\n", latency:percentile(95) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
