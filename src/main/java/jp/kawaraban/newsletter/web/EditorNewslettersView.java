package jp.kawaraban.newsletter.web;

import java.util.List;

import jp.kawaraban.newsletter.DeliveryCounts;
import jp.kawaraban.newsletter.Issue;
import jp.kawaraban.newsletter.Newsletter;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * {@code /editor/newsletters}: recent issues with their delivery counts, a new issue form, and
 * the articles readers may unlock by email.
 */
public record EditorNewslettersView(List<Row> issues, List<Newsletter> newsletters, List<String> unlockable,
                                    String notice, boolean error, CsrfToken csrf) {

    public record Row(Issue issue, String newsletterName, DeliveryCounts counts, String sendAt) {
    }
}
