package jp.kawaraban.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jp.kawaraban.article.internal.ArticleRepository;
import jp.kawaraban.article.internal.ImageStore;
import org.springframework.stereotype.Service;

/**
 * Reading published articles: the article module's public read API. Each method is a single
 * statement, atomic on its own, so no transaction is opened: on the hottest path of the site
 * that saves the round trips of BEGIN and COMMIT.
 */
@Service
public class ArticleCatalog {

    private final ArticleRepository repository;
    private final ImageStore images;

    ArticleCatalog(ArticleRepository repository, ImageStore images) {
        this.repository = repository;
        this.images = images;
    }

    /** The article, if the id is well-formed and names a published article. */
    public Optional<Article> find(String id) {
        if (!ArticleId.isWellFormed(id)) {
            return Optional.empty();
        }
        return repository.findPublished(new ArticleId(id));
    }

    /** The published ones among {@code ids}, in no particular order (one query, for batches). */
    public List<Article> findAll(Collection<ArticleId> ids) {
        return ids.isEmpty() ? List.of() : repository.findPublished(ids);
    }

    /** The article, or {@link ArticleNotFoundException} (a 404 for readers). */
    public Article get(String id) {
        return find(id).orElseThrow(() -> new ArticleNotFoundException(id));
    }

    public PageOf<ArticleSummary> latest(PageRequest page) {
        return repository.latest(page);
    }

    public PageOf<ArticleSummary> inSection(String sectionCode, PageRequest page) {
        return repository.inSection(sectionCode, page);
    }

    public PageOf<ArticleSummary> inSeries(String seriesCode, PageRequest page) {
        return repository.inSeries(seriesCode, page);
    }

    public PageOf<ArticleSummary> withKeyword(String keyword, PageRequest page) {
        return repository.withKeyword(keyword, page);
    }

    public List<ArticleSummary> topStories(int limit) {
        return repository.topStories(limit);
    }

    /** The published ones among {@code ids}, in the same order; withdrawn ones are left out. */
    public List<ArticleSummary> summaries(List<ArticleId> ids) {
        return repository.summaries(ids);
    }

    public List<ArticleSummary> allPublished(int limit) {
        return repository.allPublished(limit);
    }

    /**
     * Published articles with their whole text, in id order after {@code afterId} (null: from
     * the start): for walking the archive in batches, e.g. to rebuild a search index.
     */
    public List<Article> publishedAfter(ArticleId afterId, int limit) {
        return repository.publishedAfter(afterId, limit);
    }

    public long countPublished() {
        return repository.countPublished();
    }

    /**
     * The articles whose row changed after {@code since} (published, updated, withdrawn,
     * retagged, or changed in a way readers do not see), on the database's clock, and that
     * clock's time now: what a node asks after it was not listening to the other nodes for a
     * while, to bring what it keeps for itself up to date. Ask again from {@code asOf}, less a
     * margin for transactions that were still open then.
     *
     * @param since null for every article
     */
    public Changes changedSince(Instant since) {
        return repository.changedSince(since);
    }

    /** @see #changedSince */
    public record Changes(Instant asOf, List<ArticleId> articles) {

        public Changes {
            articles = List.copyOf(articles);
        }
    }

    public List<Section> sections() {
        return repository.sections();
    }

    public Optional<Section> section(String code) {
        return repository.section(code);
    }

    /** Keywords of published articles, the most used first; {@code containing} may be {@code null}. */
    public List<KeywordCount> keywords(String containing, int limit) {
        return repository.keywordCounts(containing == null || containing.isBlank() ? null : containing.strip(), limit);
    }

    /** Every series and column, by name, for the desk's choices. */
    public List<Series> allSeries() {
        return repository.allSeries();
    }

    public Optional<Series> series(String code) {
        return repository.series(code);
    }

    /** Every saved version of a published article, oldest first. */
    public List<Revision> revisions(String id) {
        return repository.revisions(get(id).id());
    }

    /** A figure's image, from the configured store or, failing that, the database where older images are. */
    public Optional<ArticleImage> image(String id) {
        return images.find(id);
    }
}
