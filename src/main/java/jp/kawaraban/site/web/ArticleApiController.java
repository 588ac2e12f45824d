package jp.kawaraban.site.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jp.kawaraban.access.ActionAccess;
import jp.kawaraban.access.ActionRefusedException;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Reader;
import jp.kawaraban.access.ReadingAccess;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.site.SiteProperties;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.InlineText;
import jp.kawaraban.article.PageOf;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.platform.web.JapaneseDates;
import jp.kawaraban.platform.web.PageNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The articles as JSON for the phone and tablet apps: the same content as the pages. */
@RestController
@RequestMapping(path = "/api/v1/articles", produces = "application/json")
class ArticleApiController {

    private final ArticleCatalog catalog;
    private final Publication site;
    private final ReadableText readable;
    private final SiteProperties cache;

    private final Entitlements entitlements;

    ArticleApiController(ArticleCatalog catalog, Publication site, SiteProperties cache, ReadableText readable,
                         Entitlements entitlements) {
        this.entitlements = entitlements;
        this.cache = cache;
        this.readable = readable;
        this.catalog = catalog;
        this.site = site;
    }

    @Operation(summary = "Published articles, newest first")
    @GetMapping
    ResponseEntity<ArticleList> list(
            @Parameter(description = "1-based page number") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "articles per page, at most 100") @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "only this section") @RequestParam(required = false) String section) {
        if (section != null && catalog.section(section).isEmpty()) {
            throw new PageNotFoundException("section " + section);
        }
        PageRequest request = new PageRequest(page, size);
        PageOf<ArticleSummary> articles = section == null ? catalog.latest(request) : catalog.inSection(section, request);
        return cached(new ArticleList(articles.items().stream().map(this::summary).toList(),
                articles.number(), articles.size(), articles.total()));
    }

    @Operation(summary = "One article with its body",
            description = "A reader who may not read it all gets the opening only (previewOnly). For a free member and a"
                    + " paid article, allowance says how many paid articles are left this month and, while one is, where to"
                    + " spend it: reading does not spend it, only POST to allowance.unlock does.")
    @GetMapping("/{id}")
    ResponseEntity<ArticleJson> article(@PathVariable String id) {
        Article article = catalog.get(id);
        return cached(json(article, readable.decide(article)));
    }

    /**
     * A free member spends one of the month's paid articles on this one and gets it in full;
     * asking again for an article already opened this month spends nothing. 401 without a
     * log-in; 403 problem details ({@code refusal: ALLOWANCE_USED}, in Japanese) when this
     * month's articles are spent on others.
     */
    @Operation(summary = "Read a paid article with a free member's monthly allowance (spends one, once per article and month)")
    @PostMapping("/{id}/unlock")
    ResponseEntity<ArticleJson> unlock(@PathVariable String id) {
        Article article = catalog.get(id);
        Reader reader = Reader.current();
        if (reader.isAnonymous()) {
            throw new ActionRefusedException(ActionAccess.Refusal.LOG_IN);
        }
        ReadingAccess access = entitlements.useAllowance(reader, article.id(), article.accessLevel());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).body(json(article, access));
    }

    private ArticleJson json(Article article, ReadingAccess access) {
        var content = article.content();
        return new ArticleJson(
                article.id().value(),
                site.url("/articles/" + article.id().value()),
                content.headline(), content.subheadline(), content.lead(), content.bylines(),
                new SectionJson(article.section().code(), article.section().name()),
                article.series() == null ? null : new SeriesJson(article.series().code(), article.series().name(),
                        article.series().kind().name().toLowerCase()),
                content.keywords(),
                content.accessLevel().name().toLowerCase(),
                JapaneseDates.iso(article.publishedAt()),
                article.updatedAt() == null ? null : JapaneseDates.iso(article.updatedAt()),
                article.updateNote(),
                article.correctionNote() == null ? null
                        : new CorrectionJson(JapaneseDates.iso(article.correctedAt()), article.correctionNote()),
                content.source().isPartner()
                        ? new SourceJson(content.source().name(),
                        content.source().originalUrl() == null ? null : content.source().originalUrl().toString())
                        : null,
                readable.blocks(article, access).stream().map(this::block).toList(),
                !access.full(),
                access.allowanceLeft() < 0 ? null : new AllowanceJson(access.allowanceLeft(),
                        access.mayUseAllowance() ? "/api/v1/articles/" + article.id().value() + "/unlock" : null),
                catalog.summaries(content.related()).stream().map(this::summary).toList());
    }

    private ArticleSummaryJson summary(ArticleSummary summary) {
        return new ArticleSummaryJson(summary.id().value(), site.url(Summaries.href(summary)), summary.headline(),
                summary.lead(), new SectionJson(summary.section().code(), summary.section().name()),
                summary.keywords(), summary.accessLevel().name().toLowerCase(),
                JapaneseDates.iso(summary.publishedAt()),
                summary.updatedAt() == null ? null : JapaneseDates.iso(summary.updatedAt()));
    }

    private BlockJson block(Block block) {
        return switch (block) {
            case Block.Paragraph p -> new BlockJson("paragraph", p.plainText(), null, null, null, null, links(p.text()));
            case Block.Heading h -> new BlockJson("heading", h.text(), null, null, null, null, null);
            case Block.Quote q -> new BlockJson("quote", q.plainText(), null, null, null, null, links(q.text()));
            case Block.OrderedList l -> new BlockJson("orderedList", null, l.items().stream().map(InlineText::plain).toList(),
                    null, null, null, links(String.join("\n", l.items())));
            case Block.UnorderedList l -> new BlockJson("unorderedList", null, l.items().stream().map(InlineText::plain).toList(),
                    null, null, null, links(String.join("\n", l.items())));
            case Block.Figure f -> new BlockJson("figure", null, null, site.url("/images/" + f.imageId()),
                    f.caption(), f.credit(), null);
        };
    }

    /** The block's links with absolute addresses; {@code null} when it has none. */
    private List<LinkJson> links(String text) {
        List<LinkJson> links = InlineText.links(text).stream()
                .map(link -> new LinkJson(link.text(), link.isExternal() ? link.href() : site.url(link.href()))).toList();
        return links.isEmpty() ? null : links;
    }

    private <T> ResponseEntity<T> cached(T body) {
        return ResponseEntity.ok()
                .cacheControl(PublicPageCaching.forThisReader(cache))
                .varyBy("Cookie")
                .body(body);
    }

    record ArticleList(List<ArticleSummaryJson> articles, int page, int size, long total) {
    }

    record ArticleSummaryJson(String id, String url, String headline, String lead, SectionJson section,
                              List<String> keywords, String accessLevel, String publishedAt, String updatedAt) {
    }

    record ArticleJson(String id, String url, String headline, String subheadline, String lead, List<String> bylines,
                       SectionJson section, SeriesJson series, List<String> keywords, String accessLevel,
                       String publishedAt, String updatedAt, String updateNote, CorrectionJson correction,
                       SourceJson source,
                       List<BlockJson> body, boolean previewOnly, AllowanceJson allowance,
                       List<ArticleSummaryJson> related) {
    }

    /**
     * A free member's monthly paid articles, with a paid article.
     *
     * @param left   paid articles left this month
     * @param unlock where to POST to spend one on this article; null when it is read in full already or none is left
     */
    record AllowanceJson(int left, String unlock) {
    }

    /** The latest correction readers are shown: when, and the notice. */
    record CorrectionJson(String at, String notice) {
    }

    record SectionJson(String code, String name) {
    }

    record SeriesJson(String code, String name, String kind) {
    }

    record SourceJson(String outlet, String originalUrl) {
    }

    /** One body block; {@code type} says which of the other fields are set. */
    /** {@code text} and {@code items} are plain (each link's label); the links follow in {@code links}. */
    record BlockJson(String type, String text, List<String> items, String imageUrl, String caption, String credit,
                     List<LinkJson> links) {
    }

    record LinkJson(String text, String url) {
    }

}
