package jp.kawaraban.article.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.article.SourceOutlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads a benchmark corpus (the livedoor news corpus) after the demo edition, when
 * {@code kawaraban.demo-corpus.dir} and {@code kawaraban.demo-corpus.articles} are set.
 * The text of each file is stored unchanged; when more articles are asked for than there
 * are files, the files are used again, each round a second later so keys and ids differ.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CorpusEdition implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CorpusEdition.class);
    private static final String OUTLET = "livedoor ニュース（CC BY-ND 2.1 JP）";
    private static final List<String> BYLINES = List.of("livedoor ニュース");
    private static final int LEAD_LENGTH = 120;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]XX");
    private static final Map<String, String> SECTIONS = Map.of(
            "it-life-hack", "technology",
            "kaden-channel", "technology",
            "smax", "technology",
            "sports-watch", "sports",
            "topic-news", "society");

    private final ArticleDesk desk;
    private final CorpusProperties properties;

    CorpusEdition(ArticleDesk desk, CorpusProperties properties) {
        this.desk = desk;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path dir = properties.dir();
        int count = properties.articles();
        if (dir == null || count <= 0) {
            return;
        }
        List<Path> files = corpusFiles(dir);
        if (files.isEmpty()) {
            log.warn("Demo corpus: no article files under {}", dir);
            return;
        }
        if (desk.findBySourceKey(sourceKey(dir, files, count - 1)).isPresent()) {
            log.info("Demo corpus: {} articles already loaded", count);
            return;
        }
        long started = System.nanoTime();
        List<CorpusArticle> parsed = new ArrayList<>(files.size());
        for (Path file : files) {
            parsed.add(CorpusArticle.read(file, sectionOf(dir.relativize(file).getName(0).toString())));
        }
        int loaded = 0;
        for (int n = 0; n < count; n++) {
            int cycle = n / files.size();
            CorpusArticle article = parsed.get(n % files.size());
            String sourceKey = sourceKey(dir, files, n);
            if (desk.findBySourceKey(sourceKey).isEmpty()) {
                desk.publish(ArticleId.derivedFrom(sourceKey), sourceKey, article.content(),
                        article.publishedAt().plusSeconds(cycle));
                loaded++;
            }
            if ((n + 1) % 1000 == 0) {
                log.info("Demo corpus: {} of {} articles done", n + 1, count);
            }
        }
        log.info("Demo corpus: loaded {} articles from {} files in {} ms", loaded, files.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static String sourceKey(Path dir, List<Path> files, int n) {
        String relative = dir.relativize(files.get(n % files.size())).toString().replace('\\', '/');
        return "corpus:" + relative + "#" + (n / files.size());
    }

    /** {@code <dir>/<category>/<category>-<id>.txt}, in a stable order; LICENSE and README files are not articles. */
    private static List<Path> corpusFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> categories = Files.list(dir)) {
            for (Path category : categories.filter(Files::isDirectory).sorted().toList()) {
                String prefix = category.getFileName() + "-";
                try (Stream<Path> inCategory = Files.list(category)) {
                    inCategory.filter(Files::isRegularFile)
                            .filter(f -> {
                                String name = f.getFileName().toString();
                                return name.startsWith(prefix) && name.endsWith(".txt");
                            })
                            .sorted()
                            .forEach(files::add);
                }
            }
        }
        return files;
    }

    private static String sectionOf(String category) {
        return SECTIONS.getOrDefault(category, "society");
    }

    /** One corpus file: URL, date, title, then the body's lines. */
    record CorpusArticle(Instant publishedAt, ArticleContent content) {

        static CorpusArticle read(Path file, String section) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            if (lines.size() < 4) {
                throw new IllegalStateException("Corpus file too short: " + file);
            }
            URI url = URI.create(lines.get(0).strip());
            Instant publishedAt = OffsetDateTime.parse(lines.get(1).strip(), DATE).toInstant();
            String title = lines.get(2);
            List<Block> paragraphs = lines.subList(3, lines.size()).stream()
                    .filter(line -> !line.isBlank())
                    .<Block>map(Block.Paragraph::new)
                    .toList();
            if (paragraphs.isEmpty()) {
                throw new IllegalStateException("Corpus file has no body: " + file);
            }
            String lead = paragraphs.getFirst().plainText().strip();
            if (lead.codePointCount(0, lead.length()) > LEAD_LENGTH) {
                lead = lead.substring(0, lead.offsetByCodePoints(0, LEAD_LENGTH));
            }
            return new CorpusArticle(publishedAt, new ArticleContent(
                    title, null, lead, new Body(paragraphs), BYLINES, section, null, List.of(),
                    AccessLevel.FREE, new SourceOutlet(OUTLET, url), false, List.of()));
        }
    }
}
