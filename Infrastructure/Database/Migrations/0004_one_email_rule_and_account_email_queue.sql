-- The one rule for email addresses, shared by the waitlist and accounts so that the two join: PostgreSQL lower-cases
-- (İ included) and trims; .NET's lower-casing differs on a few letters, so the API never normalises in C#.
CREATE FUNCTION normalized_email(address text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(btrim(address));

UPDATE users SET email = normalized_email(email) WHERE email <> normalized_email(email);
ALTER TABLE users ADD CONSTRAINT users_email_normalized CHECK (email = normalized_email(email));

ALTER TABLE waitlist_entries DROP CONSTRAINT waitlist_entries_email_check;
ALTER TABLE waitlist_entries ADD CONSTRAINT waitlist_entries_email_check CHECK (email = normalized_email(email) AND length(email) <= 254);

-- Requests for account emails (password reset, verification, a sign-up attempt on a registered address). A request
-- only queues a row, the same work whether or not the address has an account; a worker sends what is due.
CREATE TABLE account_email_requests (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text NOT NULL CHECK (kind IN ('reset-password', 'verify-email', 'sign-up-attempt')),
    email        text NOT NULL,
    callback_url text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
