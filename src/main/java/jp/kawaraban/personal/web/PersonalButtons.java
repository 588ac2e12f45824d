package jp.kawaraban.personal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gg.jte.Content;
import jp.kawaraban.access.Action;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Reader;
import jp.kawaraban.article.Article;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.personal.FollowKind;
import jp.kawaraban.personal.FollowTarget;
import jp.kawaraban.personal.Follows;
import jp.kawaraban.personal.MyNews;
import jp.kawaraban.personal.Saves;
import jp.kawaraban.personal.internal.KeptMemberLists;
import jp.kawaraban.platform.web.CurrentRequest;
import jp.kawaraban.platform.web.Fragments;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.site.ArticlePage;
import jp.kawaraban.site.ArticlePageExtension;
import jp.kawaraban.site.ArticlePageParts;
import jp.kawaraban.site.PaidMemberPageParts;
import jp.kawaraban.site.SharedArticleData;
import jp.kawaraban.site.TopicPageExtension;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Builds the follow and save buttons for a page, in the state this reader sees them. Whether
 * the reader may use them is asked of {@code access}; an anonymous reader costs no query.
 */
@Component
@Order(10)
class PersonalButtons implements ArticlePageExtension, TopicPageExtension, PaidMemberPageParts {

    private final Entitlements entitlements;
    private final Follows follows;
    private final Saves saves;
    private final MyNews news;
    private final Fragments fragments;
    private final Messages msg;
    /** The topics an article offers, the same for every reader; whether this one follows them is read per request. */
    private final SharedArticleData shared;
    private final KeptMemberLists kept;

    PersonalButtons(Entitlements entitlements, Follows follows, Saves saves, MyNews news, Fragments fragments,
                    Messages msg, SharedArticleData shared, KeptMemberLists kept) {
        this.kept = kept;
        this.shared = shared;
        this.fragments = fragments;
        this.msg = msg;
        this.entitlements = entitlements;
        this.follows = follows;
        this.saves = saves;
        this.news = news;
    }

    /**
     * Save beside the share bar, the topics to follow after the text, "save figure" under each
     * figure: nothing but the share bar and save stands between the headline and the text.
     */
    @Override
    public ArticlePageParts partsFor(ArticlePage page) {
        return parts(forArticle(page.article(), page.access().full()));
    }

    /** What a paid member's buttons on this article show: which of its topics they follow, what they saved. */
    record PaidMemberState(Set<String> followed, boolean saved, Set<String> savedFigures) {
    }

    /** For the member pages' fast path: the state of this member's buttons, and My News's read mark. */
    @Override
    public Object paidMemberState(ArticlePage page, MemberId member) {
        Article article = page.article();
        String id = article.id().value();
        news.markRead(member, article.id());
        // The lists as Follows and Saves read them (the member's own, kept in memory), without their proxies.
        Set<String> following = kept.followedKeys(member);
        List<String> followed = new java.util.ArrayList<>(2);
        if (!following.isEmpty()) {
            for (FollowTarget target : targets(article, page.access().full())) {
                String key = target.key();
                if (following.contains(key)) {
                    followed.add(key);
                }
            }
        }
        return new PaidMemberState(Set.copyOf(followed), kept.isSaved(member, id), Set.copyOf(kept.savedFigureIds(member, id)));
    }

    /** A paid member's buttons in {@code state} (the member pages' fast path): may follow and save. */
    @Override
    public ArticlePageParts partsForPaidMember(ArticlePage page, Object state, CsrfToken csrf) {
        PaidMemberState buttons = (PaidMemberState) state;
        return parts(forArticle(page.article(), page.access().full(), buttons.followed(), true, buttons.saved(), true,
                buttons.savedFigures(), true, new Viewer(true, csrf)));
    }

    private ArticlePageParts parts(ArticlePersonal personal) {
        ArticlePageParts parts = ArticlePageParts.of(ArticlePageParts.Slot.CONTROLS,
                fragments.of("personal/tag/personalBar", Map.of("msg", msg, "personal", personal)));
        if (!personal.follows().isEmpty()) {
            parts.add(ArticlePageParts.Slot.TOPICS,
                    fragments.of("personal/tag/topics", Map.of("msg", msg, "personal", personal)));
        }
        personal.figures().forEach((imageId, button) ->
                parts.underFigure(imageId, fragments.of("personal/tag/saveButton", Map.of("msg", msg, "button", button))));
        return parts;
    }

    @Override
    public Content headingControl(String kind, String value, String path) {
        FollowButton button = forPage(kind, value, path);
        return button == null ? null : fragments.of("personal/tag/followButton", Map.of("msg", msg, "button", button));
    }

