package jp.kawaraban.commentary.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.kawaraban.access.Action;
import jp.kawaraban.access.Reader;
import jp.kawaraban.access.RequiresAccess;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.PageOf;
import jp.kawaraban.commentary.CommentOnArticle;
import jp.kawaraban.commentary.Commentaries;
import jp.kawaraban.commentary.CommentaryException;
import jp.kawaraban.commentary.ExpertComment;
import jp.kawaraban.commentary.ExpertProfile;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
import jp.kawaraban.platform.web.PublicUrls;
import jp.kawaraban.site.PublicCaching;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Experts' commentary on the site: writing, editing and deleting one's own (plain forms,
 * each answered by a redirect back to the article), the expert's own profile form, and the
 * public profile page {@code /experts/{id}}. Every write asks {@code access} first
 * ({@link RequiresAccess}: 403 whatever the page showed); bad input shows the text again with
 * the reason, and nothing is stored.
 */
@Controller
class CommentaryPages {

    private final Commentaries commentaries;
    private final CommentaryViews views;
    private final ArticleCatalog catalog;
    private final Messages msg;
    private final PublicUrls urls;
    private final PublicCaching caching;

    CommentaryPages(Commentaries commentaries, CommentaryViews views, ArticleCatalog catalog, Messages msg,
                    PublicUrls urls, PublicCaching caching) {
        this.commentaries = commentaries;
        this.views = views;
        this.catalog = catalog;
        this.msg = msg;
        this.urls = urls;
        this.caching = caching;
    }

    // --- writing ----------------------------------------------------------------------

    @RequiresAccess(Action.WRITE_COMMENTARY)
    @PostMapping("/articles/{id}/commentary")
    ModelAndView write(@PathVariable String id, @RequestParam(defaultValue = "") String text, CsrfToken csrf) {
        try {
            commentaries.write(Reader.current(), id, text);
            return backTo(id);
        } catch (CommentaryException refused) {
            return formAgain(refused, catalog.find(id), "/articles/" + id + "/commentary", text, csrf);
        }
    }

    @RequiresAccess(Action.WRITE_COMMENTARY)
    @PostMapping("/commentary/{commentaryId}")
    ModelAndView edit(@PathVariable String commentaryId, @RequestParam(defaultValue = "") String text, CsrfToken csrf) {
        UUID id = commentaryId(commentaryId);
        try {
            ExpertComment edited = commentaries.edit(Reader.current(), id, text);
            return backTo(edited.article().value());
        } catch (CommentaryException refused) {
            Optional<Article> article = commentaries.find(id).flatMap(c -> catalog.find(c.article().value()));
            return formAgain(refused, article, "/commentary/" + commentaryId, text, csrf);
        }
    }

    @RequiresAccess(Action.WRITE_COMMENTARY)
    @PostMapping("/commentary/{commentaryId}/delete")
    ModelAndView delete(@PathVariable String commentaryId, CsrfToken csrf) {
        UUID id = commentaryId(commentaryId);
        try {
            return backTo(commentaries.delete(Reader.current(), id).value());
        } catch (CommentaryException refused) {
            return formAgain(refused, Optional.empty(), null, null, csrf);
        }
    }

    private static ModelAndView backTo(String articleId) {
        return new ModelAndView("redirect:/articles/" + articleId + "#commentary");
    }

    private ModelAndView formAgain(CommentaryException refused, Optional<Article> article, String action, String draft,
                                   CsrfToken csrf) {
        HttpStatus status = status(refused.problem());
        boolean canRetry = status == HttpStatus.BAD_REQUEST && article.isPresent();
        var form = new CommentaryFormPage(msg.get(refused.messageKey(), commentaries.properties().maxCharacters()),
                article.map(a -> "/articles/" + a.id().value()).orElse(null),
                article.map(Article::headline).orElse(null),
                canRetry ? action : null, draft, commentaries.properties().maxCharacters(), csrf);
        ModelAndView page = new ModelAndView("commentary/commentaryForm", Map.of(
                "meta", PageMeta.hidden(msg.get("commentary.form.title")),
                "form", form));
        page.setStatus(status);
        return page;
    }

