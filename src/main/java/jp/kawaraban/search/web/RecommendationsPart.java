package jp.kawaraban.search.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.platform.web.Fragments;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.search.Search;
import jp.kawaraban.search.SearchEngineUnavailableException;
import jp.kawaraban.site.ArticlePage;
import jp.kawaraban.site.ArticlePageExtension;
import jp.kawaraban.site.ArticlePageParts;
import jp.kawaraban.site.SharedArticleData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "Recommended for you": the article's stored list from the archive, each with its reason. */
@Component
@Order(30)
class RecommendationsPart implements ArticlePageExtension {

    private static final int RECOMMENDATIONS = 5;

    private final Search search;
    private final ArticleCatalog catalog;
    private final Fragments fragments;
    private final Messages msg;
    private final SharedArticleData shared;

    RecommendationsPart(Search search, ArticleCatalog catalog, Fragments fragments, Messages msg, SharedArticleData shared) {
        this.shared = shared;
        this.search = search;
        this.catalog = catalog;
        this.fragments = fragments;
        this.msg = msg;
    }

    @Override
    public ArticlePageParts partsFor(ArticlePage page) {
        List<RecommendedArticle> recommended;
        try {
            recommended = shared.get(page.article().id(), "recommended", () -> recommended(page.article().id()));
        } catch (SearchEngineUnavailableException away) {
            // A list not stored yet needs the engine; the article is read without it meanwhile.
            return ArticlePageParts.NONE;
        }
        return recommended.isEmpty() ? ArticlePageParts.NONE : ArticlePageParts.of(ArticlePageParts.Slot.RECOMMENDATIONS,
                fragments.of("search/tag/recommended", Map.of("msg", msg, "items", recommended)));
    }

    /** Only articles that still exist and are published: the list was stored when the article was indexed. */
    List<RecommendedArticle> recommended(ArticleId id) {
        var recommendations = search.recommendations(id);
        Map<ArticleId, ArticleSummary> byId = new HashMap<>();
        catalog.summaries(recommendations.stream().map(Search.Recommendation::id).toList())
                .forEach(summary -> byId.put(summary.id(), summary));
        return recommendations.stream().filter(r -> byId.containsKey(r.id()))
                .limit(RECOMMENDATIONS)
                .map(r -> new RecommendedArticle(byId.get(r.id()), r.reasons())).toList();
    }
}
