-- wrk script: every request joins the waitlist as the marketing site's form does, with all of its defences on: an
-- address no other request uses (in this run, or an earlier one against the same database: the warm-up), the share
-- link's referral code (the script's argument), the empty honeypot and a render time older than
-- Waitlist:MinSecondsToSubmit. It comes from one of 250 client addresses per thread (X-Forwarded-For, trusted from
-- loopback), as many visitors would: rate-limit windows are then many rows, not one row that every request must lock in turn.
local counter = 0
local threads = 0
local ref = ""
math.randomseed(os.time())
local run = math.random(1, 1000000000)

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  ref = args[1] or ""
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"email":"bench-%d-%d-%d@example.com","type":"professional","name":"Persona de prueba","field":"Bioquímica","ref":"%s","website":"","renderedAt":%d}',
    run, id, counter, ref, (os.time() - 30) * 1000)
  local client = string.format("198.18.%d.%d", id, counter % 250 + 1)
  return wrk.format("POST", "/api/waitlist", { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = client }, body)
end
