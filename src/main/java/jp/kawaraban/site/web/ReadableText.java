package jp.kawaraban.site.web;

import java.util.List;

import jakarta.servlet.http.Cookie;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Reader;
import jp.kawaraban.access.ReadingAccess;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.newsletter.EmailUnlocks;
import jp.kawaraban.site.SiteProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The part of an article's body that may leave the server for the reader of this request.
 * {@code access} decides; this cuts the body accordingly, for every path (page, print
 * view, API), so the paths cannot drift apart. A reader who may not read it all gets the
 * opening only — the rest is never sent, not even hidden.
 */
@Component
class ReadableText {

    /** Set on a request whose page was opened by an email unlock: such a page is never cached publicly. */
    static final String PERSONAL = ReadableText.class.getName() + ".personal";

    private final Entitlements entitlements;
    private final SiteProperties site;
    private final EmailUnlocks unlocks;

    ReadableText(Entitlements entitlements, SiteProperties site, EmailUnlocks unlocks) {
        this.entitlements = entitlements;
        this.site = site;
        this.unlocks = unlocks;
    }

    /**
     * Decides for the current reader; counts a free member's allowance when it is used. A
     * browser holding an email unlock of this article (cookie scoped to its path, checked by
     * {@code newsletter}) tells {@code access} so; access decides.
     */
    ReadingAccess decide(Article article) {
        ArticleId unlocked = unlockedHere(article) ? article.id() : null;
        return entitlements.toRead(Reader.current(), article.id(), article.accessLevel(), unlocked);
    }

    private boolean unlockedHere(Article article) {
        if (article.accessLevel().isFree()
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet)
                || servlet.getRequest().getCookies() == null) {
            return false;
        }
        for (Cookie cookie : servlet.getRequest().getCookies()) {
            if (EmailUnlocks.COOKIE.equals(cookie.getName()) && unlocks.unlocks(cookie.getValue(), article.id())) {
                servlet.getRequest().setAttribute(PERSONAL, Boolean.TRUE);
                return true;
            }
        }
        return false;
    }

    /** Whether this request's page was opened by an email unlock. */
    static boolean personalised() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                && servlet.getRequest().getAttribute(PERSONAL) != null;
    }

    List<Block> blocks(Article article, ReadingAccess access) {
        return access.full() ? article.content().body().blocks()
                : article.content().body().opening(site.previewCharacters());
    }
}
