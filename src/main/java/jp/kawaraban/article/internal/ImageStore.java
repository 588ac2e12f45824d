package jp.kawaraban.article.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import jp.kawaraban.article.ArticleImage;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where the bytes of figure images live. The {@code /images/{id}} address and the ids in
 * article bodies do not depend on it, so the store can change without touching articles.
 */
public interface ImageStore {

    /**
     * Ids that become file names or object keys: letters, digits, dot, dash and underscore
     * only, never "..". Every id the desk and the demo edition make is one.
     */
    Pattern STORABLE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    static boolean isStorable(String id) {
        return id != null && STORABLE_ID.matcher(id).matches() && !id.contains("..");
    }

    /**
     * Stores (or replaces) an image. Inside a transaction, an image written by a store that is
     * not the database is removed again if the transaction rolls back.
     */
    void save(ArticleImage image);

    Optional<ArticleImage> find(String id);

    /**
     * For a store outside the database: runs {@code undo} (removing what it just wrote) once the
     * surrounding transaction has ended without committing. Outside a transaction, nothing.
     */
    static void undoIfRolledBack(Runnable undo) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    undo.run();
                }
            }
        });
    }
}
