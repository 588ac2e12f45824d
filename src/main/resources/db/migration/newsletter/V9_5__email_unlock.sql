-- Articles an anonymous reader may open in full by registering an email address (editors
-- mark them; the editors' desk of a later issue may move this flag onto the article).
CREATE TABLE newsletter_unlock_eligible (
    article_id TEXT PRIMARY KEY,
    marked_at  TIMESTAMPTZ NOT NULL
);
