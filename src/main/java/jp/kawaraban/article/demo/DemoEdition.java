package jp.kawaraban.article.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticleImage;
import jp.kawaraban.article.ArticleMarkup;
import jp.kawaraban.article.Section;
import jp.kawaraban.article.Series;
import jp.kawaraban.article.SourceOutlet;
import jp.kawaraban.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the demo edition from {@code classpath:demo/} on start, in demo mode only.
 * Articles already loaded are left alone, so restarts keep what is in the database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoEdition implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEdition.class);
    private static final String FIRST_VERSION_SUFFIX = ".v1.md";

    private final ArticleDesk desk;
    private final DemoMode demoMode;
    private final TransactionTemplate transaction;
    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    DemoEdition(ArticleDesk desk, DemoMode demoMode, PlatformTransactionManager transactions) {
        this.desk = desk;
        this.demoMode = demoMode;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!demoMode.enabled()) {
            return;
        }
        loadCatalog();
        Map<String, Resource> firstVersions = new HashMap<>();
        List<DemoArticle> articles = new ArrayList<>();
        for (Resource file : resources.getResources("classpath*:demo/articles/*.md")) {
            String name = file.getFilename();
            if (name.endsWith(FIRST_VERSION_SUFFIX)) {
                firstVersions.put(name.substring(0, name.length() - FIRST_VERSION_SUFFIX.length()), file);
            } else {
                articles.add(DemoArticle.read(name.substring(0, name.length() - 3), read(file)));
            }
        }
        articles.sort(Comparator.comparing(DemoArticle::publishedAt));
        int loaded = 0;
        for (DemoArticle article : articles) {
            String sourceKey = "demo:" + article.slug();
            if (desk.findBySourceKey(sourceKey).isPresent()) {
                continue;
            }
            // One transaction per article: an article is loaded with all its versions or not at all.
            transaction.executeWithoutResult(status -> load(article, sourceKey, firstVersions.get(article.slug())));
            loaded++;
        }
        if (loaded > 0) {
            log.info("Demo edition: loaded {} articles", loaded);
        }
    }

    private void load(DemoArticle article, String sourceKey, Resource firstVersion) {
        ArticleId id = idOf(article.slug());
        if (firstVersion == null) {
            desk.publish(id, sourceKey, content(article), article.publishedAt());
            return;
        }
        DemoArticle original = DemoArticle.read(article.slug(), read(firstVersion));
        desk.publish(id, sourceKey, content(original), original.publishedAt());
        desk.update(id, content(article), article.updatedAt().orElseThrow(
                () -> new IllegalStateException(article.slug() + " has a first version but no updatedAt")),
                article.updateNote());
    }

    /** Demo article ids follow from their file names, so links to them are the same everywhere. */
    static ArticleId idOf(String slug) {
        return ArticleId.derivedFrom("demo:" + slug);
    }

    @SuppressWarnings("unchecked")
    private void loadCatalog() throws IOException {
        Map<String, Object> catalog = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(read(resources.getResource("classpath:demo/catalog.yml")));
        int position = 0;
        for (Map<String, String> section : (List<Map<String, String>>) catalog.get("sections")) {
            desk.saveSection(new Section(section.get("code"), section.get("name")), position++);
        }
        for (Map<String, String> series : (List<Map<String, String>>) catalog.get("series")) {
            desk.saveSeries(new Series(series.get("code"), series.get("name"),
                    Series.Kind.valueOf(series.getOrDefault("kind", "series").toUpperCase()),
                    series.get("description")));
        }
    }

    private ArticleContent content(DemoArticle article) {
        return new ArticleContent(
                article.headline(), article.subheadline(), article.lead(),
                ArticleMarkup.parse(article.body(), this::storeFigure),
                article.bylines(), article.section(), article.series(), article.keywords(),
                article.access(), article.source(), article.top(),
                article.related().stream().map(DemoEdition::idOf).toList());
    }

    private String storeFigure(String fileName) {
        Resource file = resources.getResource("classpath:demo/figures/" + fileName);
        if (!file.exists()) {
            throw new IllegalStateException("Demo figure missing: " + fileName);
        }
        String id = "demo-" + fileName.replaceAll("[^A-Za-z0-9.-]", "-");
        try (InputStream in = file.getInputStream()) {
            desk.saveImage(new ArticleImage(id, contentType(fileName), in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    private static String contentType(String fileName) {
        if (fileName.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return fileName.endsWith(".png") ? "image/png" : "image/jpeg";
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** One demo file: front matter and markup body, as {@code docs/article-format.md} describes. */
    record DemoArticle(String slug, String headline, String subheadline, String lead, String section,
                       String series, List<String> keywords, List<String> bylines, AccessLevel access,
                       Instant publishedAt, Optional<Instant> updatedAt, String updateNote, SourceOutlet source,
                       boolean top, List<String> related, String body) {

        @SuppressWarnings("unchecked")
        static DemoArticle read(String slug, String text) {
            String[] parts = text.split("(?m)^---\\s*$", 3);
            if (parts.length < 3 || !parts[0].isBlank()) {
                throw new IllegalStateException("Demo article " + slug + " has no front matter");
            }
            Map<String, Object> front = new Yaml(new SafeConstructor(new LoaderOptions())).load(parts[1]);
            Map<String, String> source = (Map<String, String>) front.get("source");
            return new DemoArticle(slug,
                    string(front, "headline"), string(front, "subheadline"), string(front, "lead"),
                    string(front, "section"), string(front, "series"),
                    strings(front, "keywords"), strings(front, "bylines"),
                    AccessLevel.valueOf(string(front, "access").toUpperCase()),
                    instant(front.get("publishedAt")),
                    Optional.ofNullable(front.get("updatedAt")).map(DemoArticle::instant),
                    string(front, "updateNote"),
                    source == null ? SourceOutlet.OWN : new SourceOutlet(source.get("outlet"),
                            source.get("url") == null ? null : URI.create(source.get("url"))),
                    Boolean.TRUE.equals(front.get("top")),
                    strings(front, "related"),
                    parts[2]);
        }

        private static String string(Map<String, Object> front, String key) {
            Object value = front.get(key);
            return value == null ? null : value.toString();
        }

        @SuppressWarnings("unchecked")
        private static List<String> strings(Map<String, Object> front, String key) {
            Object value = front.get(key);
            if (value == null) {
                return List.of();
            }
            return value instanceof List<?> list ? ((List<Object>) list).stream().map(Object::toString).toList()
                    : List.of(value.toString());
        }

        private static Instant instant(Object value) {
            if (value instanceof java.util.Date date) {
                return date.toInstant();
            }
            return OffsetDateTime.parse(value.toString()).toInstant();
        }
    }
}
