package jp.kawaraban.commentary.web;

import java.util.List;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * The article page's 「専門家の見方」 block for this reader. Anonymous readers get the count
 * only ({@code items} empty, {@code readable} false): the texts are never put into a page
 * that may be cached publicly.
 *
 * @param mine      the expert's own commentary on this article (edit and delete), or null
 * @param canWrite  whether to show the writing form (experts)
 */
public record CommentaryBlock(String articleId, int count, boolean readable, List<CommentaryItem> items,
                              boolean canWrite, CommentaryItem mine, String loginUrl, CsrfToken csrf,
                              int maxCharacters) {

    /** Nothing to show: no commentary and no form. */
    public boolean empty() {
        return count == 0 && items.isEmpty() && !canWrite;
    }

    public String writeAction() {
        return mine == null ? "/articles/" + articleId + "/commentary" : "/commentary/" + mine.id();
    }
}
