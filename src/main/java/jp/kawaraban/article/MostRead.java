package jp.kawaraban.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jp.kawaraban.article.internal.ReadCountRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The most-read ranking (アクセスランキング, decision 0040): reads of each article over the last
 * 24 hours, overall and per section. A read is counted in memory ({@link #read(ArticleId)}, a
 * map increment: the reading page pays nothing more) and added to PostgreSQL in one batch every
 * {@code flush-interval} and on shutdown, so every node's reads add up there. The ranking shown
 * is read from PostgreSQL every {@code refresh} (a minute) by the scheduler, whatever the reads:
 * pages that show it are not made again for each read, and making one asks no query for it.
 * <p>
 * Which requests are reads (not bots, not the same client again within 30 minutes) is the
 * site's to decide; nothing about the readers reaches this class.
 */
@Service
public class MostRead {

    private static final Logger log = LoggerFactory.getLogger(MostRead.class);
    /** Enough candidates that each section's ranking can be filled from them. */
    private static final int CANDIDATES = 400;

    /**
     * @param overall   the most-read articles, most first
     * @param bySection per section code, its most-read articles, in the navigation's order of first appearance
     */
    public record Ranking(List<ArticleSummary> overall, Map<String, List<ArticleSummary>> bySection, Instant asOf) {

        public static final Ranking EMPTY = new Ranking(List.of(), Map.of(), Instant.EPOCH);

        public List<ArticleSummary> inSection(String code) {
            return bySection.getOrDefault(code, List.of());
        }

        public boolean isEmpty() {
            return overall.isEmpty();
        }
    }

    private final ReadCountRepository repository;
    private final ArticleCatalog catalog;
    private final MostReadProperties properties;
    private final Clock clock;
    /** Reads not yet in PostgreSQL, by article id. */
    private final ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();
    private volatile Ranking ranking = Ranking.EMPTY;

    MostRead(ReadCountRepository repository, ArticleCatalog catalog, MostReadProperties properties, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** One read of the article, counted in memory until the next flush. */
    public void read(ArticleId article) {
        if (properties.enabled()) {
            pending.merge(article.value(), 1L, Long::sum);
        }
    }

    /**
     * Adds the reads counted since the last flush to PostgreSQL, under the current hour, and
     * forgets hours older than twice the window. A read counted while this runs is either in
     * this batch or left for the next one: each article's count is taken out with its key.
     */
    @Scheduled(fixedDelayString = "${kawaraban.article.most-read.flush-interval:10s}",
            initialDelayString = "${kawaraban.article.most-read.flush-interval:10s}")
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Long> batch = new LinkedHashMap<>();
        for (String article : new ArrayList<>(pending.keySet())) {
            Long reads = pending.remove(article);
            if (reads != null) {
                batch.put(article, reads);
            }
        }
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        try {
            repository.add(batch, hour);
            repository.deleteBefore(hour.minus(properties.window().multipliedBy(2)));
        } catch (RuntimeException unreachable) {
            // The database is away (decision 0019): keep the reads for the next flush rather than lose them.
            batch.forEach((article, reads) -> pending.merge(article, reads, Long::sum));
            log.warn("Reads not yet added to the ranking (kept for the next try): {}", unreachable.toString());
        }
    }

    /** The reads still in memory go to PostgreSQL before the node stops. */
    @PreDestroy
    void flushOnShutdown() {
        flush();
    }

    /**
     * The ranking as last read: a field, never a query, so a page that shows it costs nothing
     * more to make and takes no longer (an empty ranking only before the first read).
     */
    public Ranking ranking() {
        return properties.enabled() ? ranking : Ranking.EMPTY;
    }

    /**
     * Reads the ranking again from PostgreSQL, every {@code refresh} on a scheduler thread, never
     * on a reader's request. If the database is away the ranking shown stays as it was.
     */
    @Scheduled(fixedDelayString = "${kawaraban.article.most-read.refresh:60s}")
    public void refreshNow() {
        if (!properties.enabled()) {
            return;
        }
        try {
            ranking = read(clock.instant());
        } catch (RuntimeException unreachable) {
            log.warn("Ranking not refreshed: {}", unreachable.toString());
        }
    }

    private Ranking read(Instant now) {
        Instant since = now.minus(properties.window()).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        List<ArticleId> ids = repository.mostRead(since, CANDIDATES).stream()
                .map(reads -> new ArticleId(reads.articleId())).toList();
        Map<String, ArticleSummary> byId = new LinkedHashMap<>();
        catalog.summaries(ids).forEach(summary -> byId.put(summary.id().value(), summary));
        List<ArticleSummary> ordered = ids.stream().map(id -> byId.get(id.value())).filter(s -> s != null).toList();
        Map<String, List<ArticleSummary>> bySection = new LinkedHashMap<>();
        for (ArticleSummary summary : ordered) {
            List<ArticleSummary> section = bySection.computeIfAbsent(summary.section().code(), code -> new ArrayList<>());
            if (section.size() < properties.size()) {
                section.add(summary);
            }
        }
        bySection.replaceAll((code, list) -> List.copyOf(list));
        return new Ranking(List.copyOf(ordered.subList(0, Math.min(properties.size(), ordered.size()))),
                Map.copyOf(bySection), now);
    }
}
