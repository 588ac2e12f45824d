-- An issue: a newsletter's five picks with the editor's line for each, then its delivery.
CREATE TABLE newsletter_issue (
    id              BIGSERIAL PRIMARY KEY,
    newsletter_code TEXT NOT NULL REFERENCES newsletter (code),
    subject         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('DRAFT', 'SCHEDULED', 'SENDING', 'SENT')),
    send_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    queued_at       TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX newsletter_issue_due ON newsletter_issue (send_at) WHERE state = 'SCHEDULED';

CREATE TABLE newsletter_issue_item (
    issue_id   BIGINT NOT NULL REFERENCES newsletter_issue (id) ON DELETE CASCADE,
    position   INT NOT NULL,
    article_id TEXT NOT NULL,
    note       TEXT NOT NULL,
    PRIMARY KEY (issue_id, position)
);

-- Every message of every issue is a row here before anything is sent (one transaction per
-- issue). The sender claims rows with a lease, marks each SENT right after the SMTP server
-- accepted it, and retries with backoff; a crash leaves the rest QUEUED for the next run.
CREATE TABLE newsletter_outbox (
    id              BIGSERIAL PRIMARY KEY,
    issue_id        BIGINT NOT NULL REFERENCES newsletter_issue (id),
    email           TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('QUEUED', 'SENT', 'FAILED', 'BOUNCED')),
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    sent_at         TIMESTAMPTZ,
    last_error      TEXT,
    UNIQUE (issue_id, email)
);
CREATE INDEX newsletter_outbox_due ON newsletter_outbox (next_attempt_at, id) WHERE state = 'QUEUED';
