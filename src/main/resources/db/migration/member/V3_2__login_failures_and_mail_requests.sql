-- Failed log-ins, counted three ways: per account and client address together (the pair),
-- per client address, and per account. A pair or an address that keeps failing waits a
-- growing time before its next attempt is checked; nothing locks an account (decision 0021).
-- The key is a SHA-256 hash of what is counted, so the table holds no addresses in clear.
-- In the database so that every node sees the same counts.
CREATE TABLE member_login_failure (
    key         TEXT PRIMARY KEY,
    failures    INT NOT NULL,
    last_at     TIMESTAMPTZ NOT NULL,
    wait_until  TIMESTAMPTZ NOT NULL
);
CREATE INDEX member_login_failure_last_at_idx ON member_login_failure (last_at);

-- Log-ins are no longer counted in member_attempt (sign-ups and resets still are).
DELETE FROM member_attempt WHERE bucket LIKE 'LOGIN:%';

-- Mails an account request leads to (sign-up, verification again, password reset, change of
-- email), queued by the request and sent after its answer, so the answer takes the same path
-- whether or not the address has an account (decision 0021). A row is deleted when its mail
-- has gone; a row left by a crash or a mail server that was down is taken up again.
CREATE TABLE member_mail_request (
    id           UUID PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('SIGN_UP', 'VERIFY_AGAIN', 'RESET', 'CHANGE_EMAIL')),
    email        TEXT NOT NULL,
    member_id    UUID,
    new_email    TEXT,
    requested_at TIMESTAMPTZ NOT NULL,
    -- while one thread sends it, no other does
    claimed_until TIMESTAMPTZ
);
CREATE INDEX member_mail_request_requested_at_idx ON member_mail_request (requested_at);
