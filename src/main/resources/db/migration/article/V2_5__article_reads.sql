-- Reads per article per hour, for the most-read ranking (decision 0040). Each node counts in
-- memory and adds its counts here in batches, so the nodes' counts add up; nothing about the
-- readers is stored. Hours older than two days are deleted by the flush.
CREATE TABLE article_reads (
    article_id TEXT NOT NULL,
    hour       TIMESTAMPTZ NOT NULL,
    reads      BIGINT NOT NULL CHECK (reads >= 0),
    PRIMARY KEY (hour, article_id)
);
