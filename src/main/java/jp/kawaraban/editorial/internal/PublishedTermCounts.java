package jp.kawaraban.editorial.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticlePublished;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.article.ArticleUpdated;
import jp.kawaraban.article.ArticleWithdrawn;
import jp.kawaraban.article.PageOf;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.text.DocumentFrequencies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How many of the latest published articles carry each keyword term, so the desk's keyword
 * proposals weigh a term by how rare it is on this site: the name of a news agency or of a
 * recurring column, which many articles carry, sinks below what this manuscript is about.
 *
 * <p>Counting reads the latest {@code articles} published articles whole and runs the keyword
 * analysis on each (a few milliseconds of CPU apiece), so it is done on a thread of its own, and
 * only when an editor asks for proposals: the first proposals on a node, and those asked after
 * an article was published, updated or withdrawn, get the previous counts (none at first) while
 * the new ones are made. It is done again at most every {@code recount-after-change}, and every
 * {@code max-age} in any case. Until {@code min-articles} articles are published every term
 * weighs the same: on a new site a handful of articles says nothing about what is common.
 */
@Component
public class PublishedTermCounts {

    private static final Logger log = LoggerFactory.getLogger(PublishedTermCounts.class);

    /** @param at when they were counted; null before the first count */
    private record Counted(DocumentFrequencies frequencies, Instant at) {
    }

    private final ArticleCatalog catalog;
    private final Clock clock;
    private final int articles;
    private final int minArticles;
    private final Duration recountAfterChange;
    private final Duration maxAge;

    private volatile Counted counted;
    private volatile boolean changedSinceCount = true;
    private final AtomicBoolean counting = new AtomicBoolean();

    PublishedTermCounts(ArticleCatalog catalog, Clock clock,
                        @Value("${kawaraban.editorial.keyword-weights.articles:2000}") int articles,
                        @Value("${kawaraban.editorial.keyword-weights.min-articles:30}") int minArticles,
                        @Value("${kawaraban.editorial.keyword-weights.recount-after-change:PT1M}") Duration recountAfterChange,
                        @Value("${kawaraban.editorial.keyword-weights.max-age:PT6H}") Duration maxAge) {
        this.catalog = catalog;
        this.clock = clock;
        this.articles = articles;
        this.minArticles = minArticles;
        this.recountAfterChange = recountAfterChange;
        this.maxAge = maxAge;
        this.counted = new Counted(DocumentFrequencies.none(), null);
    }

    /**
     * The counts as they are now (possibly none yet); starts counting again in the background
     * when they are out of date. Never waits.
     */
    public DocumentFrequencies current() {
        Counted now = counted;
        if (outOfDate(now) && counting.compareAndSet(false, true)) {
            changedSinceCount = false;
            Thread.ofPlatform().daemon().name("keyword-weights").start(this::count);
        }
        return now.frequencies();
    }

    private boolean outOfDate(Counted now) {
        if (now.at() == null) {
            return true;
        }
        Duration age = Duration.between(now.at(), clock.instant());
        return age.compareTo(maxAge) >= 0 || changedSinceCount && age.compareTo(recountAfterChange) >= 0;
    }

    private void count() {
        try {
            long started = System.nanoTime();
            long published = catalog.countPublished();
            if (published < minArticles) {
                counted = new Counted(DocumentFrequencies.none(), clock.instant());
                log.info("Keyword proposals not weighed: {} published articles, fewer than {}", published, minArticles);
                return;
            }
            List<String> texts = latestTexts();
            counted = new Counted(DocumentFrequencies.ofKeywordTerms(texts), clock.instant());
            log.info("Keyword proposals weigh against {} published articles (counted in {} ms)", texts.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // The proposals keep the counts they had; the next request tries again.
            changedSinceCount = true;
            log.warn("Could not count the keyword weights of the published articles: {}", e.toString());
        } finally {
            counting.set(false);
        }
    }

    private List<String> latestTexts() {
        List<String> texts = new ArrayList<>(articles);
        for (int page = 0; texts.size() < articles; page++) {
            PageOf<ArticleSummary> summaries = catalog.latest(new PageRequest(page, PageRequest.MAX_SIZE));
            List<ArticleId> ids = summaries.items().stream().map(ArticleSummary::id)
                    .limit(articles - texts.size()).toList();
            for (Article article : catalog.findAll(ids)) {
                texts.add(article.content().plainText());
            }
            if (!summaries.hasNext()) {
                break;
            }
        }
        return texts;
    }

    @EventListener
    void on(ArticlePublished published) {
        changedSinceCount = true;
    }

    @EventListener
    void on(ArticleUpdated updated) {
        changedSinceCount = true;
    }

    @EventListener
    void on(ArticleWithdrawn withdrawn) {
        changedSinceCount = true;
    }
}
