package jp.kawaraban.site.web;

import java.util.Map;

import jp.kawaraban.access.Gifts;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Reader;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleNotFoundException;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.article.MostRead;
import jp.kawaraban.article.PageOf;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.article.Section;
import jp.kawaraban.article.Series;
import jp.kawaraban.platform.web.LocalPaths;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
import jp.kawaraban.site.SharedArticleData;
import jp.kawaraban.site.TopicControls;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The reader's pages: home, listings, the article and its print view. */
@Controller
class ReadingController {

    private static final int TOP_STORIES = 5;
    private static final int LATEST_ON_HOME = 10;
    private static final int PER_SECTION_ON_HOME = 4;

    private final ArticleCatalog catalog;
    private final SitePages pages;
    private final TopicControls topicControls;
    /** The article, its page data and lists, kept for every reader; what each may read is still decided per request. */
    private final SharedArticleData shared;
    /** Read again from PostgreSQL once a minute by the scheduler, whatever the reads: counting re-renders no page. */
    private final MostRead mostRead;

    private final Entitlements entitlements;

    ReadingController(ArticleCatalog catalog, SitePages pages, TopicControls topicControls, SharedArticleData shared,
                      MostRead mostRead, Entitlements entitlements) {
        this.mostRead = mostRead;
        this.entitlements = entitlements;
        this.shared = shared;
        this.catalog = catalog;
        this.pages = pages;
        this.topicControls = topicControls;
    }

    @GetMapping("/")
    ModelAndView home() {
        var sections = pages.sections().stream()
                .map(section -> new SectionBlock(section, catalog.inSection(section.code(), new PageRequest(1, PER_SECTION_ON_HOME)).items()))
                .filter(block -> !block.articles().isEmpty())
                .toList();
        var meta = PageMeta.website(null, pages.msg().get("site.description"), pages.publication().url("/"));
        return new ModelAndView("site/home", Map.of(
                "meta", meta, "currentSection", "home",
                "top", catalog.topStories(TOP_STORIES),
                "latest", catalog.latest(new PageRequest(1, LATEST_ON_HOME)).items(),
                "sections", sections,
                "ranking", mostRead.ranking()));
    }

    @GetMapping("/sections/{code}")
    ModelAndView section(@PathVariable String code, @RequestParam(defaultValue = "1") int page) {
        Section section = catalog.section(code).orElseThrow(() -> new PageNotFoundException("section " + code));
        PageOf<ArticleSummary> articles = catalog.inSection(code, pageRequest(page));
        return listing(new Listing(pages.msg().get("listing.section"), section.name(), null, articles,
                "/sections/" + code), code, null);
    }

    @GetMapping("/series/{code}")
    ModelAndView series(@PathVariable String code, @RequestParam(defaultValue = "1") int page) {
        Series series = catalog.series(code).orElseThrow(() -> new PageNotFoundException("series " + code));
        String kind = pages.msg().get(series.kind() == Series.Kind.COLUMN ? "listing.column" : "listing.series");
        return listing(new Listing(kind, series.name(), series.description(), catalog.inSeries(code, pageRequest(page)),
                "/series/" + code), null, topicControls.inHeading("series", code, "/series/" + code));
    }

    @GetMapping("/keywords/{name}")
    ModelAndView keyword(@PathVariable String name, @RequestParam(defaultValue = "1") int page) {
        PageOf<ArticleSummary> articles = catalog.withKeyword(name, pageRequest(page));
        if (articles.total() == 0) {
            throw new PageNotFoundException("keyword " + name);
        }
        String path = "/keywords/" + jp.kawaraban.platform.web.PublicUrls.encodePath(name);
        return listing(new Listing(pages.msg().get("listing.keyword"), name, null, articles, path), null,
                topicControls.inHeading("keyword", name, path));
    }

    @GetMapping("/articles/{id}")
    ModelAndView article(@PathVariable String id, @RequestParam(name = Gifts.PARAMETER, required = false) String gift) {
        Article article;
        try {
            article = shared.get(id, "article", () -> catalog.get(id));
        } catch (ArticleNotFoundException gone) {
            if (gift == null) {
                throw gone;
            }
            return giftOfAWithdrawnArticle();
        }
        return new ModelAndView("site/article", Map.of(
                "meta", shared.from(article, "meta", pages::articleMeta), "currentSection", article.section().code(),
                "view", pages.articleView(article), "ranking", mostRead.ranking()));
    }

    /**
     * A free member spends one of the month's paid articles on this one, from the paywall's
     * button; then the article, in full. Opening the page alone spends nothing (decision 0035).
     * A reader not logged in (a form left open past a log-out) is asked to log in first.
     */
    @PostMapping("/articles/{id}/allowance")
    ModelAndView useAllowance(@PathVariable String id) {
        Article article = shared.get(id, "article", () -> catalog.get(id));
        String path = "/articles/" + article.id().value();
        Reader reader = Reader.current();
        if (reader.isAnonymous()) {
            return new ModelAndView("redirect:/login" + LocalPaths.nextParameter(path).replaceFirst("^&", "?"));
        }
        entitlements.useAllowance(reader, article.id(), article.accessLevel());
        return new ModelAndView("redirect:" + path);
    }

    @GetMapping("/articles/{id}/print")
    ModelAndView print(@PathVariable String id) {
        Article article = shared.get(id, "article", () -> catalog.get(id));
        PageMeta meta = new PageMeta(article.headline(), article.content().lead(), pages.canonicalUrl(article),
                "article", null, true);
        return new ModelAndView("site/print", Map.of(
                "meta", meta,
                "view", pages.articleView(article, false)));
    }

    /**
     * An old gift link whose article was withdrawn (or never was): the reader learns that the
     * gift cannot be read any more, rather than meeting a bare "not found".
     */
    private ModelAndView giftOfAWithdrawnArticle() {
        String message = pages.msg().get("access.gift.reader.withdrawn");
        ModelAndView page = new ModelAndView("site/refused", Map.of("meta", PageMeta.hidden(message), "message", message,
                "refusal", "GIFT_ARTICLE_GONE", "login", "/login", "title", pages.msg().get("access.gift.reader.goneTitle")));
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    /** @param follow the controls other modules put in the heading (follow), or null */
    private ModelAndView listing(Listing listing, String currentSection, gg.jte.Content follow) {
        if (listing.page().number() > listing.page().pageCount()) {
            throw new PageNotFoundException("page " + listing.page().number() + " of " + listing.path());
        }
        String path = listing.path() + (listing.page().number() > 1 ? "?page=" + listing.page().number() : "");
        var meta = PageMeta.website(listing.heading(), listing.description() == null ? listing.heading() : listing.description(),
                pages.publication().url(path));
        var model = new java.util.HashMap<String, Object>(Map.of("meta", meta, "listing", listing));
        model.put("currentSection", currentSection);
        model.put("follow", follow);
        return new ModelAndView("site/listing", model);
    }

    private PageRequest pageRequest(int page) {
        return new PageRequest(page, pages.site().pageSize());
    }
}
