-- Each article's "recommended for you" list, computed when the article is indexed (and again
-- when a related article is published), so a page view reads one row instead of querying the
-- whole archive. A missing row is computed on the first view; the table can be emptied at any
-- time without losing anything. A stale row (after a rebuild) is still served, and computed
-- again in the background.
CREATE TABLE search_recommendation (
    article_id      TEXT PRIMARY KEY,
    recommended_ids TEXT[] NOT NULL,
    items           JSONB NOT NULL,
    computed_at     TIMESTAMPTZ NOT NULL,
    stale           BOOLEAN NOT NULL DEFAULT false
);
-- Finds the lists naming a withdrawn article, so they are computed again without it.
CREATE INDEX search_recommendation_named_idx ON search_recommendation USING GIN (recommended_ids);
