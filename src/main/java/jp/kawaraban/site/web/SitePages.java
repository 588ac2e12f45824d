package jp.kawaraban.site.web;

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

    SitePages(ArticleCatalog catalog, SiteProperties site, Messages msg, StructuredData structuredData) {
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

    List<Section> sections() {
        return catalog.sections();
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
                ShareLinks.forArticle(canonical, article.headline()),
                ShareLinks.mail(canonical, article.headline()),
                catalog.summaries(article.content().related()));
    }

    PageMeta articleMeta(Article article) {
        return new PageMeta(article.headline(), article.content().lead(), canonicalUrl(article), "article",
                structuredData.newsArticle(article, canonicalUrl(article)), false);
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
