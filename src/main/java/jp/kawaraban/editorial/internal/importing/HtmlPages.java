package jp.kawaraban.editorial.internal.importing;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kawaraban.editorial.ImportException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an HTML page. The page's own description of itself comes first: JSON-LD
 * ({@code NewsArticle}), meta tags (Open Graph, {@code article:*}), the canonical link, the
 * {@code article} or {@code main} element. Where a page has no such structure, the body is
 * the part of the page where paragraphs of text are densest. jsoup parses the way browsers
 * do, so unclosed tags are no obstacle.
 */
final class HtmlPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "blogposting", "backgroundnewsarticle", "reviewnewsarticle");
    private static final Set<String> INLINE = Set.of("a", "span", "strong", "em", "b", "i", "u", "small", "sup", "sub",
            "ruby", "rb", "mark", "time", "font", "abbr", "cite", "q", "code", "s", "del", "ins", "wbr", "label", "data", "bdi");
    private static final Pattern COPYRIGHT = Pattern.compile(
            "(?:Copyright|©|\\(C\\)|（C）)\\s*(?:©\\s*)?(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*)?([^.。|｜]+?)\\s*(?:All [Rr]ights [Rr]eserved\\.?|無断転載.*|$)");

    private HtmlPages() {
    }

    /**
     * Deeper than pages are written, and as deep as jsoup builds its tree (it lays deeper
     * elements out flat, out of their places, and takes time growing with the square of the
     * depth to do so): such a page is refused before it is parsed, saying why.
     */
    static final int READ_DEPTH = 512;

    static Extract read(String html) {
        if (NestingDepth.of(html) > READ_DEPTH) {
            throw new ImportException(ImportException.Problem.TOO_DEEPLY_NESTED);
        }
        // Positions tracked, so that an element left open by a broken page can be told apart.
        Document doc = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        Extract page = new Extract();
        structuredData(doc, page);
        metaTags(doc, page);
        if (page.outlet == null) {
            page.outlet = copyrightHolder(doc.text());
        }
        breadcrumbs(doc, page);
        addressHints(page);

        Element root = articleRoot(doc, page);
        Element body = Optional.ofNullable(root.selectFirst("[itemprop=articleBody], .article-body, .articleBody, .article_body,"
                + " .entry-content, .post-content, .story-body, #article-body")).orElse(root);
        // When the body was found without the page saying where its article is, the headline,
        // dates and byline sit beside it rather than inside: look one level up for them.
        Element context = root.parent() != null && !root.nameIs("body") && (page.foundByDensity || root.selectFirst("h1") == null)
                ? root.parent() : root;
        headline(doc, context, page);
        subheadlineAndLead(context, body, page);
        visibleBylines(context, page);
        visibleDates(doc, context, page);
        page.paywalled |= !context.select("[class*=paywall], [id*=paywall], [class*=premium-only], [class*=member-only]").isEmpty();

        Element clean = body;
        for (Element h1 : clean.select("h1")) {
            // An unclosed headline holds the rest of the page: keep what follows its own words.
            List<Element> swallowed = new ArrayList<>(h1.children().stream().filter(e -> !INLINE.contains(e.normalName())).toList());
            java.util.Collections.reverse(swallowed);
            swallowed.forEach(h1::after);
            h1.remove();
        }
        clean.select(Clutter.NEVER_TEXT + ", rt, rp, [hidden]").remove();
        List<Element> clutter = new ArrayList<>();
        for (Element element : clean.getAllElements()) {
            if (element != clean && Clutter.named(element)) {
                clutter.add(element);
            }
        }
        for (Element element : clutter) {
            if (unclosed(element)) {
                // A share bar left open swallows the paragraphs after it; they are the article's.
                List<Element> sentences = new ArrayList<>(element.select("p").stream()
                        .filter(p -> p.text().length() >= 30 && p.text().contains("。")).toList());
                java.util.Collections.reverse(sentences);
                sentences.forEach(element::after);
            }
            element.remove();
        }
        clean.select(".byline, .author, [rel=author], [itemprop=author], .subtitle, .sub-title, .subheadline, .lead,"
                + " .summary, .standfirst, .deck, [class$=__lead], [class$=__subtitle], time").remove();
        new Walker(page).block(clean);
        return page;
    }

    // ---- what the page says about itself -------------------------------------------------

    private static void structuredData(Document doc, Extract page) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode data;
            try {
                data = JSON.readTree(script.data());
            } catch (RuntimeException unreadable) {
                continue; // A broken JSON-LD block is as good as none.
            }
            List<JsonNode> nodes = new ArrayList<>();
            flatten(data, nodes);
            for (JsonNode node : nodes) {
                String type = text(node.get("@type"));
                if (type != null && type.equalsIgnoreCase("BreadcrumbList")) {
                    for (JsonNode item : node.path("itemListElement")) {
                        String name = text(item.has("name") ? item.get("name") : item.path("item").get("name"));
                        if (name != null) {
                            page.sectionHints.add(name);
                        }
                    }
                }
                if (type == null || !ARTICLE_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                page.headline = firstNonNull(page.headline, text(node.get("headline")));
                page.subheadline = firstNonNull(page.subheadline, text(node.get("alternativeHeadline")));
                page.description = firstNonNull(page.description, text(node.get("description")));
                if (page.publishedAt == null) {
                    page.publishedAt = PageDates.parse(text(node.get("datePublished"))).orElse(null);
                }
                if (page.updatedAt == null) {
                    page.updatedAt = PageDates.parse(text(node.get("dateModified"))).orElse(null);
                }
                String publisher = text(node.path("publisher").get("name"));
                page.outlet = firstNonNull(page.outlet, publisher);
                for (JsonNode author : node.path("author").isArray() ? node.path("author") : List.of(node.path("author"))) {
                    String name = author.isString() ? author.asString() : text(author.get("name"));
                    boolean organisation = "Organization".equalsIgnoreCase(text(author.get("@type")));
                    if (name != null && !(organisation && name.equals(publisher))) {
                        page.bylines.add(name);
                    }
                }
                JsonNode section = node.get("articleSection");
                if (section != null) {
                    for (JsonNode one : section.isArray() ? section : List.of(section)) {
                        if (text(one) != null) {
                            page.sectionHints.add(text(one));
                        }
                    }
                }
                String url = text(node.get("url"));
                if (url == null) {
                    JsonNode main = node.get("mainEntityOfPage");
                    url = main == null ? null : main.isString() ? main.asString() : text(main.get("@id"));
                }
                page.url = firstNonNull(page.url, url);
                JsonNode free = node.get("isAccessibleForFree");
                if (free != null && (free.isBoolean() ? !free.asBoolean() : "false".equalsIgnoreCase(free.asString()))) {
                    page.paywalled = true;
                }
            }
        }
    }

    private static void flatten(JsonNode node, List<JsonNode> into) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> flatten(n, into));
        } else if (node.isObject()) {
            into.add(node);
            flatten(node.get("@graph"), into);
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        String value = node.isString() ? node.asString() : node.isNumber() ? node.asString() : null;
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void metaTags(Document doc, Extract page) {
        page.url = firstNonNull(attr(doc, "link[rel=canonical]", "abs:href"), attr(doc, "link[rel=canonical]", "href"),
                meta(doc, "og:url"), page.url);
        page.outlet = firstNonNull(meta(doc, "og:site_name"), page.outlet, meta(doc, "publisher"),
                meta(doc, "application-name"), meta(doc, "twitter:site") == null ? null : null);
        page.description = firstNonNull(page.description, meta(doc, "description"), meta(doc, "og:description"));
        if (page.publishedAt == null) {
            page.publishedAt = firstDate(meta(doc, "article:published_time"), meta(doc, "pubdate"),
                    meta(doc, "publishdate"), meta(doc, "date"), meta(doc, "datePublished"), meta(doc, "dc.date"),
                    attr(doc, "[itemprop=datePublished]", "content"), attr(doc, "[itemprop=datePublished]", "datetime"));
        }
        if (page.updatedAt == null) {
            page.updatedAt = firstDate(meta(doc, "article:modified_time"), meta(doc, "og:updated_time"),
                    meta(doc, "lastmod"), meta(doc, "dateModified"), attr(doc, "[itemprop=dateModified]", "content"),
                    attr(doc, "[itemprop=dateModified]", "datetime"));
        }
        String section = meta(doc, "article:section");
        if (section != null) {
            page.sectionHints.add(0, section);
        }
        String author = meta(doc, "author");
        if (author != null && !author.equals(page.outlet)) {
            page.fallbackByline = author;
        }
        if (meta(doc, "article:content_tier") != null && !"free".equalsIgnoreCase(meta(doc, "article:content_tier"))) {
            page.paywalled = true;
        }
    }

    private static java.time.OffsetDateTime firstDate(String... values) {
        for (String value : values) {
            Optional<java.time.OffsetDateTime> date = PageDates.parse(value);
            if (date.isPresent()) {
                return date.get();
            }
        }
        return null;
    }

    private static String meta(Document doc, String name) {
        for (String attribute : new String[] {"property", "name", "itemprop"}) {
            Element meta = doc.selectFirst("meta[" + attribute + "=" + name + "]");
            if (meta != null && !meta.attr("content").isBlank()) {
                return meta.attr("content").strip();
            }
        }
        return null;
    }

    private static String attr(Document doc, String selector, String attribute) {
        Element element = doc.selectFirst(selector);
        return element == null || element.attr(attribute).isBlank() ? null : element.attr(attribute).strip();
    }

    /** The name in a footer's copyright line: 「© 2026 東都新聞社」, 「Copyright © Kita Nippo. All rights reserved.」 */
    static String copyrightHolder(String text) {
        Matcher m = COPYRIGHT.matcher(text);
        while (m.find()) {
            // 「© ひがし新報社　記事の無断転載を禁じます」: the name ends at a full-width space or where the notice begins.
            String holder = m.group(1).replaceFirst("^(?:©|\\(C\\))\\s*", "").replaceFirst("^\\d{4}\\s*", "")
                    .split("\u3000|記事|本サイト|当サイト|掲載")[0].strip().replaceAll("[\\s,，、]+$", "");
            if (!holder.isEmpty() && holder.length() <= 40) {
                return holder;
            }
        }
        return null;
    }

    private static void breadcrumbs(Document doc, Extract page) {
        for (Element crumbs : doc.select("[class*=breadcrumb], [id*=breadcrumb], [class*=topicpath], [class*=pankuzu],"
                + " nav[aria-label*=パンくず], [itemtype*=BreadcrumbList]")) {
            // The last crumb is often the article itself; the section sits before it.
            List<String> names = crumbs.select("li, a").eachText().stream().map(String::strip)
                    .filter(s -> !s.isEmpty() && s.length() <= 20).distinct().toList();
            for (int i = names.size() - 1; i >= 0; i--) {
                page.sectionHints.add(names.get(i));
            }
            if (names.isEmpty()) {
                for (String part : crumbs.text().split("[>＞»›/／]")) {
                    page.sectionHints.add(part.strip());
                }
            }
        }
    }

    /** {@code https://example.jp/politics/2026/...}: path segments name sections too, after every other hint. */
    private static void addressHints(Extract page) {
        if (page.url == null) {
            return;
        }
        try {
            String path = URI.create(page.url.strip()).getPath();
            if (path != null) {
                for (String segment : path.split("/")) {
                    if (!segment.isBlank() && !segment.matches("\\d+|.*\\.html?")) {
                        page.sectionHints.add(segment);
                    }
                }
            }
        } catch (IllegalArgumentException notAnAddress) {
            page.url = null;
        }
    }

    // ---- where the article is -------------------------------------------------------------

    /**
     * The element holding the article: the {@code article} with the most paragraph text (pages
     * list related stories as small articles too), else {@code main}, else where text is densest.
     */
    private static Element articleRoot(Document doc, Extract page) {
        Optional<Element> article = doc.select("article, [itemtype*=NewsArticle], [itemtype*=schema.org/Article]").stream()
                .filter(e -> !insideClutter(e))
                .max(Comparator.comparingInt(HtmlPages::paragraphText))
                .filter(e -> paragraphText(e) >= 60);
        if (article.isPresent()) {
            return article.get();
        }
        Optional<Element> main = doc.select("main, [role=main]")
                .stream().filter(e -> !insideClutter(e) && paragraphText(e) >= 60).findFirst();
        if (main.isPresent()) {
            return main.get();
        }
        Optional<Element> named = namedArticle(doc);
        if (named.isPresent()) {
            return named.get();
        }
        page.foundByDensity = true;
        return densest(doc);
    }

    private static final Set<String> ARTICLE_WORDS = Set.of("article", "entry", "post", "story", "kiji", "honbun", "news");

    /**
     * An element whose class or id calls it the article ({@code article-main}, {@code c-article},
     * {@code entry}): of those holding most of the page's paragraphs, the innermost.
     */
    private static Optional<Element> namedArticle(Document doc) {
        List<Element> candidates = new ArrayList<>();
        for (Element element : doc.getAllElements()) {
            String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
            if (!names.isBlank() && java.util.Arrays.stream(names.split("[\\s_\\-]+")).anyMatch(ARTICLE_WORDS::contains)
                    && !insideClutter(element)) {
                candidates.add(element);
            }
        }
        int most = candidates.stream().mapToInt(HtmlPages::paragraphText).max().orElse(0);
        if (most < 60) {
            return Optional.empty();
        }
        return candidates.stream().filter(e -> paragraphText(e) >= most * 0.8)
                .max(Comparator.comparingInt(e -> e.parents().size()));
    }

    /** Whether the page never closed this element (the parser closed it at the end of the page). */
    private static boolean unclosed(Element element) {
        return element.endSourceRange().isTracked() && element.endSourceRange().isImplicit();
    }

    private static boolean insideClutter(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (Clutter.named(e) && !unclosed(e) || e.nameIs("aside") || e.nameIs("nav") || e.nameIs("footer") && e != element) {
                return true;
            }
        }
        return false;
    }

    /** The characters of text under an element, leaving out parts named as clutter. */
    private static int paragraphText(Element element) {
        int length = 0;
        for (Element e : element.getAllElements()) {
            if (!e.nameIs("script") && !e.nameIs("style") && !insideClutterBelow(e, element)) {
                length += e.ownText().strip().length();
            }
        }
        return length;
    }

    private static boolean insideClutterBelow(Element element, Element root) {
        for (Element e = element; e != null && e != root; e = e.parent()) {
            if (Clutter.named(e) || e.nameIs("aside") || e.nameIs("nav")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each run of text (a paragraph, or a block's own text between line breaks) scores for its
     * parent in full and its grandparent in half; sentences (with 。) count double. The
     * highest-scoring element outside navigation and footers is the article.
     */
    private static Element densest(Document doc) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element element : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
            String own = element.ownText().strip();
            if (element.nameIs("p")) {
                own = element.text().strip();
            }
            if (own.length() < 20 || insideClutter(element)) {
                continue;
            }
            double score = own.length() * (own.contains("。") ? 2 : 1);
            Element parent = element.nameIs("p") ? element.parent() : element;
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                if (parent.parent() != null) {
                    scores.merge(parent.parent(), score / 2, Double::sum);
                }
            }
        }
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(doc.body() == null ? doc : doc.body());
    }

    // ---- headline, subheadline, byline, dates ----------------------------------------------

    private static void headline(Document doc, Element root, Extract page) {
        Element h1 = root.selectFirst("h1");
        if (h1 == null) {
            h1 = doc.select("h1").stream().filter(e -> !insideClutter(e)).findFirst().orElse(null);
        }
        if (h1 != null && h1.children().stream().anyMatch(e -> !INLINE.contains(e.normalName())) && !h1.ownText().isBlank()) {
            page.headline = h1.ownText().strip(); // left open: its own words are the headline
            return;
        }
        if (h1 != null && !h1.text().isBlank() && h1.text().length() <= 150) {
            page.headline = h1.text().strip();
            return;
        }
        if (page.headline == null) {
            String title = firstNonNull(meta(doc, "og:title"), doc.title());
            page.headline = title == null ? null : withoutSiteName(title, page.outlet);
        }
    }

    /** 「国会が予算案を可決 | 東都新聞デジタル」 without the site's name. */
    static String withoutSiteName(String title, String outlet) {
        String headline = title.strip();
        if (outlet != null) {
            headline = headline.replace(outlet, "").strip();
        }
        String[] parts = headline.split("\\s+[|｜\\-–—:：/／]\\s+|｜");
        headline = parts.length > 1 ? java.util.Arrays.stream(parts).max(Comparator.comparingInt(String::length)).orElse(headline)
                : headline;
        return headline.replaceAll("^[|｜\\-–—:：/／\\s]+|[|｜\\-–—:：/／\\s]+$", "").strip();
    }

    private static void subheadlineAndLead(Element root, Element body, Extract page) {
        Element sub = root.selectFirst(".subtitle, .sub-title, .subheadline, .sub-headline, .subhead, .deck, [class$=__subtitle],"
                + " h1 + h2, header h2, hgroup h2, hgroup p");
        if (sub != null && !sub.text().isBlank() && sub.text().length() <= 120 && !Clutter.interfaceText(sub.text())
                && PageDates.find(sub.text()).isEmpty()) {
            page.subheadline = firstNonNull(page.subheadline, sub.text().strip());
            sub.addClass("subtitle"); // so the body walk leaves it out
        }
        Element lead = root.selectFirst(".lead, .summary, .standfirst, .article-lead, [class$=__lead], .abstract,"
                + " [itemprop=description]");
        if (lead != null && lead.text().length() >= 20 && !Clutter.interfaceText(lead.text())) {
            page.lead = lead.text().strip();
        }
    }

    private static void visibleBylines(Element root, Extract page) {
        List<String> found = new ArrayList<>();
        for (Element byline : root.select("[class*=byline], [class*=author], .writer, .reporter, [rel=author],"
                + " [itemprop=author], .credit")) {
            String text = byline.text().strip();
            if (text.isEmpty() || text.length() > 60) {
                continue;
            }
            Optional<List<String>> names = Bylines.line(text);
            if (names.isPresent()) {
                found.addAll(names.get());
            } else if (byline.select("[itemprop=name]").size() > 0) {
                found.add(byline.selectFirst("[itemprop=name]").text());
            } else if (PageDates.find(text).isEmpty()) {
                found.add(text);
            }
        }
        if (!found.isEmpty()) {
            // What readers see is what the outlet credits; metadata often holds only the desk's name.
            page.bylines.clear();
            page.bylines.addAll(found);
        }
    }

    private static void visibleDates(Document doc, Element root, Extract page) {
        for (Element time : root.select("time[datetime]")) {
            Optional<java.time.OffsetDateTime> at = PageDates.parse(time.attr("datetime"));
            if (at.isEmpty()) {
                continue;
            }
            String around = time.parent() == null ? time.text() : time.parent().text();
            boolean update = time.attr("itemprop").equals("dateModified") || time.className().contains("update")
                    || time.className().contains("modified")
                    || (!time.attr("itemprop").equals("datePublished") && around.matches("(?s).*(?:更新|修正).*")
                    && !around.matches("(?s).*(?:公開|配信|掲載).*"));
            if (update) {
                page.updatedAt = page.updatedAt == null ? at.get() : page.updatedAt;
            } else {
                page.publishedAt = page.publishedAt == null ? at.get() : page.publishedAt;
            }
        }
        if (page.publishedAt == null || page.updatedAt == null) {
            // Short elements that carry a date: 「2026年3月4日 10時05分 公開」「更新：2026/03/04 18:30」.
            for (Element element : root.getAllElements()) {
                String text = element.ownText().isBlank() && element.children().size() <= 3 ? element.text() : element.ownText();
                if (text.length() < 6 || text.length() > 80 || insideClutterBelow(element, root)) {
                    continue;
                }
                List<PageDates.Found> found = PageDates.find(text);
                if (!found.isEmpty()) {
                    page.takeDates(found);
                }
                if (page.publishedAt != null && page.updatedAt != null) {
                    break;
                }
            }
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value instanceof String s ? !s.isBlank() : value != null) {
                return value;
            }
        }
        return null;
    }

    // ---- the body ------------------------------------------------------------------------

    /** Walks the cleaned body in reading order, turning markup into pieces. */
    private static final class Walker {

        private final Extract page;
        private final StringBuilder inline = new StringBuilder();

        Walker(Extract page) {
            this.page = page;
        }

        void block(Element element) {
            for (Node child : element.childNodes()) {
                if (child instanceof TextNode text) {
                    inline.append(text.getWholeText().replaceAll("[\\r\\n\\t]+", " "));
                } else if (child instanceof Element e) {
                    element(e);
                }
            }
            flush();
        }

        private void element(Element e) {
            String tag = e.normalName();
            switch (tag) {
                case "p" -> {
                    flush();
                    inlineText(e);
                    flush();
                }
                case "h2", "h3", "h4", "h5", "h6" -> {
                    flush();
                    String text = e.text().strip();
                    if (!text.isEmpty()) {
                        page.pieces.add(Extract.Piece.heading(text));
                    }
                }
                case "ul", "ol" -> {
                    flush();
                    list(e);
                }
                case "dl" -> {
                    flush();
                    List<String> items = new ArrayList<>();
                    for (Element dt : e.select("dt")) {
                        Element dd = dt.nextElementSibling();
                        items.add(dd != null && dd.nameIs("dd") ? dt.text() + "：" + dd.text() : dt.text());
                    }
                    addList(items);
                }
                case "table" -> {
                    flush();
                    List<String> rows = new ArrayList<>();
                    for (Element row : e.select("tr")) {
                        rows.add(String.join("：", row.select("th, td").eachText()));
                    }
                    addList(rows);
                }
                case "br" -> inline.append('\n');
                case "img", "picture", "video", "audio" -> {
                    flush();
                    page.imagesLeftOut++;
                }
                case "figure" -> {
                    flush();
                    if (!e.select("img, picture, video").isEmpty()) {
                        page.imagesLeftOut++;
                    } else {
                        block(e);
                    }
                }
                case "hr" -> flush();
                default -> {
                    if (INLINE.contains(tag)) {
                        inlineText(e);
                    } else {
                        flush();
                        block(e);
                    }
                }
            }
        }

        /** An element's text with its line breaks; images inside count as left out. */
        private void inlineText(Element element) {
            for (Node child : element.childNodes()) {
                if (child instanceof TextNode text) {
                    inline.append(text.getWholeText().replaceAll("[\\r\\n\\t]+", " "));
                } else if (child instanceof Element e) {
                    if (e.nameIs("br")) {
                        inline.append('\n');
                    } else if (e.nameIs("img") || e.nameIs("picture")) {
                        page.imagesLeftOut++;
                    } else if (INLINE.contains(e.normalName())) {
                        inlineText(e);
                    } else {
                        element(e);
                    }
                }
            }
        }

        private void list(Element list) {
            List<String> items = new ArrayList<>();
            boolean allLinks = true;
            for (Element item : list.children()) {
                if (!item.nameIs("li")) {
                    continue;
                }
                String text = item.text().strip();
                if (text.isEmpty()) {
                    continue;
                }
                items.add(text);
                allLinks &= item.select("a").eachText().stream().mapToInt(String::length).sum() >= text.length() * 0.8;
            }
            // A list of nothing but links is a list of other pages (related stories, tags), not story.
            if (!items.isEmpty() && !allLinks) {
                page.pieces.add(Extract.Piece.list(items));
            }
        }

        private void addList(List<String> items) {
            List<String> kept = items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (!kept.isEmpty()) {
                page.pieces.add(Extract.Piece.list(kept));
            }
        }

        private void flush() {
            if (inline.isEmpty()) {
                return;
            }
            String text = inline.toString();
            inline.setLength(0);
            for (String paragraph : Paragraphs.split(text)) {
                page.pieces.add(Extract.Piece.paragraph(paragraph));
            }
        }
    }
}
