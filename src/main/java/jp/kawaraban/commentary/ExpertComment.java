package jp.kawaraban.commentary;

import java.time.Instant;
import java.util.UUID;

import jp.kawaraban.article.ArticleId;

/**
 * One expert's commentary on one article.
 *
 * @param editedAt when the text last changed after it was first written, or {@code null}
 * @param hiding   set when an editor hid it from readers
 */
public record ExpertComment(UUID id, ArticleId article, ExpertProfile expert, String text, Instant createdAt,
                            Instant editedAt, Hiding hiding) {

    /** Who hid a commentary, when, and why (shown to its author). */
    public record Hiding(Instant at, jp.kawaraban.member.MemberId by, String reason) {
    }

    public boolean hidden() {
        return hiding != null;
    }

    public boolean writtenBy(jp.kawaraban.member.MemberId member) {
        return member != null && expert.expert().equals(member);
    }
}
