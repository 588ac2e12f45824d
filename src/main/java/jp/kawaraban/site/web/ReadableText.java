package jp.kawaraban.site.web;

import java.util.List;

import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Gifts;
import jp.kawaraban.access.Reader;
import jp.kawaraban.access.ReadingAccess;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.Block;
import jp.kawaraban.platform.settings.Setting;
import jp.kawaraban.platform.settings.Settings;
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

    /** Set on a request whose page was opened by an email unlock or carries a gift link: never cached publicly. */
    static final String PERSONAL = ReadableText.class.getName() + ".personal";

    private final Entitlements entitlements;
    private final SiteProperties site;
    private final Settings settings;

    ReadableText(Entitlements entitlements, SiteProperties site, Settings settings) {
        this.entitlements = entitlements;
        this.site = site;
        this.settings = settings;
    }

    /**
     * Decides for the current reader; counts a free member's allowance when it is used. A
     * browser holding an email unlock of this article reads it in full: access decides, and
     * such a page is marked as this browser's own.
     */
    ReadingAccess decide(Article article) {
        ReadingAccess access = entitlements.toReadHere(Reader.current(), article.id(), article.accessLevel());
        // A gift link's page is this link's own whatever it did (opened, or said why not).
        if ((access.byUnlock() || Gifts.lookHere().isPresent()) && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            servlet.getRequest().setAttribute(PERSONAL, Boolean.TRUE);
        }
        return access;
    }

    /** Whether this request's page was opened by an email unlock. */
    static boolean personalised() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                && servlet.getRequest().getAttribute(PERSONAL) != null;
    }

    /** The runtime setting when an administrator changed it, else {@code kawaraban.site.preview-characters}. */
    int previewCharacters() {
        return settings.number(Setting.PREVIEW_CHARACTERS, site.previewCharacters());
    }

    List<Block> blocks(Article article, ReadingAccess access) {
        return access.full() ? article.content().body().blocks()
                : article.content().body().opening(previewCharacters());
    }
}
