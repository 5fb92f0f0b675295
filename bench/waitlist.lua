-- wrk script: every request joins the waitlist as the marketing site's form does, with all of its defences on: an
-- address no other request uses, the share link's referral code (the script's argument), the empty honeypot and a
-- render time older than Waitlist:MinSecondsToSubmit. Addresses are unique in this run and in earlier ones against the
-- same database (the warm-up).
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
  return wrk.format("POST", "/api/waitlist", { ["Content-Type"] = "application/json" }, body)
end
