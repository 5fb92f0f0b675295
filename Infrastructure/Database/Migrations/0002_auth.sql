-- Accounts and sessions in Better Auth's model (user, session, verification), snake_case.
CREATE TABLE users (
    id               text PRIMARY KEY,
    name             text NOT NULL,
    email            text NOT NULL,
    email_verified   boolean NOT NULL DEFAULT false,
    image            text,
    username         text,
    display_username text,
    role             text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'staff', 'admin')),
    banned           boolean NOT NULL DEFAULT false,
    ban_reason       text,
    ban_expires      timestamptz,
    -- A self-describing KDF hash (algorithm, iterations, salt, hash), so parameters can be raised later.
    password_hash    text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE UNIQUE INDEX users_username_key ON users (lower(username)) WHERE username IS NOT NULL;
CREATE INDEX users_created_at_idx ON users (created_at);

CREATE TABLE sessions (
    id              text PRIMARY KEY,
    -- SHA-256 of the session token: a leaked table yields no usable cookie.
    token_hash      bytea NOT NULL UNIQUE,
    user_id         text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at      timestamptz NOT NULL,
    ip_address      text,
    user_agent      text,
    impersonated_by text,
    -- false for a "rememberMe: false" sign-in: one day, not sliding, cookie without Max-Age.
    remember_me     boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

-- Single-use tokens: password resets, email verifications. Only a hash of the token is kept.
CREATE TABLE verifications (
    id          text PRIMARY KEY,
    purpose     text NOT NULL,
    token_hash  bytea NOT NULL UNIQUE,
    user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX verifications_expires_at_idx ON verifications (expires_at);
