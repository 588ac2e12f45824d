package jp.kawaraban.commentary.web;

import java.util.List;

import jp.kawaraban.access.Action;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Reader;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.commentary.Commentaries;
import jp.kawaraban.commentary.CommentaryText;
import jp.kawaraban.commentary.ExpertComment;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.CurrentRequest;
import jp.kawaraban.platform.web.JapaneseDates;
import jp.kawaraban.platform.web.PublicUrls;
import jp.kawaraban.site.SharedArticleData;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Turns commentary into what pages show, for the reader of the request. The rule is the
 * same everywhere (article page, expert's profile, API): readers {@code access} lets read
 * commentary (members) get the text; everyone else gets counts and headlines, never a word
 * of what the experts wrote.
 */
@Component
class CommentaryViews {

    private final Commentaries commentaries;
    private final Entitlements entitlements;
    /** The count and the readers' list, the same for every member who does not write commentary. */
    private final SharedArticleData shared;

    CommentaryViews(Commentaries commentaries, Entitlements entitlements, SharedArticleData shared) {
        this.shared = shared;
        this.commentaries = commentaries;
        this.entitlements = entitlements;
    }

    boolean mayRead(Reader reader) {
        return entitlements.mayUse(reader, Action.READ_COMMENTARY).allowed();
    }

    boolean mayWrite(Reader reader) {
        return entitlements.mayUse(reader, Action.WRITE_COMMENTARY).allowed();
    }

    /** The block under an article. */
    CommentaryBlock block(Article article) {
        Reader reader = Reader.current();
        int count = shared.from(article, "commentaryCount", commentaries::count);
        boolean readable = mayRead(reader);
        boolean canWrite = mayWrite(reader);
        List<CommentaryItem> items;
        if (!readable) {
            items = List.of();
        } else if (canWrite) { // an expert sees their own comment even when hidden, and its form
            items = commentaries.onArticle(article, reader.member()).stream()
                    .map(c -> item(c, null, reader.member(), true)).toList();
        } else { // what every member who reads but does not write sees: the visible comments
            items = shared.from(article, "commentaryForReaders", a -> commentaries.onArticle(a, null).stream()
                    .map(c -> item(c, null, null, true)).toList());
        }
        CommentaryItem mine = canWrite ? items.stream().filter(CommentaryItem::mine).findFirst().orElse(null) : null;
        String login = "/login?next=" + PublicUrls.encodePath("/articles/" + article.id().value());
        // Only a member's form needs the token; asking for an anonymous reader's would open a session.
        CsrfToken csrf = MemberPrincipal.current().isPresent() ? CurrentRequest.csrfToken() : null;
        return new CommentaryBlock(article.id().value(), count, readable, items, canWrite, mine, login, csrf,
                commentaries.properties().maxCharacters());
    }

    /**
     * @param article     the article's summary for lists across articles, or null on its own page
     * @param withText    whether this reader may read the text
     */
    CommentaryItem item(ExpertComment c, ArticleSummary article, MemberId viewer, boolean withText) {
        boolean mine = c.writtenBy(viewer);
        var expert = c.expert();
        return new CommentaryItem(c.id().toString(), c.article().value(), article == null ? null : article.headline(),
                expert.expert().toString(), expert.displayName(), expert.title(), expert.initials(), expert.colour(),
                withText ? CommentaryText.paragraphs(c.text()) : null,
                mine ? c.text() : null,
                JapaneseDates.readable(c.createdAt()), JapaneseDates.iso(c.createdAt()),
                c.editedAt() == null ? null : JapaneseDates.readable(c.editedAt()),
                c.editedAt() == null ? null : JapaneseDates.iso(c.editedAt()),
                c.hidden(), c.hidden() && withText ? c.hiding().reason() : null, mine);
    }
}
