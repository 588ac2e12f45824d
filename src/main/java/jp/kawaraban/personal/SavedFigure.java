package jp.kawaraban.personal;

import java.time.Instant;

/** A saved figure: one image of one article, with its caption and the article's headline when saved. */
public record SavedFigure(String articleId, String imageId, String caption, String credit, String headline,
                          Instant savedAt, Instant withdrawnAt) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