    /**
     * The article page's buttons; for a member who has My News, opening the article marks it read.
     *
     * @param fullText whether this reader gets the whole text: the entities are those found in
     *                 all of it, so a reader held at the preview is offered only the series and the
     *                 editors' keywords, which the page shows anyway, never names from text they may
     *                 not read
     */
    ArticlePersonal forArticle(Article article, boolean fullText) {
        Reader reader = Reader.current();
        MemberId member = reader.member();
        String id = article.id().value();
        boolean mayFollow = allowed(reader, Action.FOLLOW);
        boolean maySave = allowed(reader, Action.SAVE_ARTICLE);
        boolean mayKeepFigures = allowed(reader, Action.SAVE_FIGURE);
        if (mayFollow) {
            news.markRead(member, article.id());
        }
        return forArticle(article, fullText, mayFollow ? follows.followedKeys(member) : Set.of(), mayFollow,
                maySave && saves.isSaved(member, id), maySave,
                mayKeepFigures ? saves.savedFigureIds(member, id) : Set.of(), mayKeepFigures, Viewer.current());
    }

    /**
     * The topics offered on the article to this reader, one per distinct target: the same for
     * every reader with the whole text (and for every reader held at the preview), so kept with
     * what they share rather than worked out (names normalised) on every page.
     */
    private List<FollowTarget> targets(Article article, boolean fullText) {
        return shared.from(article, fullText ? "followTargets.full" : "followTargets.preview",
                a -> distinct(shared.from(a, "followTargets", follows::targetsOf).stream()
                        .filter(target -> fullText || target.kind() != FollowKind.ENTITY).toList()));
    }

    private ArticlePersonal forArticle(Article article, boolean fullText, Set<String> followed, boolean mayFollow,
                                       boolean saved, boolean maySave, Set<String> savedFigures,
                                       boolean mayKeepFigures, Viewer viewer) {
        String id = article.id().value();
        String back = "/articles/" + id;
        List<FollowButton> followButtons = targets(article, fullText).stream()
                .map(target -> button(target, followed.contains(target.key()), mayFollow, viewer, back).asCompact())
                .toList();
        SaveButton save = new SaveButton(id, null, saved, maySave, viewer.loggedIn(), viewer.csrf(), back);
        Map<String, SaveButton> figures = new LinkedHashMap<>();
        article.content().body().figures().forEach(figure -> figures.put(figure.imageId(),
                new SaveButton(id, figure.imageId(), savedFigures.contains(figure.imageId()), mayKeepFigures,
                        viewer.loggedIn(), viewer.csrf(), back + "#figure-" + figure.imageId())));
        return new ArticlePersonal(followButtons, save, figures);
    }

    /**
     * One chip per topic a reader would tell apart: a target offered twice goes, and where a
     * keyword reads exactly as an entity's name (クリミア the keyword, クリミア the place) the
     * entity stays, since its follow and its page also cover the name's other spellings.
     */
    static List<FollowTarget> distinct(List<FollowTarget> targets) {
        Map<String, FollowTarget> byName = new LinkedHashMap<>();
        Set<String> keys = new java.util.HashSet<>();
        for (FollowTarget target : targets) {
            if (!keys.add(target.key())) {
                continue;
            }
            String name = java.text.Normalizer.normalize(target.label(), java.text.Normalizer.Form.NFKC).strip();
            FollowTarget earlier = byName.get(name);
            if (earlier == null) {
                byName.put(name, target);
            } else if (earlier.kind() == FollowKind.KEYWORD && target.kind() == FollowKind.ENTITY) {
                byName.put(name, target); // keeps the keyword's place in the order
            }
        }
        return List.copyOf(byName.values());
    }

    /** A listing's or entity page's button, or null when there is nothing to follow. */
    FollowButton forPage(String kind, String value, String back) {
        return follows.find(kind, value).map(target -> {
            Reader reader = Reader.current();
            boolean allowed = allowed(reader, Action.FOLLOW);
            boolean following = allowed && follows.followedKeys(reader.member()).contains(target.key());
            return button(target, following, allowed, back);
        }).orElse(null);
    }

    /** A follow button for this request's reader. */
    static FollowButton button(FollowTarget target, boolean following, boolean allowed, String back) {
        return button(target, following, allowed, Viewer.current(), back);
    }

    private static FollowButton button(FollowTarget target, boolean following, boolean allowed, Viewer viewer,
                                       String back) {
        return new FollowButton(target.kind().code(), target.value(), target.label(), following, allowed,
                viewer.loggedIn(), viewer.csrf(), back, false);
    }

    private boolean allowed(Reader reader, Action action) {
        return !reader.isAnonymous() && entitlements.mayUse(reader, action).allowed();
    }

    /**
     * Whether the buttons' reader is logged in and, for a member only, the CSRF token their
     * forms carry: an anonymous reader's page asks for no token, so it opens no session and
     * stays cacheable.
     */
    private record Viewer(boolean loggedIn, CsrfToken csrf) {

        static Viewer current() {
            return MemberPrincipal.current().isPresent() ? new Viewer(true, CurrentRequest.csrfToken())
                    : new Viewer(false, null);
        }
    }
}
