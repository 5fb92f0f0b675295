-- wrk script: every request joins the waitlist with an address no other request uses, in this run or in an
-- earlier one against the same database (a warm-up, the peer's run).
local counter = 0
local threads = 0
math.randomseed(os.time())
local run = math.random(1, 1000000000)

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"email":"bench-%d-%d-%d@example.com","type":"professional","name":"Persona de prueba","field":"Bioquímica"}',
    run, id, counter)
  return wrk.format("POST", "/api/waitlist", { ["Content-Type"] = "application/json" }, body)
end
