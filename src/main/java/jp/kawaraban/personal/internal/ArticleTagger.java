package jp.kawaraban.personal.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticlePublished;
import jp.kawaraban.article.ArticleUpdated;
import jp.kawaraban.article.ArticleWithdrawn;
import jp.kawaraban.personal.Follows;
import jp.kawaraban.search.Entities;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records each published article's tags (series code, editors' keywords, entities found by
 * any spelling variant) for My News, and keeps saved articles in step: a withdrawn article's
 * tags go (it leaves every feed) and its saved copies become notices. Runs after the article's
 * transaction commits, through the event publication registry, so nothing is missed.
 */
@Component
class ArticleTagger {

    private final ArticleCatalog catalog;
    private final Entities entities;
    private final FeedRepository feed;
    private final PersonalRepository repository;

    ArticleTagger(ArticleCatalog catalog, Entities entities, FeedRepository feed, PersonalRepository repository) {
        this.catalog = catalog;
        this.entities = entities;
        this.feed = feed;
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(ArticlePublished published) {
        retag(published.articleId());
    }

    @ApplicationModuleListener
    void on(ArticleUpdated updated) {
        retag(updated.articleId()).ifPresent(article -> repository.headlineChanged(article.id().value(), article.headline()));
    }

    @ApplicationModuleListener
    void on(ArticleWithdrawn withdrawn) {
        feed.dropTags(withdrawn.articleId().value());
        repository.articleWithdrawn(withdrawn.articleId().value(), withdrawn.withdrawnAt());
    }

    /** Tags the article as it is now, or drops its tags when it is no longer published. */
    java.util.Optional<Article> retag(ArticleId id) {
        var article = catalog.find(id.value());
        article.ifPresentOrElse(this::tag, () -> feed.dropTags(id.value()));
        return article;
    }

    /** Writes the article's tags as they are now. */
    void tag(Article article) {
        var content = article.content();
        Set<FeedRepository.Tag> tags = new LinkedHashSet<>();
        if (content.seriesCode() != null) {
            tags.add(new FeedRepository.Tag("SERIES", content.seriesCode()));
        }
        for (String keyword : content.keywords()) {
            String normalised = Follows.normaliseKeyword(keyword);
            if (!normalised.isEmpty()) {
                tags.add(new FeedRepository.Tag("KEYWORD", normalised));
            }
        }
        String text = content.headline() + "\n" + content.lead() + "\n" + content.body().plainText();
        entities.finder().find(text).forEach(mention -> tags.add(new FeedRepository.Tag("ENTITY", mention.entityId())));
        feed.replaceTags(article.id().value(), article.publishedAt(), tags);
    }
}
