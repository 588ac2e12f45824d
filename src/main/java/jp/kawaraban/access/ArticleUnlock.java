package jp.kawaraban.access;

import jp.kawaraban.article.ArticleId;

/**
 * A proof, carried by the reader's browser, that one article may be read in full without an
 * account or an allowance — the email unlock, which {@code newsletter} issues and checks.
 * {@code access} asks every implementation and decides ({@link Entitlements#toReadHere}).
 */
public interface ArticleUnlock {

    /** Whether the current request proves an unlock of {@code article} (asked only for articles that are not free). */
    boolean unlocksHere(ArticleId article);
}
