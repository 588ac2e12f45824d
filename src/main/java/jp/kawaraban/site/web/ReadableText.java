package jp.kawaraban.site.web;

import java.util.List;

import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Reader;
import jp.kawaraban.access.ReadingAccess;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.Block;
import jp.kawaraban.site.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The part of an article's body that may leave the server for the reader of this request.
 * {@code access} decides; this cuts the body accordingly, for every path (page, print
 * view, API), so the paths cannot drift apart. A reader who may not read it all gets the
 * opening only — the rest is never sent, not even hidden.
 */
@Component
class ReadableText {

    private final Entitlements entitlements;
    private final SiteProperties site;

    ReadableText(Entitlements entitlements, SiteProperties site) {
        this.entitlements = entitlements;
        this.site = site;
    }

    /** Decides for the current reader; counts a free member's allowance when it is used. */
    ReadingAccess decide(Article article) {
        return entitlements.toRead(Reader.current(), article.id(), article.accessLevel());
    }

    List<Block> blocks(Article article, ReadingAccess access) {
        return access.full() ? article.content().body().blocks()
                : article.content().body().opening(site.previewCharacters());
    }
}
