package jp.kawaraban.personal;

import java.time.Instant;

/**
 * A saved article. {@code withdrawnAt} is set when the article was withdrawn after it was
 * saved: it stays in the list, shown as a notice with the headline it had.
 */
public record SavedArticle(String articleId, String headline, Instant savedAt, Instant withdrawnAt) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
