package jp.kawaraban.site.web;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.site.SiteProperties;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.article.Section;
import jp.kawaraban.platform.web.JapaneseDates;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What feed readers, crawlers and browsers fetch by name: RSS feeds, the sitemap with news entries, robots.txt, the icon. */
@RestController
class CrawlerController {

    private static final int FEED_ITEMS = 30;
    private static final int SITEMAP_LIMIT = 50_000;
    /** Google News reads news-sitemap entries for articles of the last two days only. */
    private static final Duration NEWS_WINDOW = Duration.ofDays(2);
    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final ArticleCatalog catalog;
    private final Publication site;
    private final SiteProperties cache;
    private final Clock clock;

    CrawlerController(ArticleCatalog catalog, Publication site, SiteProperties cache, Clock clock) {
        this.cache = cache;
        this.catalog = catalog;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping("/feeds/latest.xml")
    ResponseEntity<String> latestFeed() throws XMLStreamException {
        return xml(RSS, rss(site.name(), site.url("/"), site.url("/feeds/latest.xml"),
                catalog.latest(new PageRequest(1, FEED_ITEMS)).items()));
    }

    @GetMapping("/feeds/sections/{code}.xml")
    ResponseEntity<String> sectionFeed(@PathVariable String code) throws XMLStreamException {
        Section section = catalog.section(code).orElse(null);
        if (section == null) {
            return ResponseEntity.notFound().build();
        }
        return xml(RSS, rss(site.name() + "｜" + section.name(), site.url("/sections/" + code),
                site.url("/feeds/sections/" + code + ".xml"),
                catalog.inSection(code, new PageRequest(1, FEED_ITEMS)).items()));
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() throws XMLStreamException {
        Instant newsSince = clock.instant().minus(NEWS_WINDOW);
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
        xml.writeNamespace("news", "http://www.google.com/schemas/sitemap-news/0.9");
        url(xml, site.url("/"), null);
        for (Section section : catalog.sections()) {
            url(xml, site.url("/sections/" + section.code()), null);
        }
        for (ArticleSummary article : catalog.allPublished(SITEMAP_LIMIT)) {
            xml.writeStartElement("url");
            element(xml, "loc", site.url(Summaries.href(article)));
            element(xml, "lastmod", JapaneseDates.iso(article.lastModified()));
            if (article.publishedAt().isAfter(newsSince)) {
                xml.writeStartElement("news", "news", "http://www.google.com/schemas/sitemap-news/0.9");
                xml.writeStartElement("news", "publication", "http://www.google.com/schemas/sitemap-news/0.9");
                newsElement(xml, "name", site.name());
                newsElement(xml, "language", "ja");
                xml.writeEndElement();
                newsElement(xml, "publication_date", JapaneseDates.iso(article.publishedAt()));
                newsElement(xml, "title", article.headline());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        return xml(XML, out.toString());
    }

    /** Browsers and crawlers that do not read the page's icon link still ask here. */
    @GetMapping("/favicon.ico")
    ResponseEntity<Void> favicon() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, "/favicon.svg").build();
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    String robots() {
        return """
                User-agent: *
                Disallow: /api/
                Disallow: /editor/
                Disallow: /my/
                Disallow: /articles/*/print

                Sitemap: %s
                """.formatted(site.url("/sitemap.xml"));
    }

    private String rss(String title, String link, String self, List<ArticleSummary> articles) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("atom", "http://www.w3.org/2005/Atom");
        xml.writeStartElement("channel");
        element(xml, "title", title);
        element(xml, "link", link);
        element(xml, "description", title);
        element(xml, "language", "ja");
        xml.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
        xml.writeAttribute("href", self);
        xml.writeAttribute("rel", "self");
        xml.writeAttribute("type", "application/rss+xml");
        for (ArticleSummary article : articles) {
            String url = site.url(Summaries.href(article));
            xml.writeStartElement("item");
            element(xml, "title", article.headline());
            element(xml, "link", url);
            xml.writeStartElement("guid");
            xml.writeAttribute("isPermaLink", "true");
            xml.writeCharacters(url);
            xml.writeEndElement();
            // Only the lead: it is free to read, whatever the article's access level.
            element(xml, "description", article.lead());
            element(xml, "category", article.section().name());
            element(xml, "pubDate", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(article.publishedAt().atZone(JapaneseDates.TOKYO)));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        return out.toString();
    }

    private static void url(XMLStreamWriter xml, String loc, String lastmod) throws XMLStreamException {
        xml.writeStartElement("url");
        element(xml, "loc", loc);
        if (lastmod != null) {
            element(xml, "lastmod", lastmod);
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void newsElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement("news", name, "http://www.google.com/schemas/sitemap-news/0.9");
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private ResponseEntity<String> xml(MediaType type, String body) {
        return ResponseEntity.ok().contentType(type)
                .cacheControl(cache.publicCache())
                .body(body);
    }
}
