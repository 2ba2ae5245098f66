-- wrk script: POSTs JSON bodies read from a file, one per line, in turn (each connection starts at
-- a different line). Usage: wrk … -s post_bodies.lua URL -- BODIES_FILE
local bodies = {}
local counter = 0

function init(args)
  local f = assert(io.open(args[1], "r"), "cannot open " .. tostring(args[1]))
  for line in f:lines() do
    if #line > 0 then bodies[#bodies + 1] = line end
  end
  f:close()
  assert(#bodies > 0, "no bodies in " .. args[1])
  counter = math.random(#bodies)
end

function request()
  counter = counter % #bodies + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, bodies[counter])
end

-- Any status but 200 is counted, so a benchmark of errors cannot pass for a fast one.
local failures = 0
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx or socket errors: %d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
