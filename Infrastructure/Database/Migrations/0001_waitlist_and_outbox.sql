CREATE TABLE waitlist_entries (
    id          uuid PRIMARY KEY,
    -- Place in the queue. The join inserts only new addresses, so duplicates draw no number and leave no gap;
    -- a sequence, unlike a counter row, never makes concurrent sign-ups wait for each other.
    position    bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    email       text NOT NULL CHECK (email = lower(btrim(email)) AND length(email) <= 254),
    type        text NOT NULL CHECK (type IN ('professional', 'empresa')),
    name        text NOT NULL CHECK (length(name) BETWEEN 2 AND 120),
    field       text CHECK (length(field) <= 120),
    company     text CHECK (length(company) <= 160),
    created_at  timestamptz NOT NULL DEFAULT now(),
    archived_at timestamptz
);

-- Uniqueness is the database's job: fifty simultaneous sign-ups of one address leave exactly one row.
CREATE UNIQUE INDEX waitlist_entries_email_key ON waitlist_entries (lower(email));
CREATE INDEX waitlist_entries_created_at_idx ON waitlist_entries (created_at);

CREATE TABLE email_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    to_address      text NOT NULL,
    subject         text NOT NULL,
    html_body       text NOT NULL,
    text_body       text NOT NULL,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);

CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE status = 'pending';
