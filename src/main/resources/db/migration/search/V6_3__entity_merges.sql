-- Entities merged into another at the editors' desk: the old id keeps answering (its page
-- redirects to the entity it became), and a vocabulary loader does not bring it back.
-- When the surviving entity is merged again, its rows are pointed at the new survivor, so
-- one lookup always reaches an entity that exists.
CREATE TABLE search_entity_merge (
    from_id   TEXT PRIMARY KEY,
    into_id   TEXT NOT NULL REFERENCES search_entity (id) ON DELETE CASCADE,
    merged_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX search_entity_merge_into_idx ON search_entity_merge (into_id);
