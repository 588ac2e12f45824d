-- Gift articles (decision 0034): a paid member's link that opens one paid article in full for
-- anyone until it expires or the giver revokes it. Only the SHA-256 of the link's token is
-- kept, so a copy of this table opens nothing. opens counts the link's readers (the same
-- client within a short window once); nothing about them is stored.
CREATE TABLE access_gift (
    id          UUID PRIMARY KEY,
    token_hash  BYTEA NOT NULL UNIQUE,
    giver_id    UUID NOT NULL,
    article_id  TEXT NOT NULL,
    month       TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ,
    opens       INT NOT NULL DEFAULT 0,
    CHECK (expires_at > created_at)
);
CREATE INDEX access_gift_giver_idx ON access_gift (giver_id, month);
