package jp.kawaraban.search;

import java.util.List;
import java.util.Optional;

import jp.kawaraban.article.ArticleId;

/**
 * The search index, as the rest of Kawaraban needs it. Narrow on purpose: the embedded
 * Lucene adapter implements it, and an OpenSearch adapter can, configured with the same
 * analysis chain ({@code jp.kawaraban.text.JapaneseAnalysis}).
 */
public interface SearchIndex {

    /** Adds or replaces an article; visible to searches when this returns. */
    void index(IndexedArticle article);

    /**
     * Adds or replaces many articles at once (a batch of the indexing queue); all visible to
     * searches when this returns. Cheaper than one {@link #index} each: one commit for all.
     */
    default void indexAll(List<IndexedArticle> articles) {
        articles.forEach(this::index);
    }

    /**
     * Adds or replaces many articles without waiting for them to be durable or visible: one
     * batch of a bulk, which {@link #commitStaged()} ends. A bulk of a thousand batches then
     * costs a few commits instead of a thousand. A crash before that commit may lose them, so
     * whoever stages keeps its own record of what it staged until the commit (the indexing
     * queue keeps the rows). By default, {@link #indexAll} at once.
     */
    default void stage(List<IndexedArticle> articles) {
        indexAll(articles);
    }

    /** Makes everything {@link #stage staged} durable and visible to searches. */
    default void commitStaged() {
    }

    /**
     * A bulk has ended and many queries over the whole archive follow (its recommendation
     * lists): the engine may arrange its files for them. Nothing by default.
     */
    default void bulkEnded() {
    }

    void remove(ArticleId id);

    SearchHits search(SearchQuery query);

    /** The indexed form of one article, if indexed. */
    Optional<IndexedArticle> find(ArticleId id);

    /**
     * Articles like {@code article}: by shared entities, keywords and text, the article
     * itself and its duplicates left out, best first.
     */
    List<Similar> similar(IndexedArticle article, int limit);

    /** Starts writing a fresh index next to the one being served; see {@link Rebuild}. */
    Rebuild startRebuild();

    long size();

    /**
     * Whether every node of the site reads and writes this same index (an OpenSearch cluster),
     * rather than keeping one of its own (the embedded Lucene index). A shared index takes each
     * change once, from the node whose indexing queue claimed it; a node's own index must also
     * take what other nodes changed (decision 0046).
     */
    default boolean sharedByAllNodes() {
        return false;
    }

    /**
     * A new index under construction. Searches keep using the old one until {@link #commit()}
     * swaps them; {@link #abandon()} throws the new one away.
     */
    interface Rebuild {

        void add(IndexedArticle article);

        /** A batch, as an engine writes it fastest (the embedded index: from every core). */
        default void addAll(List<IndexedArticle> articles) {
            articles.forEach(this::add);
        }

        void commit();

        void abandon();
    }
}
