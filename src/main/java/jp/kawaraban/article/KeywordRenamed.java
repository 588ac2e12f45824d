package jp.kawaraban.article;

import java.time.Instant;
import java.util.List;

import jp.kawaraban.platform.NodeWideEvent;

/**
 * Editors renamed a keyword (or merged it into another): every article that had {@code from}
 * now has {@code to}. {@code published} are the published ones among them, whose index
 * entries and tags must follow; the articles' texts and revisions did not change.
 */
public record KeywordRenamed(String from, String to, List<ArticleId> published, Instant at) implements NodeWideEvent {

    public KeywordRenamed {
        published = List.copyOf(published);
    }
}
