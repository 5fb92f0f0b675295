-- Programmatic access: API keys (Better Auth's api-key plugin) and the token API's refresh tokens, revoked access
-- tokens and signing keys. Every time here is written by the API's clock (its TimeProvider), which decides expiry.

-- A key is shown once, when it is created; the table keeps its SHA-256 and its first characters («start»), so that
-- its owner can tell keys apart. A key goes with its account.
CREATE TABLE api_keys (
    id           text PRIMARY KEY,
    user_id      text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text CHECK (length(name) BETWEEN 1 AND 32),
    prefix       text CHECK (prefix ~ '^[A-Za-z0-9_-]{1,32}$'),
    start        text NOT NULL,
    key_hash     bytea NOT NULL UNIQUE,
    enabled      boolean NOT NULL DEFAULT true,
    expires_at   timestamptz,
    -- When the key last authenticated a request; written at most once a minute.
    last_used_at timestamptz,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX api_keys_user_id_idx ON api_keys (user_id, created_at);
CREATE INDEX api_keys_created_at_idx ON api_keys (created_at);

-- /api/token's refresh tokens, opaque, kept as SHA-256. A login starts a family; with rotation a refresh marks the
-- token rotated and adds its successor to the family, so a rotated token presented again (a stolen copy, or the
-- original after the thief used it) revokes the whole family: its rows are deleted.
CREATE TABLE refresh_tokens (
    id          text PRIMARY KEY,
    family_id   text NOT NULL,
    user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  bytea NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz,
    created_at  timestamptz NOT NULL
);
CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires_at_idx ON refresh_tokens (expires_at);

-- Access tokens signed out before they expire, by their jti: every instance refuses them until expires_at.
CREATE TABLE revoked_access_tokens (
    jti        text PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_access_tokens_expires_at_idx ON revoked_access_tokens (expires_at);

-- The keys that sign access tokens. The public half is published at /api/auth/jwks; the private half is encrypted
-- (AES-256-GCM) with a key derived from BETTER_AUTH_SECRET, so the table alone signs nothing. A key signs from
-- signs_from until the next key's signs_from; a rotation publishes the next key before it signs, so every instance and
-- every verifier's copy of the key set knows it first.
CREATE TABLE signing_keys (
    id          text PRIMARY KEY,
    algorithm   text NOT NULL CHECK (algorithm = 'ES256'),
    -- SubjectPublicKeyInfo, DER.
    public_key  bytea NOT NULL,
    -- PKCS#8, DER, encrypted: nonce (12 bytes) | tag (16 bytes) | ciphertext.
    private_key bytea NOT NULL,
    signs_from  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX signing_keys_signs_from_idx ON signing_keys (signs_from);
