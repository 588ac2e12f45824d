-- An expert's public profile: how their commentary is signed. Keyed by the member id
-- (member owns the account; this module only keeps what the profile page shows).
CREATE TABLE commentary_expert (
    member_id    UUID PRIMARY KEY,
    display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 40),
    title        TEXT NOT NULL CHECK (length(title) <= 80),
    bio          TEXT NOT NULL CHECK (length(bio) <= 600),
    initials     TEXT NOT NULL CHECK (char_length(initials) BETWEEN 1 AND 2),
    updated_at   TIMESTAMPTZ NOT NULL
);

-- One commentary per expert per article (a second write edits the first). The article is
-- referenced by id only: whether it is still published is asked of the article module at
-- read time, so a withdrawn article's commentary disappears without being deleted.
CREATE TABLE commentary (
    id            UUID PRIMARY KEY,
    article_id    TEXT NOT NULL,
    expert_id     UUID NOT NULL REFERENCES commentary_expert (member_id) ON DELETE CASCADE,
    body          TEXT NOT NULL CHECK (length(btrim(body)) > 0),
    created_at    TIMESTAMPTZ NOT NULL,
    edited_at     TIMESTAMPTZ,
    hidden_at     TIMESTAMPTZ,
    hidden_by     UUID,
    hidden_reason TEXT,
    CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL)),
    UNIQUE (article_id, expert_id)
);
-- "By article" is served by the unique index above (article_id first).
-- "By expert, newest first": the profile page and the export.
CREATE INDEX commentary_expert_newest_idx ON commentary (expert_id, created_at DESC);
-- The editors' list of recent commentary.
CREATE INDEX commentary_newest_idx ON commentary (created_at DESC);
