package jp.kawaraban.article;

/**
 * Where an article is in its life. Readers only ever see {@link #PUBLISHED}; drafts and
 * scheduled articles are the desk's, withdrawn ones are kept for editors.
 */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED, WITHDRAWN
}
