-- Newsletters as data: what is sent, when (a Spring cron expression read in `zone`), from whom.
CREATE TABLE newsletter (
    code           TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    description    TEXT NOT NULL,
    schedule       TEXT NOT NULL,
    zone           TEXT NOT NULL DEFAULT 'Asia/Tokyo',
    sender_name    TEXT NOT NULL,
    sender_address TEXT NOT NULL,
    position       INT NOT NULL DEFAULT 0
);

-- One row per address and newsletter. PENDING until the mailed link is used; SUPPRESSED when
-- mail to the address bounced or was reported as spam (only a new confirmation lifts it).
CREATE TABLE newsletter_subscription (
    email           TEXT NOT NULL,
    newsletter_code TEXT NOT NULL REFERENCES newsletter (code),
    state           TEXT NOT NULL CHECK (state IN ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED', 'SUPPRESSED')),
    member_id       UUID,
    created_at      TIMESTAMPTZ NOT NULL,
    confirmed_at    TIMESTAMPTZ,
    changed_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (email, newsletter_code)
);
CREATE INDEX newsletter_subscription_by_list ON newsletter_subscription (newsletter_code, state, email);
CREATE INDEX newsletter_subscription_by_member ON newsletter_subscription (member_id) WHERE member_id IS NOT NULL;

-- The consent trail: who asked for what, from where, with which wording on screen, and when
-- it was confirmed or withdrawn. Never updated, only appended.
CREATE TABLE newsletter_consent (
    id              BIGSERIAL PRIMARY KEY,
    email           TEXT NOT NULL,
    newsletter_code TEXT NOT NULL,
    action          TEXT NOT NULL,
    source          TEXT NOT NULL,
    statement       TEXT,
    client_address  TEXT,
    at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX newsletter_consent_by_email ON newsletter_consent (email, at);

-- Mailed one-use links (confirmation, article unlock), stored only as a SHA-256 hash.
CREATE TABLE newsletter_link (
    token_hash       TEXT PRIMARY KEY,
    purpose          TEXT NOT NULL,
    email            TEXT NOT NULL,
    newsletter_codes TEXT NOT NULL DEFAULT '',
    article_id       TEXT,
    source           TEXT NOT NULL DEFAULT '',
    created_at       TIMESTAMPTZ NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    used_at          TIMESTAMPTZ
);
CREATE INDEX newsletter_link_by_email ON newsletter_link (email, created_at);

-- The key that signs unsubscribe and manage links, made on first start (never in the repository).
CREATE TABLE newsletter_signing_key (
    id     INT PRIMARY KEY CHECK (id = 1),
    secret BYTEA NOT NULL
);
