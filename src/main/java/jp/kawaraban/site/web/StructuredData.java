package jp.kawaraban.site.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kawaraban.article.Article;
import jp.kawaraban.article.Block;
import jp.kawaraban.platform.web.JapaneseDates;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** schema.org {@code NewsArticle} data for an article page, as search engines read it. */
@Component
class StructuredData {

    private final JsonMapper json;
    private final Publication site;

    StructuredData(JsonMapper json, Publication site) {
        this.json = json;
        this.site = site;
    }

    String newsArticle(Article article, String canonicalUrl) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("mainEntityOfPage", canonicalUrl);
        data.put("headline", article.headline());
        data.put("description", article.content().lead());
        data.put("datePublished", JapaneseDates.iso(article.publishedAt()));
        data.put("dateModified", JapaneseDates.iso(article.lastModified()));
        data.put("author", article.content().bylines().stream()
                .map(name -> Map.of("@type", "Person", "name", name)).toList());
        data.put("publisher", Map.of("@type", "NewsMediaOrganization", "name", site.name(), "url", site.url("/")));
        data.put("articleSection", article.section().name());
        if (!article.content().keywords().isEmpty()) {
            data.put("keywords", String.join(",", article.content().keywords()));
        }
        List<String> images = article.content().body().figures().stream()
                .map(Block.Figure::imageId).map(id -> site.url("/images/" + id)).toList();
        if (!images.isEmpty()) {
            data.put("image", images);
        }
        data.put("isAccessibleForFree", article.accessLevel().isFree());
        if (!article.accessLevel().isFree()) {
            // Google's paywalled-content markup: the box standing in for the rest of the text.
            data.put("hasPart", Map.of("@type", "WebPageElement", "isAccessibleForFree", false,
                    "cssSelector", ".paywall"));
        }
        return scriptSafe(json.writeValueAsString(data));
    }

    /** JSON inside {@code <script>} must not contain {@code </script>}; escaping every '<' rules that out. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
