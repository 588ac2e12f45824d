-- A member's customer record at a payment provider, so a returning member is not created twice.
CREATE TABLE billing_customer (
    member_id    UUID NOT NULL,
    provider     TEXT NOT NULL,
    customer_ref TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, provider),
    UNIQUE (provider, customer_ref)
);

-- Every webhook event acted on, by the provider's id: a replay finds its row and changes nothing.
CREATE TABLE billing_event (
    provider    TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    outcome     TEXT NOT NULL,
    PRIMARY KEY (provider, event_id)
);

-- Demo provider checkouts, completed by a button instead of a card.
CREATE TABLE billing_demo_checkout (
    id         TEXT PRIMARY KEY,
    member_id  UUID NOT NULL,
    plan       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ
);
