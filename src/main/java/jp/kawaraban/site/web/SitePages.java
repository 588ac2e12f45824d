package jp.kawaraban.site.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.Section;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.site.SiteProperties;
import org.springframework.stereotype.Component;

/** Builds what every page shares (layout data) and the article page's view. */
@Component
class SitePages {

    private final ArticleCatalog catalog;
    private final SiteProperties site;
    private final Messages msg;
    private final StructuredData structuredData;
    private final Clock clock;
    private volatile SectionSnapshot sections;

    SitePages(ArticleCatalog catalog, SiteProperties site, Messages msg, StructuredData structuredData, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.site = site;
        this.msg = msg;
        this.structuredData = structuredData;
    }

    Chrome chrome(PageMeta meta) {
        return chrome(meta, null);
    }

    Chrome chrome(PageMeta meta, String currentSection) {
        return new Chrome(msg, site.name(), sections(), meta, currentSection);
    }

    /**
     * The section navigation, on every page. Sections change a few times a year, so a
     * snapshot kept for as long as pages may be cached saves a query per request.
     */
    List<Section> sections() {
        SectionSnapshot current = sections;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.expires())) {
            current = new SectionSnapshot(catalog.sections(), now.plusSeconds(site.cacheSeconds()));
            if (!current.sections().isEmpty()) { // not before the first sections exist
                sections = current;
            }
        }
        return current.sections();
    }

    private record SectionSnapshot(List<Section> sections, Instant expires) {
    }

    ArticleView articleView(Article article) {
        String canonical = canonicalUrl(article);
        return new ArticleView(
                article,
                canonical,
                JapaneseDates.readable(article.publishedAt()),
                JapaneseDates.iso(article.publishedAt()),
                article.updatedAt() == null ? null : JapaneseDates.readable(article.updatedAt()),
                article.updatedAt() == null ? null : JapaneseDates.iso(article.updatedAt()),
                ReadableText.blocks(article, site.previewCharacters()),
                ReadableText.isPreviewOnly(article),
                ShareLinks.forArticle(canonical, article.headline()),
                ShareLinks.mail(canonical, article.headline()),
                catalog.summaries(article.content().related()));
    }

    PageMeta articleMeta(Article article) {
        String canonical = canonicalUrl(article);
        return new PageMeta(article.headline(), article.content().lead(), canonical, "article",
                structuredData.newsArticle(article, canonical), false);
    }

    String canonicalUrl(Article article) {
        return site.url("/articles/" + article.id().value());
    }

    SiteProperties site() {
        return site;
    }

    Messages msg() {
        return msg;
    }
}