    /** The HTTP status of a refused commentary command (pages and API alike). */
    static HttpStatus status(CommentaryException.Problem problem) {
        return switch (problem) {
            case BLANK, TOO_LONG, REASON_REQUIRED, INVALID_PROFILE -> HttpStatus.BAD_REQUEST;
            case ARTICLE_UNAVAILABLE, NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_AUTHOR, NOT_EXPERT -> HttpStatus.FORBIDDEN;
        };
    }

    static UUID commentaryId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException malformed) {
            throw new PageNotFoundException("commentary " + text);
        }
    }

    // --- the expert's own profile ----------------------------------------------------

    @RequiresAccess(Action.WRITE_COMMENTARY)
    @GetMapping("/my/expert-profile")
    ModelAndView profileForm(@AuthenticationPrincipal MemberPrincipal principal, CsrfToken csrf,
                             @RequestParam(required = false) String saved) {
        ExpertProfile profile = commentaries.profileOrDefault(principal.id());
        return profilePage(new ExpertProfileForm(principal.id().toString(), profile.displayName(), profile.title(),
                profile.bio(), profile.initials(), saved == null ? null : msg.get("commentary.profile.saved"),
                false, csrf), HttpStatus.OK);
    }

    @RequiresAccess(Action.WRITE_COMMENTARY)
    @PostMapping("/my/expert-profile")
    ModelAndView saveProfile(@AuthenticationPrincipal MemberPrincipal principal, CsrfToken csrf,
                             @RequestParam(defaultValue = "") String displayName,
                             @RequestParam(defaultValue = "") String title,
                             @RequestParam(defaultValue = "") String bio,
                             @RequestParam(defaultValue = "") String initials) {
        try {
            commentaries.saveProfile(Reader.current(), displayName, title, bio, initials);
            return new ModelAndView("redirect:/my/expert-profile?saved");
        } catch (CommentaryException refused) {
            return profilePage(new ExpertProfileForm(principal.id().toString(), displayName, title, bio, initials,
                    msg.get(refused.messageKey(), commentaries.properties().maxCharacters()), true, csrf),
                    status(refused.problem()));
        }
    }

    private ModelAndView profilePage(ExpertProfileForm form, HttpStatus status) {
        ModelAndView page = new ModelAndView("commentary/expertProfileForm", Map.of(
                "meta", PageMeta.hidden(msg.get("commentary.profile.title")),
                "form", form));
        page.setStatus(status);
        return page;
    }

    // --- the public profile page ------------------------------------------------------

    /**
     * The expert's profile and commentary, newest first. The same rule as under an article:
     * members read the texts; anonymous visitors see the profile and which articles the
     * expert commented on (a headline and a link), not what they wrote, so this page can be
     * cached publicly for them like the article page. Hidden commentary is listed only for
     * its author.
     */
    @GetMapping("/experts/{id}")
    ModelAndView expert(@PathVariable String id, @RequestParam(defaultValue = "1") int page,
                        HttpServletResponse response) {
        MemberId expert = MemberId.parse(id).orElseThrow(() -> new PageNotFoundException("expert " + id));
        ExpertProfile profile = commentaries.profile(expert).orElseThrow(() -> new PageNotFoundException("expert " + id));
        Reader reader = Reader.current();
        boolean own = expert.equals(reader.member());
        boolean readable = views.mayRead(reader);
        PageOf<CommentOnArticle> found = commentaries.byExpert(expert, own, page);
        if (found.number() > found.pageCount()) {
            throw new PageNotFoundException("page " + page + " of expert " + id);
        }
        PageOf<CommentaryItem> items = new PageOf<>(found.items().stream()
                .map(c -> views.item(c.comment(), c.article(), reader.member(), readable)).toList(),
                found.number(), found.size(), found.total());
        String path = "/experts/" + expert;
        var meta = new PageMeta(msg.get("commentary.expert.pageTitle", profile.displayName()),
                profile.title().isEmpty() ? profile.displayName() : profile.title(),
                urls.url(path + (found.number() > 1 ? "?page=" + found.number() : "")), "profile", null, false);
        response.setHeader(HttpHeaders.CACHE_CONTROL, caching.forThisReader().getHeaderValue());
        response.addHeader(HttpHeaders.VARY, "Cookie");
        return new ModelAndView("commentary/expert", Map.of(
                "meta", meta,
                "expert", new ExpertPage(profile, items, readable, own,
                        "/login?next=" + PublicUrls.encodePath(path), path)));
    }
}
