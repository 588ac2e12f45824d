-- Why mail to an address stopped: a hard bounce or a spam complaint. The row goes when the
-- address is confirmed again (the confirmation mail arrived, so the mailbox works).
CREATE TABLE newsletter_suppression (
    email  TEXT PRIMARY KEY,
    reason TEXT NOT NULL CHECK (reason IN ('BOUNCE', 'COMPLAINT')),
    detail TEXT NOT NULL DEFAULT '',
    at     TIMESTAMPTZ NOT NULL
);
