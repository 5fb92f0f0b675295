-- Profile: what a person tells the platform about themselves. Name, image and email stay on the account (users,
-- Auth's); a person without a row here has the defaults, with type, field and company from their waitlist entry.
-- Rows go with the account (ON DELETE CASCADE), whoever deletes it: the owner, an admin, or the erasure of their data.
CREATE TABLE profiles (
    user_id      text PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    type         text CHECK (type IN ('professional', 'empresa')),
    field        text CHECK (length(field) <= 120),
    company      text CHECK (length(company) <= 160),
    headline     text CHECK (length(headline) <= 120),
    bio          text CHECK (length(bio) <= 2000),
    location     text CHECK (length(location) <= 120),
    links        text[] NOT NULL DEFAULT '{}' CHECK (cardinality(links) <= 5),
    -- The bare identifier; its ISO 7064 11-2 check digit is verified by the API.
    orcid        text CHECK (orcid ~ '^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$'),
    -- Whether the person receives the daily digest of unread messages.
    email_digest boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- One avatar per account: a 256×256 JPEG that the API made itself (the upload is never kept). It is served at
-- /api/avatars/{user_id}/{hash}.jpg, cached for a year, so a new avatar takes a new hash (a new URL) and the old
-- URL stops answering.
CREATE TABLE profile_avatars (
    user_id    text PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    hash       text NOT NULL CHECK (hash ~ '^[0-9a-f]{32}$'),
    jpeg       bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
