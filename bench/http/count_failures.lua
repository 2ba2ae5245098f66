-- wrk script: the requests wrk makes by itself, with every status but 200 counted as a failure,
-- so a benchmark of errors cannot pass for a fast one. Usage: wrk … -s count_failures.lua URL
local failures = 0
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx or socket errors: %d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
