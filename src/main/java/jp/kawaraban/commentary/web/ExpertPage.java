package jp.kawaraban.commentary.web;

import jp.kawaraban.article.PageOf;
import jp.kawaraban.commentary.ExpertProfile;

/**
 * An expert's profile page.
 *
 * @param readable whether this reader sees the texts (members); others see the profile and
 *                 which articles were commented on
 * @param own      whether the expert is looking at their own page (edit link, hidden ones)
 */
public record ExpertPage(ExpertProfile profile, PageOf<CommentaryItem> commentary, boolean readable, boolean own,
                         String loginUrl, String path) {
}
