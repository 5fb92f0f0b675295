-- Rate-limit counters shared by every instance (RateLimits:Store = Postgres): one row per policy and client, counted by
-- one atomic upsert per limited request. UNLOGGED: counters that live a minute need no WAL; after a crash PostgreSQL
-- empties the table, which only gives every client a fresh window. Room left on each page keeps the updates HOT.
CREATE UNLOGGED TABLE rate_limit_windows (
    key       text PRIMARY KEY,      -- '<policy>:<client>', e.g. 'waitlist:198.51.100.7'
    hits      integer NOT NULL,      -- requests in the current window, this one included
    resets_at timestamptz NOT NULL   -- when the current window ends; ratelimit.cleanup deletes rows past it
) WITH (fillfactor = 70);
