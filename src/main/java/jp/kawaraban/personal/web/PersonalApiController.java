package jp.kawaraban.personal.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kawaraban.access.Action;
import jp.kawaraban.access.RequiresAccess;
import jp.kawaraban.article.PageOf;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.personal.Follow;
import jp.kawaraban.personal.Follows;
import jp.kawaraban.personal.MyNews;
import jp.kawaraban.personal.PersonalInputException;
import jp.kawaraban.personal.SavedArticle;
import jp.kawaraban.personal.SavedFigure;
import jp.kawaraban.personal.Saves;
import jp.kawaraban.platform.web.JapaneseDates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Follows, My News and saved articles and figures as JSON for the apps: the same data and
 * the same rules as the pages ({@link RequiresAccess}: 403 problem details with {@code refusal}
 * LOG_IN or PAID_ONLY).
 *
 * <p>Authentication is the session cookie, as for the pages. The security chain applies
 * CSRF protection to {@code /api/**} too, and we keep it: a state-changing call (POST, PUT,
 * DELETE) must carry the session's token in the {@code X-CSRF-TOKEN} header, which an app
 * reads once from {@code GET /api/v1/my/csrf}. Turning CSRF off for the API would let any
 * web page a logged-in reader visits follow or delete things in their name, since the
 * browser sends the session cookie along; the token costs an app one request per session.
 */
@RestController
@Tag(name = "personal", description = "A member's follows, My News, saved articles and saved figures")
class PersonalApiController {

    private static final int DEFAULT_SIZE = 20;

    private final Follows follows;
    private final Saves saves;
    private final MyNews news;

    PersonalApiController(Follows follows, Saves saves, MyNews news) {
        this.follows = follows;
        this.saves = saves;
        this.news = news;
    }

    record CsrfJson(String headerName, String token) {
    }

    record FollowJson(String kind, String value, String label, String followedAt) {
        static FollowJson of(Follow follow) {
            return new FollowJson(follow.kind().code(), follow.value(), follow.label(),
                    JapaneseDates.iso(follow.followedAt()));
        }
    }

    record FollowRequest(String kind, String value) {
    }

    record NewsItemJson(String id, String url, String headline, String lead, String section, String accessLevel,
                        String publishedAt, boolean unread, List<FollowJson> reasons) {
    }

    record NewsJson(List<NewsItemJson> items, int page, int size, boolean hasNext) {
    }

    record SavedArticleJson(String id, String url, String headline, String savedAt, boolean withdrawn) {
        static SavedArticleJson of(SavedArticle saved) {
            return new SavedArticleJson(saved.articleId(), saved.withdrawn() ? null : "/articles/" + saved.articleId(),
                    saved.headline(), JapaneseDates.iso(saved.savedAt()), saved.withdrawn());
        }
    }

    record SavedFigureJson(String articleId, String imageId, String imageUrl, String caption, String credit,
                           String headline, String articleUrl, String savedAt, boolean withdrawn) {
        static SavedFigureJson of(SavedFigure saved) {
            return new SavedFigureJson(saved.articleId(), saved.imageId(), "/images/" + saved.imageId(), saved.caption(),
                    saved.credit(), saved.headline(), saved.withdrawn() ? null : "/articles/" + saved.articleId(),
                    JapaneseDates.iso(saved.savedAt()), saved.withdrawn());
        }
    }

    record ListJson<T>(List<T> items, int page, int size, long total) {
        static <S, T> ListJson<T> of(PageOf<S> page, java.util.function.Function<S, T> map) {
            return new ListJson<>(page.items().stream().map(map).toList(), page.number(), page.size(), page.total());
        }
    }

    @Operation(summary = "The CSRF token of this session: send it as the named header with every POST, PUT and DELETE")
    @GetMapping(path = "/api/v1/my/csrf", produces = "application/json")
    CsrfJson csrf(CsrfToken token) {
        return new CsrfJson(token.getHeaderName(), token.getToken());
    }

    @Operation(summary = "My News: newest articles from everything followed, with what each came through and unread marks")
    @RequiresAccess(Action.FOLLOW)
    @GetMapping(path = "/api/v1/my/news", produces = "application/json")
    NewsJson news(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(defaultValue = "1") int page,
                  @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int size) {
        var feed = news.page(member.id(), page, size);
        return new NewsJson(feed.items().stream().map(item -> new NewsItemJson(item.article().id().value(),
                        "/articles/" + item.article().id().value(), item.article().headline(), item.article().lead(),
                        item.article().section().code(), item.article().accessLevel().name(),
                        JapaneseDates.iso(item.article().publishedAt()), item.unread(),
                        item.reasons().stream().map(FollowJson::of).toList())).toList(),
                feed.number(), feed.size(), feed.hasNext());
    }

    @Operation(summary = "Everything the member follows, newest first")
    @RequiresAccess(Action.FOLLOW)
    @GetMapping(path = "/api/v1/my/follows", produces = "application/json")
    List<FollowJson> follows(@AuthenticationPrincipal MemberPrincipal member) {
        return follows.follows(member.id()).stream().map(FollowJson::of).toList();
    }

    @Operation(summary = "Follow a series, column, keyword or entity (kind: series, column, keyword, entity); "
            + "following again is harmless")
    @RequiresAccess(Action.FOLLOW)
    @PostMapping(path = "/api/v1/my/follows", produces = "application/json")
    ResponseEntity<FollowJson> follow(@AuthenticationPrincipal MemberPrincipal member, @RequestBody FollowRequest request) {
        Follow follow = follows.follow(member.id(), request.kind(), request.value());
        return ResponseEntity.status(HttpStatus.OK).body(FollowJson.of(follow));
    }

    @Operation(summary = "Stop following; unfollowing what is not followed is harmless")
    @RequiresAccess(Action.FOLLOW)
    @DeleteMapping("/api/v1/my/follows")
    ResponseEntity<Void> unfollow(@AuthenticationPrincipal MemberPrincipal member,
                                  @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String value) {
        follows.unfollow(member.id(), kind, value);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Saved articles, newest first; q filters by headline")
    @RequiresAccess(Action.SAVE_ARTICLE)
    @GetMapping(path = "/api/v1/my/saved", produces = "application/json")
    ListJson<SavedArticleJson> saved(@AuthenticationPrincipal MemberPrincipal member,
                                     @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
                                     @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
        return ListJson.of(saves.savedArticles(member.id(), q, new PageRequest(page, size)), SavedArticleJson::of);
    }

    @Operation(summary = "One saved article (404 when not saved)")
    @RequiresAccess(Action.SAVE_ARTICLE)
    @GetMapping(path = "/api/v1/my/saved/{articleId}", produces = "application/json")
    SavedArticleJson savedArticle(@AuthenticationPrincipal MemberPrincipal member, @PathVariable String articleId) {
        return saves.savedArticle(member.id(), articleId).map(SavedArticleJson::of)
                .orElseThrow(() -> new PersonalInputException("personal.error.notSaved", true));
    }

    @Operation(summary = "Save an article; saving again is harmless")
    @RequiresAccess(Action.SAVE_ARTICLE)
    @PutMapping(path = "/api/v1/my/saved/{articleId}", produces = "application/json")
    SavedArticleJson save(@AuthenticationPrincipal MemberPrincipal member, @PathVariable String articleId) {
        saves.saveArticle(member.id(), articleId);
        return saves.savedArticle(member.id(), articleId).map(SavedArticleJson::of).orElseThrow();
    }

    @Operation(summary = "Remove a saved article")
    @RequiresAccess(Action.SAVE_ARTICLE)
    @DeleteMapping("/api/v1/my/saved/{articleId}")
    ResponseEntity<Void> unsave(@AuthenticationPrincipal MemberPrincipal member, @PathVariable String articleId) {
        saves.unsaveArticle(member.id(), articleId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Saved figures, newest first; q filters by caption or headline")
    @RequiresAccess(Action.SAVE_FIGURE)
    @GetMapping(path = "/api/v1/my/figures", produces = "application/json")
    ListJson<SavedFigureJson> figures(@AuthenticationPrincipal MemberPrincipal member,
                                      @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
                                      @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
        return ListJson.of(saves.savedFigures(member.id(), q, new PageRequest(page, size)), SavedFigureJson::of);
    }

    @Operation(summary = "One saved figure (404 when not saved)")
    @RequiresAccess(Action.SAVE_FIGURE)
    @GetMapping(path = "/api/v1/my/figures/{articleId}/{imageId}", produces = "application/json")
    SavedFigureJson savedFigure(@AuthenticationPrincipal MemberPrincipal member, @PathVariable String articleId,
                                @PathVariable String imageId) {
        return saves.savedFigure(member.id(), articleId, imageId).map(SavedFigureJson::of)
                .orElseThrow(() -> new PersonalInputException("personal.error.notSaved", true));
    }

    @Operation(summary = "Save one figure of an article (by the figure's image id); saving again is harmless")
    @RequiresAccess(Action.SAVE_FIGURE)
    @PutMapping(path = "/api/v1/my/figures/{articleId}/{imageId}", produces = "application/json")
    SavedFigureJson saveFigure(@AuthenticationPrincipal MemberPrincipal member, @PathVariable String articleId,
                               @PathVariable String imageId) {
        saves.saveFigure(member.id(), articleId, imageId);
        return saves.savedFigure(member.id(), articleId, imageId).map(SavedFigureJson::of).orElseThrow();
    }

    @Operation(summary = "Remove a saved figure")
    @RequiresAccess(Action.SAVE_FIGURE)
    @DeleteMapping("/api/v1/my/figures/{articleId}/{imageId}")
    ResponseEntity<Void> unsaveFigure(@AuthenticationPrincipal MemberPrincipal member, @PathVariable String articleId,
                                      @PathVariable String imageId) {
        saves.unsaveFigure(member.id(), articleId, imageId);
        return ResponseEntity.noContent().build();
    }

    /** Bad or unknown input: 400 or 404 problem details with the reader's message; nothing stored. */}
