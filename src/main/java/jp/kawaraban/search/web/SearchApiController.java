package jp.kawaraban.search.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.platform.web.BadParameterException;
import jp.kawaraban.platform.web.JapaneseDates;
import jp.kawaraban.platform.web.PublicUrls;
import jp.kawaraban.search.Search;
import jp.kawaraban.search.SearchQuery;
import jp.kawaraban.site.PublicCaching;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search and recommendations as JSON for the apps: the same results and snippets as the pages. */
@RestController
class SearchApiController {

    private final Search search;
    private final SearchPages searchPages;
    private final ArticleCatalog catalog;
    private final PublicUrls urls;
    private final PublicCaching caching;
    private final RecommendationsPart recommendations;

    SearchApiController(Search search, SearchPages searchPages, ArticleCatalog catalog, PublicUrls urls,
                        PublicCaching caching, RecommendationsPart recommendations) {
        this.recommendations = recommendations;
        this.search = search;
        this.searchPages = searchPages;
        this.catalog = catalog;
        this.urls = urls;
        this.caching = caching;
    }

    record SnippetPartJson(String text, boolean match) {
    }

    record ResultJson(String id, String url, String headline, String lead, List<SnippetPartJson> snippet,
                      String section, String accessLevel, String publishedAt) {
    }

    record ResultsJson(List<ResultJson> results, int page, int size, long total, String suggestion) {
    }

    @Operation(summary = "Search articles; the text is searched as plain words, never as query syntax")
    @GetMapping(path = "/api/v1/search", produces = "application/json")
    ResponseEntity<ResultsJson> search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String section,
            @RequestParam(required = false) String series,
            @Parameter(description = "entity id") @RequestParam(required = false) String entity,
            @Parameter(description = "yyyy-MM-dd, Japan date") @RequestParam(required = false) String from,
            @Parameter(description = "yyyy-MM-dd, Japan date, included") @RequestParam(required = false) String until,
            @Parameter(description = "relevance or newest") @RequestParam(defaultValue = "relevance") String order,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Search.Results results = search.search(new Search.Request(q, section, series, entity, date(from, "from"),
                date(until, "until"), "newest".equals(order) ? SearchQuery.Order.NEWEST : SearchQuery.Order.RELEVANCE,
                page, size), searchPages.fullTextLevels());
        return ResponseEntity.ok()
                .cacheControl(caching.forThisReader())
                .varyBy("Cookie")
                .body(new ResultsJson(results.results().stream().map(this::result).toList(), results.page(),
                        results.size(), results.total(), results.suggestion()));
    }

    record RecommendationJson(String id, String url, String headline, String section, String accessLevel,
                              String publishedAt, List<String> reasons) {
    }

    @Operation(summary = "Five related articles from the archive, each with the reason")
    @GetMapping(path = "/api/v1/articles/{id}/recommendations", produces = "application/json")
    ResponseEntity<List<RecommendationJson>> recommendations(@PathVariable String id) {
        var article = catalog.get(id); // 404 for an unknown article
        List<RecommendationJson> body = recommendations.recommended(article.id()).stream().map(item -> {
            ArticleSummary summary = item.summary();
            return new RecommendationJson(summary.id().value(), urls.url("/articles/" + summary.id().value()),
                    summary.headline(), summary.section().code(), summary.accessLevel().name().toLowerCase(),
                    JapaneseDates.iso(summary.publishedAt()), item.reasons());
        }).toList();
        return ResponseEntity.ok().cacheControl(caching.forEveryone()).body(body);
    }

    private ResultJson result(Search.Result result) {
        return new ResultJson(result.id().value(), urls.url("/articles/" + result.id().value()), result.headline(),
                result.lead(), result.snippet().parts().stream().map(p -> new SnippetPartJson(p.text(), p.match())).toList(),
                result.sectionCode(), result.accessLevel().name().toLowerCase(), JapaneseDates.iso(result.publishedAt()));
    }

    private static LocalDate date(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException unreadable) {
            throw new BadParameterException(name);
        }
    }
}
