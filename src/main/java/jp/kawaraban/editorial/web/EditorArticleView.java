package jp.kawaraban.editorial.web;

import java.util.List;

import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.EditedArticle;
import jp.kawaraban.article.Section;
import jp.kawaraban.article.Series;
import jp.kawaraban.editorial.AuditEntry;
import jp.kawaraban.editorial.Manuscript;
import jp.kawaraban.editorial.Proposals;
import jp.kawaraban.platform.web.JapaneseDates;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The article editor page.
 *
 * @param article   the stored article, or {@code null} for a new one
 * @param form      what the fields show: the stored text, or the editor's refused input
 * @param version   the version the form was started from (sent back with every save)
 * @param problems  why the last change was refused, in Japanese; empty when it was not
 * @param conflict  set when someone else saved first: who, when, and what they saved
 * @param preview   the form as readers would read it, or {@code null} when it has problems
 * @param emailUnlock whether readers may unlock it by signing up; {@code null} unless published
 */
public record EditorArticleView(
        EditedArticle article,
        Manuscript form,
        int version,
        String notice,
        List<String> problems,
        Conflict conflict,
        ArticleContent preview,
        List<Section> sections,
        List<Series> series,
        Proposals proposals,
        List<RevisionLine> revisions,
        List<HistoryLine> history,
        String scheduleValue,
        Boolean emailUnlock,
        Confirmation confirmation,
        CsrfToken csrf) {

    /**
     * An action that cannot be taken back, asked once more: {@code publish} (now), {@code discard}
     * (the draft) or {@code withdraw} (with the reason typed so far).
     */
    public record Confirmation(String action, String withdrawReason) {
    }

    public record Conflict(String who, String when, int currentVersion, Manuscript theirs) {
    }

    public record RevisionLine(int number, String kind, String savedAt, String note) {
    }

    public record HistoryLine(String at, String who, String action, String detail) {

        static HistoryLine of(AuditEntry entry, String actionName) {
            return new HistoryLine(JapaneseDates.readable(entry.at()), entry.actorName(), actionName,
                    entry.detail() == null ? "" : entry.detail());
        }
    }

    public boolean isNew() {
        return article == null;
    }

    public String stage() {
        return article == null ? "NEW" : article.stage().name();
    }

    public String actionUrl() {
        return article == null ? "/editor/articles" : "/editor/articles/" + article.id().value();
    }
}
