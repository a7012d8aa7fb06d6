-- wrk: POST /api/cases/{id}/accept, each request a different Reported case (ids from CG_IDS, split across threads).
local token = os.getenv("CG_TOKEN")
local nthreads = tonumber(os.getenv("CG_THREADS"))
local ids = {}
for line in io.lines(os.getenv("CG_IDS")) do ids[#ids + 1] = line end
local id = 0
local next = 0

function setup(thread)
  id = id + 1
  thread:set("tid", id)
end

function request()
  local i = tid + next * nthreads
  next = next + 1
  local case = ids[i] or ids[1]  -- past the end: a refused move (409), counted by wrk as non-2xx
  return wrk.format("POST", "/api/cases/" .. case .. "/accept", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, '{"comment":"压测受理"}')
end
