package jp.kawaraban.personal.internal;

import jp.kawaraban.article.KeywordRenamed;
import jp.kawaraban.search.Entities;
import jp.kawaraban.search.EntitiesMerged;
import jp.kawaraban.search.EntityNamesChanged;
import jp.kawaraban.text.Entity;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps follows in step with the entity vocabulary and the keywords the editors maintain. A
 * merge moves follows from the merged entity to the one it became, so members keep following
 * it; a renamed keyword moves its follows the same way; follows of a renamed entity show its
 * name as it is now. Each reaction is one transaction after the desk's commit, under the event
 * publication registry.
 *
 * <p>Articles' tags are search's analyses ({@link ArticleTagger}): search analyses the
 * articles concerned again and announces them. A merge or a rename also moves the tags at once,
 * in the same transaction as the follows, so between the desk's commit and the last of those
 * announcements no follower misses an article that had the old entity or keyword.
 */
@Component
class VocabularyChanges {

    private final Entities entities;
    private final FeedRepository feed;
    private final PersonalRepository repository;

    private final KeptMemberLists kept;

    VocabularyChanges(Entities entities, FeedRepository feed, PersonalRepository repository, KeptMemberLists kept) {
        this.kept = kept;
        this.entities = entities;
        this.feed = feed;
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(EntitiesMerged merged) {
        String label = entities.find(merged.intoId()).map(Entity::canonicalName).orElse(merged.intoId());
        repository.moveFollows("ENTITY", merged.fromId(), merged.intoId(), label);
        kept.dropAll(); // other nodes: within the lists' maximum age
        feed.renameTags("ENTITY", merged.fromId(), merged.intoId());
    }

    /** A renamed (or merged) keyword: its followers follow the new one, its articles carry it. */
    @ApplicationModuleListener
    void on(KeywordRenamed renamed) {
        repository.moveFollows("KEYWORD", renamed.from(), renamed.to(), renamed.to());
        kept.dropAll();
        feed.renameTags("KEYWORD", renamed.from(), renamed.to());
    }

    /** Follows show the entity's name as it is now; the articles naming it are search's to revisit. */
    @ApplicationModuleListener
    void on(EntityNamesChanged changed) {
        repository.relabelEntityFollows(changed.entityId(), changed.canonicalName());
        kept.dropAll();
    }
}
