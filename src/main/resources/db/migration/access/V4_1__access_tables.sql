-- Campaigns: a named offer, open in a date window, giving a free trial of some days.
CREATE TABLE access_campaign (
    code        TEXT PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{1,40}$'),
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    trial_days  INT NOT NULL CHECK (trial_days BETWEEN 1 AND 366),
    CHECK (ends_at > starts_at)
);

-- A member's paid subscription or trial; no row means the free membership.
-- provider_event_at is the time of the last provider event applied, so an older event
-- delivered late changes nothing.
CREATE TABLE access_subscription (
    member_id         UUID PRIMARY KEY,
    plan              TEXT NOT NULL CHECK (plan IN ('MONTHLY', 'YEARLY')),
    state             TEXT NOT NULL CHECK (state IN ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED', 'EXPIRED')),
    campaign_code     TEXT REFERENCES access_campaign (code),
    trial_ends_at     TIMESTAMPTZ,
    period_ends_at    TIMESTAMPTZ,
    payment_on_file   BOOLEAN NOT NULL DEFAULT FALSE,
    provider          TEXT,
    provider_ref      TEXT,
    provider_event_at TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX access_subscription_provider_idx ON access_subscription (provider, provider_ref);

-- Each member takes each campaign's trial once, even after the trial is long over.
CREATE TABLE access_trial_taken (
    member_id     UUID NOT NULL,
    campaign_code TEXT NOT NULL REFERENCES access_campaign (code),
    taken_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, campaign_code)
);

-- Every change of a subscription: who or what changed it, from which state to which.
CREATE TABLE access_subscription_audit (
    id         BIGSERIAL PRIMARY KEY,
    member_id  UUID NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    source     TEXT NOT NULL,
    from_state TEXT,
    to_state   TEXT NOT NULL,
    plan       TEXT NOT NULL,
    detail     TEXT
);
CREATE INDEX access_subscription_audit_member_idx ON access_subscription_audit (member_id, at);

-- Paid articles a free member has opened this month: one row per article per month.
CREATE TABLE access_meter (
    member_id  UUID NOT NULL,
    month      CHAR(7) NOT NULL,
    article_id TEXT NOT NULL,
    opened_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, month, article_id)
);
