package jp.kawaraban.commentary.web;

import jp.kawaraban.article.PageOf;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The editors' list of recent commentary with hide and unhide forms.
 *
 * @param notice  what the last action did or why it failed, or null
 * @param errorId the commentary whose hide form failed (its reason field is marked), or null
 */
public record EditorCommentaryView(PageOf<CommentaryItem> commentary, String notice, boolean error, String errorId,
                                   CsrfToken csrf) {
}
