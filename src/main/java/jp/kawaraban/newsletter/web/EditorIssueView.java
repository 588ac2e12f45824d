package jp.kawaraban.newsletter.web;

import java.util.List;
import java.util.Map;

import jp.kawaraban.newsletter.DeliveryCounts;
import jp.kawaraban.newsletter.Issue;
import jp.kawaraban.newsletter.Newsletter;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The editor's page for one issue: picks and lines (five rows, filled or empty), articles to
 * pick from (latest, or a search), delivery counts, and the schedule field's suggestion.
 */
public record EditorIssueView(Issue issue, Newsletter newsletter, List<Issue.Item> rows, Map<String, String> headlines,
                              DeliveryCounts counts,
                              long recipients, boolean confirmingSend,
                              List<Choice> choices, String query, String suggestedTime, String scheduledAt,
                              String previewText, String notice, boolean error, CsrfToken csrf) {

    /** An article the editor may pick. */
    public record Choice(String id, String headline, String level, String published) {
    }

    /** Whether the article is one of the picks already. */
    public boolean picked(String articleId) {
        return rows.stream().anyMatch(row -> articleId.equals(row.articleId()));
    }

    /** How many rows hold an article. */
    public long pickCount() {
        return rows.stream().filter(row -> row.articleId() != null && !row.articleId().isBlank()).count();
    }
}
