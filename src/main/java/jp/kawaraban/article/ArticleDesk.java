package jp.kawaraban.article;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jp.kawaraban.article.internal.ArticleRepository;
import jp.kawaraban.article.internal.ImageStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing articles: publish, update, withdraw. Each call is one transaction, and each
 * announces what changed with an event that listeners receive after the commit.
 */
@Service
@Transactional
public class ArticleDesk {

    private final ArticleRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ImageStore images;

    ArticleDesk(ArticleRepository repository, ApplicationEventPublisher events, Clock clock, ImageStore images) {
        this.repository = repository;
        this.images = images;
        this.events = events;
        this.clock = clock;
    }

    public ArticleId publish(ArticleContent content) {
        return publish(ArticleId.random(), null, content, clock.instant());
    }

    /**
     * Publishes under a given id and with a given publication time, as imports and the demo
     * edition need.
     *
     * @param sourceKey a stable key of where the article came from (a demo file, an imported
     *                  page), so loading the same source twice is detected; may be {@code null}
     */
    public ArticleId publish(ArticleId id, String sourceKey, ArticleContent content, Instant publishedAt) {
        requireKnownSectionAndSeries(content);
        repository.insert(id, sourceKey, content, publishedAt);
        events.publishEvent(new ArticlePublished(id, publishedAt));
        return id;
    }

    /** Saves a new version of a published article; readers see the update date and note. */
    public int update(ArticleId id, ArticleContent content, Instant updatedAt, String note) {
        requireKnownSectionAndSeries(content);
        int revision = repository.update(id, content, updatedAt, note)
                .orElseThrow(() -> new ArticleNotFoundException(id.value()));
        events.publishEvent(new ArticleUpdated(id, revision, updatedAt));
        return revision;
    }

    public void withdraw(ArticleId id) {
        if (!repository.withdraw(id)) {
            throw new ArticleNotFoundException(id.value());
        }
        events.publishEvent(new ArticleWithdrawn(id, clock.instant()));
    }

    public Optional<ArticleId> findBySourceKey(String sourceKey) {
        return repository.idForSourceKey(sourceKey);
    }

    public void saveSection(Section section, int position) {
        repository.saveSection(section, position);
    }

    public void saveSeries(Series series) {
        repository.saveSeries(series);
    }

    /**
     * Stores a figure's image in the configured {@code ImageStore}; inside the caller's
     * transaction, so an image whose transaction rolls back is not kept.
     */
    public void saveImage(ArticleImage image) {
        images.save(image);
    }

    private void requireKnownSectionAndSeries(ArticleContent content) {
        if (repository.section(content.sectionCode()).isEmpty()) {
            throw new IllegalArgumentException("Unknown section: " + content.sectionCode());
        }
        if (content.seriesCode() != null && repository.series(content.seriesCode()).isEmpty()) {
            throw new IllegalArgumentException("Unknown series or column: " + content.seriesCode());
        }
    }
}
