-- Accounts. The email is stored lower-cased and trimmed: one address, one account.
CREATE TABLE member_account (
    id                UUID PRIMARY KEY,
    email             TEXT NOT NULL UNIQUE,
    display_name      TEXT NOT NULL,
    password_hash     TEXT NOT NULL,
    roles             TEXT[] NOT NULL DEFAULT ARRAY['MEMBER'],
    email_verified_at TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    CHECK (email = lower(btrim(email)))
);

-- One-use links sent by mail: email verification, password reset, change of email.
-- Only a hash of the token is stored, so a copy of the database opens no account.
CREATE TABLE member_token (
    token_hash  TEXT PRIMARY KEY,
    member_id   UUID NOT NULL REFERENCES member_account (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL')),
    new_email   TEXT,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX member_token_member_idx ON member_token (member_id);

-- Attempts at log-in, sign-up and reset, per account and per client address, for throttling.
-- Kept in the database so the limit holds across nodes.
CREATE TABLE member_attempt (
    bucket     TEXT NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX member_attempt_bucket_idx ON member_attempt (bucket, at);

-- "Remember this device": Spring Security's persistent log-in tokens (series + token).
CREATE TABLE persistent_logins (
    username  VARCHAR(100) NOT NULL,
    series    VARCHAR(64) PRIMARY KEY,
    token     VARCHAR(64) NOT NULL,
    last_used TIMESTAMP NOT NULL
);
CREATE INDEX persistent_logins_username_idx ON persistent_logins (username);
