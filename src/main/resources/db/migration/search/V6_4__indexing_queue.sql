-- Articles the search index still has to take in (step INDEX: published, updated, withdrawn,
-- renamed keyword) or whose recommendation list is still to be computed against the whole
-- index (step LIST). Written in the same transaction as the article's change, so nothing
-- committed is ever missed, and drained in batches by one worker per node
-- (search.internal.IndexingQueue, decision 0029): however many articles arrive at once, the
-- work waits here as rows, not as threads holding database connections.
CREATE SEQUENCE search_queue_seq;
CREATE TABLE search_queue (
    article_id  TEXT PRIMARY KEY,
    step        TEXT NOT NULL CHECK (step IN ('INDEX', 'LIST')),
    -- A newer change of the same article takes the row over: the worker finishes a row only
    -- when it still carries the number it claimed.
    queued      BIGINT NOT NULL DEFAULT nextval('search_queue_seq'),
    queued_at   TIMESTAMPTZ NOT NULL,
    indexed_at  TIMESTAMPTZ,
    failures    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX search_queue_step_idx ON search_queue (step, queued);
