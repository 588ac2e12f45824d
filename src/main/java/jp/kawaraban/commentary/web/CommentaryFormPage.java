package jp.kawaraban.commentary.web;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * A commentary that could not be saved, shown again with the reason and the expert's text,
 * so nothing typed is lost.
 *
 * @param articleUrl      the article's page, or null when it is gone
 * @param action          where the form posts, or null when it cannot be sent again (article gone, not theirs)
 */
public record CommentaryFormPage(String error, String articleUrl, String articleHeadline, String action, String draft,
                                 int maxCharacters, CsrfToken csrf) {
}
