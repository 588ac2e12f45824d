package jp.kawaraban.commentary.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jp.kawaraban.access.Reader;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.PageOf;
import jp.kawaraban.commentary.CommentOnArticle;
import jp.kawaraban.commentary.Commentaries;
import jp.kawaraban.commentary.ExpertComment;
import jp.kawaraban.commentary.ExpertProfile;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.platform.Refusal;
import jp.kawaraban.platform.web.JapaneseDates;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PublicUrls;
import jp.kawaraban.site.PublicCaching;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Experts' commentary for the apps, by the pages' rule: members get the texts; anonymous
 * readers get how many experts commented and where to log in (200, cacheable like the
 * article), never the texts. Read-only: experts write on the site, where the forms carry
 * the session's CSRF token (the security chain protects {@code /api/**} POSTs with CSRF
 * like every other path, and the apps do not write commentary yet).
 */
@RestController
@RequestMapping(produces = "application/json")
class CommentaryApiController {

    private final Commentaries commentaries;
    private final CommentaryViews views;
    private final ArticleCatalog catalog;
    private final PublicUrls urls;
    private final PublicCaching caching;
    private final Messages msg;

    CommentaryApiController(Commentaries commentaries, CommentaryViews views, ArticleCatalog catalog,
                            PublicUrls urls, PublicCaching caching, Messages msg) {
        this.commentaries = commentaries;
        this.views = views;
        this.catalog = catalog;
        this.urls = urls;
        this.caching = caching;
        this.msg = msg;
    }

    @Operation(summary = "Experts' commentary on an article",
            description = "Members get the items (oldest first); anonymous readers only the count and a log-in link.")
    @GetMapping("/api/v1/articles/{id}/commentary")
    ResponseEntity<ArticleCommentaryJson> onArticle(@PathVariable String id) {
        Article article = catalog.get(id);
        Reader reader = Reader.current();
        int count = commentaries.count(article);
        if (!views.mayRead(reader)) {
            return cached(new ArticleCommentaryJson(article.id().value(), count, null,
                    login("/articles/" + article.id().value()), msg.get("commentary.anonymous.count", count)));
        }
        List<CommentaryJson> items = commentaries.onArticle(article, reader.member()).stream()
                .map(c -> json(c, null, reader.member(), true)).toList();
        return cached(new ArticleCommentaryJson(article.id().value(), count, items, null, null));
    }

    @Operation(summary = "An expert's profile and commentary, newest first",
            description = "Members get the texts; anonymous readers the profile and the articles commented on.")
    @GetMapping("/api/v1/experts/{id}")
    ResponseEntity<ExpertJson> expert(@PathVariable String id,
                                      @Parameter(description = "1-based page number") @RequestParam(defaultValue = "1") int page) {
        MemberId expert = MemberId.parse(id).orElseThrow(UnknownExpertException::new);
        ExpertProfile profile = commentaries.profile(expert).orElseThrow(UnknownExpertException::new);
        Reader reader = Reader.current();
        boolean readable = views.mayRead(reader);
        PageOf<CommentOnArticle> found = commentaries.byExpert(expert, expert.equals(reader.member()), page);
        return cached(new ExpertJson(profile(profile), found.items().stream()
                .map(c -> json(c.comment(), c.article().headline(), reader.member(), readable)).toList(),
                found.number(), found.size(), found.total(), readable ? null : login("/experts/" + expert)));
    }

    /** An expert id that names nobody, or somebody who is no expert: 404 problem details, worded for apps. */
    static class UnknownExpertException extends Refusal {

        UnknownExpertException() {
            super(Kind.NOT_FOUND, "api.problem.expertNotFound.detail");
        }

        @Override
        public String titleKey() {
            return "api.problem.expertNotFound.title";
        }
    }

    private ExpertProfileJson profile(ExpertProfile p) {
        return new ExpertProfileJson(p.expert().toString(), p.displayName(), p.title(), p.bio(), p.initials(),
                urls.url("/experts/" + p.expert()));
    }

    private CommentaryJson json(ExpertComment c, String headline, MemberId viewer, boolean withText) {
        boolean mine = c.writtenBy(viewer);
        return new CommentaryJson(c.id().toString(), c.article().value(), headline,
                urls.url("/articles/" + c.article().value()), profile(c.expert()),
                withText ? c.text() : null,
                JapaneseDates.iso(c.createdAt()), c.editedAt() == null ? null : JapaneseDates.iso(c.editedAt()),
                mine && c.hidden() ? c.hiding().reason() : null);
    }

    private String login(String next) {
        return "/login?next=" + PublicUrls.encodePath(next);
    }

    private <T> ResponseEntity<T> cached(T body) {
        return ResponseEntity.ok().cacheControl(caching.forThisReader()).varyBy("Cookie").body(body);
    }

    /**
     * @param items   the commentary, for members only (absent for anonymous readers)
     * @param login   where to log in to read it, for anonymous readers only
     * @param message e.g. 「専門家2人がコメントしています」, for anonymous readers only
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ArticleCommentaryJson(String articleId, int count, List<CommentaryJson> items, String login, String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExpertJson(ExpertProfileJson expert, List<CommentaryJson> commentary, int page, int size, long total,
                      String login) {
    }

    record ExpertProfileJson(String id, String name, String title, String bio, String initials, String url) {
    }

    /**
     * @param text         plain text (paragraphs separated by blank lines); absent for anonymous readers
     * @param hiddenReason only to the author, when editors hid it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CommentaryJson(String id, String articleId, String articleHeadline, String articleUrl,
                          ExpertProfileJson expert, String text, String createdAt, String editedAt,
                          String hiddenReason) {
    }
}
