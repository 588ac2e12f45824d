-- An administrator may disable an account: it can no longer log in (docs/decisions/0024).
ALTER TABLE member_account ADD COLUMN disabled_at TIMESTAMPTZ;

-- Invitations to the staff. The mailed link carries a token of which only the hash is kept;
-- following it sets a password (a new account) or confirms (an existing one), and only then
-- are the roles added. A newer invitation of the same account replaces the older one.
CREATE TABLE member_invitation (
    token_hash   TEXT PRIMARY KEY,
    member_id    UUID NOT NULL UNIQUE REFERENCES member_account (id) ON DELETE CASCADE,
    roles        TEXT[] NOT NULL CHECK (roles <@ ARRAY['EDITOR', 'EXPERT', 'ADMIN'] AND cardinality(roles) > 0),
    invited_by   TEXT NOT NULL,
    invited_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    -- Set for an account made by the invitation: it has no password of its owner's yet.
    new_account  BOOLEAN NOT NULL
);

-- Staff are found by role on /admin/staff; the last administrator is counted before any change.
CREATE INDEX member_account_staff_idx ON member_account USING gin (roles);
