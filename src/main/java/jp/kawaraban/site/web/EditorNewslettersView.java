package jp.kawaraban.site.web;

import java.util.List;

import jp.kawaraban.newsletter.DeliveryCounts;
import jp.kawaraban.newsletter.Issue;
import jp.kawaraban.newsletter.Newsletter;
import org.springframework.security.web.csrf.CsrfToken;

/** {@code /editor/newsletters}: recent issues with their delivery counts, and a new issue form. */
public record EditorNewslettersView(List<Row> issues, List<Newsletter> newsletters, String notice, boolean error,
                                    CsrfToken csrf) {

    public record Row(Issue issue, String newsletterName, DeliveryCounts counts, String sendAt) {
    }
}
