-- wrk: POST /api/cases with a fresh Idempotency-Key per request, at points inside the demo district's grids.
-- Reads the bearer token, the catalog item and the points from the environment / points.lua (written by cases.sh).
local token = os.getenv("CG_TOKEN")
local item = os.getenv("CG_ITEM")
local points = dofile(os.getenv("CG_POINTS"))
local threads = {}
local id = 0
local counter = 0

function setup(thread)
  id = id + 1
  thread:set("tid", id)
end

function request()
  counter = counter + 1
  local p = points[(counter + tid * 7919) % #points + 1]
  local body = string.format(
    '{"itemCode":"%s","description":"压测上报：路面坑洼，影响通行 %d-%d","longitude":%.7f,"latitude":%.7f}',
    item, tid, counter, p[1], p[2])
  return wrk.format("POST", "/api/cases", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", os.getenv("CG_RUN"), tid, counter),
  }, body)
end
