-- One row per job per call of /api/cron, skipped and failed runs included: the scheduler's audit trail.
CREATE TABLE cron_runs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job         text NOT NULL,
    status      text NOT NULL CHECK (status IN ('ok', 'skipped', 'failed')),
    affected    integer NOT NULL DEFAULT 0,
    duration_ms bigint NOT NULL,
    -- The exception's message for a failed run; the HTTP answer only points here.
    error       text,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cron_runs_job_started_at_idx ON cron_runs (job, started_at DESC);

-- The ledger of waitlist.weekly-report: one row per reported ISO week, written in the transaction that queues
-- the emails, so a week is reported exactly once however often (or however concurrently) the job runs.
CREATE TABLE weekly_reports (
    week_start date PRIMARY KEY, -- the Monday of the reported week, in Reports:TimeZone
    iso_week   text NOT NULL,    -- e.g. 2026-W46
    recipients integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- waitlist.archive looks for entries not archived yet.
CREATE INDEX waitlist_entries_unarchived_idx ON waitlist_entries (created_at) WHERE archived_at IS NULL;
