package jp.kawaraban.newsletter.web;

import java.util.List;

import jp.kawaraban.newsletter.Newsletter;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The newsletter sign-up form, wherever it appears (the newsletters pages, the article box,
 * the account page).
 *
 * @param choices  the newsletters offered (one: shown as a fixed choice)
 * @param checked  codes ticked
 * @param source   {@code page}, {@code article}, {@code account}
 * @param article  the article the box was on, or null
 * @param notice   the answer to the last submission, or null
 * @param unlock   on a paid or members-only article: whether signing up here also mails a link
 *                 that opens it in full (true), or the article is not eligible (false); else null
 */
public record NewsletterForm(List<Newsletter> choices, List<String> checked, String email, String source,
                             String article, String notice, boolean error, CsrfToken csrf, Boolean unlock) {

    public boolean isChecked(Newsletter newsletter) {
        return checked.contains(newsletter.code());
    }
}
