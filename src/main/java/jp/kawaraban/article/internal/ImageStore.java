package jp.kawaraban.article.internal;

import java.util.Optional;

import jp.kawaraban.article.ArticleImage;

/**
 * Where the bytes of figure images live. The {@code /images/{id}} address and the ids in
 * article bodies do not depend on it, so the store can change without touching articles.
 */
public interface ImageStore {

    /**
     * Stores (or replaces) an image. Inside a transaction, an image written by a store that is
     * not the database is removed again if the transaction rolls back.
     */
    void save(ArticleImage image);

    Optional<ArticleImage> find(String id);
}
