-- wrk script: every request joins the waitlist with an address no other request uses, from one of 250 client
-- addresses per thread (X-Forwarded-For, trusted from loopback), as many visitors would: rate-limit windows are
-- then many rows, not one row that every request must lock in turn.
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"email":"bench-%d-%d-%d@example.com","type":"professional","name":"Persona de prueba","field":"Bioquímica"}',
    id, counter, math.random(1, 1000000000))
  local client = string.format("198.18.%d.%d", id, counter % 250 + 1)
  return wrk.format("POST", "/api/waitlist", { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = client }, body)
end
