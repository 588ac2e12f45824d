package jp.kawaraban.personal.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.KeywordRenamed;
import jp.kawaraban.search.Entities;
import jp.kawaraban.search.EntitiesMerged;
import jp.kawaraban.search.EntityNamesChanged;
import jp.kawaraban.text.Entity;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps follows and article tags in step with the entity vocabulary and the keywords the editors maintain.
 * A merge moves follows and tags from the merged entity to the one it became, so members
 * keep following it and My News keeps the articles. New names are looked for in the newest
 * published articles ({@link Entities#REVISITED_ARTICLES}), so an article written with the
 * new alias reaches the entity's followers; articles found by a removed name are tagged again.
 * Each reaction is one transaction after the desk's commit, under the event publication registry.
 */
@Component
class VocabularyChanges {

    private final Entities entities;
    private final ArticleTagger tagger;
    private final FeedRepository feed;
    private final PersonalRepository repository;

    VocabularyChanges(Entities entities, ArticleTagger tagger, FeedRepository feed, PersonalRepository repository) {
        this.entities = entities;
        this.tagger = tagger;
        this.feed = feed;
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(EntitiesMerged merged) {
        String label = entities.find(merged.intoId()).map(Entity::canonicalName).orElse(merged.intoId());
        repository.moveFollows("ENTITY", merged.fromId(), merged.intoId(), label);
        feed.renameTags("ENTITY", merged.fromId(), merged.intoId());
    }

    /** A renamed (or merged) keyword: its followers follow the new one, its articles carry it. */
    @ApplicationModuleListener
    void on(KeywordRenamed renamed) {
        repository.moveFollows("KEYWORD", renamed.from(), renamed.to(), renamed.to());
        feed.renameTags("KEYWORD", renamed.from(), renamed.to());
    }

    @ApplicationModuleListener
    void on(EntityNamesChanged changed) {
        repository.relabelEntityFollows(changed.entityId(), changed.canonicalName());
        Set<ArticleId> articles = new LinkedHashSet<>(
                entities.articlesNaming(changed.addedNames(), Entities.REVISITED_ARTICLES));
        if (!changed.removedNames().isEmpty()) {
            feed.articlesTagged("ENTITY", changed.entityId()).forEach(id -> articles.add(new ArticleId(id)));
        }
        articles.forEach(tagger::retag);
    }
}
