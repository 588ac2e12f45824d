-- The controlled vocabulary of entities (people, organisations, places) editors maintain.
CREATE TABLE search_entity (
    id             TEXT PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{1,60}$'),
    canonical_name TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('PERSON', 'ORGANIZATION', 'PLACE')),
    aliases        TEXT[] NOT NULL DEFAULT '{}',
    description    TEXT NOT NULL DEFAULT '',
    updated_at     TIMESTAMPTZ NOT NULL
);

-- Dated events for entity timelines: a sentence of an article that names an entity and a
-- date. Rewritten whenever the article is indexed again.
CREATE TABLE search_entity_event (
    entity_id  TEXT NOT NULL REFERENCES search_entity (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    event_date DATE NOT NULL,
    sentence   TEXT NOT NULL,
    position   INT NOT NULL,
    PRIMARY KEY (entity_id, article_id, position)
);
CREATE INDEX search_entity_event_timeline_idx ON search_entity_event (entity_id, event_date);
CREATE INDEX search_entity_event_article_idx ON search_entity_event (article_id);
