package jp.kawaraban.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.kawaraban.article.internal.ArticleRepository;
import jp.kawaraban.article.internal.ImageStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing articles through their life: drafts, scheduling, publication, updates,
 * corrections, withdrawal. Each call is one transaction, and each change readers can see is
 * announced with an event that listeners receive after the commit.
 *
 * <p>Saves from the desk name the {@code version} they started from; when someone else
 * saved in between, an {@link EditConflictException} says so and nothing is written.
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

    // ---- drafts ---------------------------------------------------------------------------

    /** A new draft, seen by nobody but the desk until it is published. */
    public ArticleId createDraft(String sourceKey, ArticleContent content) {
        requireKnownSectionAndSeries(content);
        ArticleId id = ArticleId.random();
        repository.insertDraft(id, sourceKey, content, clock.instant());
        return id;
    }

    /** @return the draft's new version */
    public int saveDraft(ArticleId id, ArticleContent content, int expectedVersion) {
        requireKnownSectionAndSeries(content);
        return repository.saveDraft(id, content, expectedVersion, clock.instant())
                .orElseThrow(() -> refusal(id, expectedVersion, "save as a draft"));
    }

    /** Makes a draft publish itself at {@code publishAt} (see {@link #publishDue}). */
    public int schedule(ArticleId id, Instant publishAt, int expectedVersion) {
        if (publishAt == null) {
            throw new IllegalArgumentException("A schedule needs a time");
        }
        return repository.schedule(id, publishAt, expectedVersion, clock.instant())
                .orElseThrow(() -> refusal(id, expectedVersion, "schedule"));
    }

    /** Back to a plain draft: the scheduled time is dropped. */
    public int unschedule(ArticleId id, int expectedVersion) {
        return repository.schedule(id, null, expectedVersion, clock.instant())
                .orElseThrow(() -> refusal(id, expectedVersion, "unschedule"));
    }

    /** Publishes a draft or scheduled article now. @return the new version */
    public int publishDraft(ArticleId id, int expectedVersion) {
        Instant now = clock.instant();
        int version = repository.publishDraft(id, expectedVersion, now)
                .orElseThrow(() -> refusal(id, expectedVersion, "publish"));
        events.publishEvent(new ArticlePublished(id, now));
        return version;
    }

    /**
     * Publishes scheduled articles whose time has come; several nodes may call this at once
     * (rows are locked and skipped), each article is published once.
     */
    public List<ArticleId> publishDue(int limit) {
        Instant now = clock.instant();
        List<ArticleId> due = repository.dueForPublishing(now, limit);
        for (ArticleId id : due) {
            repository.publishDraft(id, null, now);
            events.publishEvent(new ArticlePublished(id, now));
        }
        return due;
    }

    /** Deletes a draft that was never published. */
    public void discardDraft(ArticleId id, int expectedVersion) {
        if (!repository.discardDraft(id, expectedVersion)) {
            throw refusal(id, expectedVersion, "discard");
        }
    }

    // ---- published articles -----------------------------------------------------------------

    /** Saves a new version of a published article; readers see the update date and note. */
    public int update(ArticleId id, ArticleContent content, Instant updatedAt, String note) {
        return revise(id, content, updatedAt, Revision.Kind.UPDATE, note, null);
    }

    /** An update from the desk, refused when someone saved since {@code expectedVersion}. @return the revision */
    public int update(ArticleId id, ArticleContent content, String note, int expectedVersion) {
        return revise(id, content, clock.instant(), Revision.Kind.UPDATE, note, expectedVersion);
    }

    /** A correction: a new revision, and readers see {@code notice} on the article. @return the revision */
    public int correct(ArticleId id, ArticleContent content, String notice, int expectedVersion) {
        if (notice == null || notice.isBlank()) {
            throw new IllegalArgumentException("A correction needs a notice");
        }
        return revise(id, content, clock.instant(), Revision.Kind.CORRECTION, notice.strip(), expectedVersion);
    }

    private int revise(ArticleId id, ArticleContent content, Instant at, Revision.Kind kind, String note,
                       Integer expectedVersion) {
        requireKnownSectionAndSeries(content);
        int revision = repository.update(id, content, at, kind, note, expectedVersion)
                .orElseThrow(() -> expectedVersion == null ? new ArticleNotFoundException(id.value())
                        : refusal(id, expectedVersion, "revise"));
        events.publishEvent(new ArticleUpdated(id, revision, at));
        return revision;
    }

    /** Readers get 404 from now on; the desk keeps the article and its revisions. */
    public void withdraw(ArticleId id) {
        if (!repository.withdraw(id, clock.instant(), null)) {
            throw repository.findForEditing(id)
                    .<RuntimeException>map(found -> new WrongStatusException(id, found.status(), "withdraw"))
                    .orElseGet(() -> new ArticleNotFoundException(id.value()));
        }
        events.publishEvent(new ArticleWithdrawn(id, clock.instant()));
    }

    /** A withdrawal from the desk, refused when someone saved since {@code expectedVersion}. */
    public void withdraw(ArticleId id, int expectedVersion) {
        if (!repository.withdraw(id, clock.instant(), expectedVersion)) {
            throw refusal(id, expectedVersion, "withdraw");
        }
        events.publishEvent(new ArticleWithdrawn(id, clock.instant()));
    }

    /**
     * Renames a keyword in every article, or merges it into {@code to} when that is in use
     * too. Texts and revisions stay; the published articles' index entries and tags follow
     * through {@link KeywordRenamed}.
     *
     * @return the published articles that changed
     */
    public List<ArticleId> renameKeyword(String from, String to) {
        List<ArticleId> published = repository.renameKeyword(from, to);
        events.publishEvent(new KeywordRenamed(from, to, published, clock.instant()));
        return published;
    }

    // ---- reading for the desk -----------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<EditedArticle> forEditing(ArticleId id) {
        return repository.findForEditing(id);
    }

    @Transactional(readOnly = true)
    public PageOf<DeskSummary> list(DeskFilter filter, PageRequest page) {
        return repository.deskList(filter, page);
    }

    /** Every published version, in any status (withdrawn articles keep theirs). */
    @Transactional(readOnly = true)
    public List<Revision> revisions(ArticleId id) {
        return repository.revisions(id);
    }

    public Optional<ArticleId> findBySourceKey(String sourceKey) {
        return repository.idForSourceKey(sourceKey);
    }

    // ---- sections, series, images -------------------------------------------------------------

    public void saveSection(Section section, int position) {
        repository.saveSection(section, position);
        events.publishEvent(new SectionsChanged(section, position));
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

    /** Why a guarded change did not apply: unknown article, someone saved first, or the wrong status. */
    private RuntimeException refusal(ArticleId id, int expectedVersion, String change) {
        Optional<EditedArticle> current = repository.findForEditing(id);
        if (current.isEmpty()) {
            return new ArticleNotFoundException(id.value());
        }
        if (current.get().version() != expectedVersion) {
            return new EditConflictException(id, expectedVersion, current.get().version());
        }
        return new WrongStatusException(id, current.get().status(), change);
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
