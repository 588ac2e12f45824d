package jp.kawaraban.search.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Reader;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.PageOf;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
import jp.kawaraban.platform.web.PublicUrls;
import jp.kawaraban.search.Entities;
import jp.kawaraban.search.Search;
import jp.kawaraban.search.SearchQuery;
import jp.kawaraban.site.SiteProperties;
import jp.kawaraban.site.TopicControls;
import jp.kawaraban.text.Entity;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The search page and the entity pages. Whatever is typed is searched as plain words; a
 * date that cannot be read is dropped with a note rather than refused.
 */
@Controller
class SearchPages {

    private final Search search;
    private final Entities entities;
    private final Entitlements entitlements;
    private final TopicControls topicControls;
    private final Messages msg;
    private final PublicUrls urls;
    private final int pageSize;

    SearchPages(Search search, Entities entities, Entitlements entitlements, TopicControls topicControls, Messages msg,
                PublicUrls urls, SiteProperties site) {
        this.search = search;
        this.entities = entities;
        this.entitlements = entitlements;
        this.topicControls = topicControls;
        this.msg = msg;
        this.urls = urls;
        this.pageSize = site.pageSize(); // as many results a page as the site's listings have articles
    }

    @GetMapping("/search")
    ModelAndView search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String section,
                        @RequestParam(required = false) String series, @RequestParam(required = false) String entity,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String until,
                        @RequestParam(defaultValue = "relevance") String order, @RequestParam(defaultValue = "1") int page) {
        if (page < 1) {
            throw new PageNotFoundException("search page " + page);
        }
        var form = new SearchView.SearchForm(q, blankToNull(section), blankToNull(series), blankToNull(entity),
                blankToNull(from), blankToNull(until), "newest".equals(order) ? "newest" : "relevance");
        LocalDate fromDate = date(form.from());
        LocalDate untilDate = date(form.until());
        String notice = (form.from() != null && fromDate == null) || (form.until() != null && untilDate == null)
                ? msg.get("search.badDate") : null;
        Search.Results results = search.search(new Search.Request(q, form.section(), form.series(), form.entity(),
                fromDate, untilDate, "newest".equals(form.order()) ? SearchQuery.Order.NEWEST : SearchQuery.Order.RELEVANCE,
                page, pageSize), fullTextLevels());
        if (page > 1 && page > results.pageCount()) {
            throw new PageNotFoundException("search page " + page + " of " + results.pageCount());
        }
        String path = "/search?" + query(form);
        String suggestionUrl = results.suggestion() == null ? null
                : "/search?" + query(new SearchView.SearchForm(results.suggestion(), form.section(), form.series(),
                form.entity(), form.from(), form.until(), form.order()));
        String entityName = entities.find(form.entity()).map(Entity::canonicalName).orElse(null);
        var view = new SearchView(form, results, new PageOf<>(results.results(), results.page(), results.size(),
                results.total()), path, results.suggestion(), suggestionUrl, notice, entityName);
        String title = q.isBlank() ? msg.get("search.title") : msg.get("search.titleFor", q.strip());
        return new ModelAndView("search/search", Map.of(
                "meta", PageMeta.hidden(title),
                "search", view));
    }

    @GetMapping("/entities/{id}")
    ModelAndView entity(@PathVariable String id, @RequestParam(defaultValue = "1") int page) {
        Entity entity = entities.find(id).orElse(null);
        if (entity == null) {
            // Merged into another entity at the desk: old links and bookmarks go on to it, for good.
            String into = entities.mergedInto(id).orElseThrow(() -> new PageNotFoundException("entity " + id));
            RedirectView moved = new RedirectView("/entities/" + into);
            moved.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            return new ModelAndView(moved);
        }
        Search.Results results = search.search(new Search.Request("", null, null, id, null, null,
                SearchQuery.Order.NEWEST, page, pageSize), fullTextLevels());
        if (page > 1 && page > results.pageCount()) {
            throw new PageNotFoundException("entity page " + page);
        }
        var view = new EntityView(entity, msg.get("entity.kind." + entity.kind().name()),
                new PageOf<>(results.results(), results.page(), results.size(), results.total()),
                entities.timeline(id, 50), "/entities/" + id);
        var meta = PageMeta.website(entity.canonicalName(), entity.description(), urls.url("/entities/" + id));
        return new ModelAndView("search/entity", Map.of("meta", meta, "entity", view,
                "follow", topicControls.inHeading("entity", id, "/entities/" + id)));
    }

    /** The access levels whose whole text this reader may see in snippets. */
    Set<AccessLevel> fullTextLevels() {
        Reader reader = Reader.current();
        Set<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
        for (AccessLevel level : AccessLevel.values()) {
            if (entitlements.mayReadWithoutAllowance(reader, level)) {
                levels.add(level);
            }
        }
        return levels;
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    static String query(SearchView.SearchForm form) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", form.q());
        params.put("section", form.section());
        params.put("series", form.series());
        params.put("entity", form.entity());
        params.put("from", form.from());
        params.put("until", form.until());
        if ("newest".equals(form.order())) {
            params.put("order", "newest");
        }
        return params.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
