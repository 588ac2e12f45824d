package jp.kawaraban.personal.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import jp.kawaraban.member.MemberId;
import jp.kawaraban.personal.FollowTarget;
import jp.kawaraban.personal.PersonalListsChanged;
import jp.kawaraban.platform.FromAnotherNode;
import jp.kawaraban.platform.KeptPerKey;
import jp.kawaraban.platform.NodeEventsMissed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What a member follows and has saved, kept in memory per member: every article page a member
 * opens shows the state of each of its buttons, and reading the three lists each time was three
 * round trips to PostgreSQL per page. Loaded whole on the first page, forgotten when the member
 * changes one of them (on every node, after the change's commit), when the vocabulary moves
 * follows, and after {@code maxAge} at the latest. Bounded to {@code maxMembers} members, the
 * ones reading least recently going first.
 * <p>
 * None of it decides what a member may read or do; {@code access} decides that per request.
 */
@Component
public class KeptMemberLists {

    /** A member's follows (by {@link FollowTarget#key()}), saved articles, saved figures ({@link #figure}). */
    record Lists(Set<String> followedKeys, Set<String> savedArticles, Set<String> savedFigures) {
    }

    private final PersonalRepository repository;
    private final ApplicationEventPublisher events;
    private final KeptPerKey<MemberId, Lists> kept;

    KeptMemberLists(PersonalRepository repository, ApplicationEventPublisher events,
                    @Value("${kawaraban.personal.kept-members:10000}") long maxMembers,
                    @Value("${kawaraban.personal.kept-lists-max-age:60s}") Duration maxAge) {
        this.repository = repository;
        this.events = events;
        this.kept = new KeptPerKey<>(maxMembers, maxAge);
    }

    public Set<String> followedKeys(MemberId member) {
        return lists(member).followedKeys();
    }

    public boolean isSaved(MemberId member, String articleId) {
        return lists(member).savedArticles().contains(articleId);
    }

    public Set<String> savedFigureIds(MemberId member, String articleId) {
        Set<String> ids = new HashSet<>();
        String prefix = figure(articleId, "");
        for (String saved : lists(member).savedFigures()) {
            if (saved.startsWith(prefix)) {
                ids.add(saved.substring(prefix.length()));
            }
        }
        return ids;
    }

    /** Announces a change to the member's lists; every node forgets them after the commit. */
    public void changed(MemberId member) {
        events.publishEvent(new PersonalListsChanged(member));
    }

    /** Forgets every member's lists on this node (follows moved by a vocabulary change). */
    public void dropAll() {
        kept.dropAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PersonalListsChanged changed) {
        drop(changed.member());
    }

    @EventListener
    void on(FromAnotherNode<PersonalListsChanged> changedElsewhere) {
        drop(changedElsewhere.event().member());
    }

    @EventListener
    void on(NodeEventsMissed missed) {
        dropAll();
    }

    private void drop(MemberId member) {
        kept.drop(member);
    }

    private Lists lists(MemberId member) {
        return kept.get(member, () -> new Lists(
                Set.copyOf(repository.follows(member).stream()
                        .map(f -> new FollowTarget(f.kind(), f.value(), f.label()).key()).toList()),
                Set.copyOf(repository.savedArticleIds(member)),
                Set.copyOf(repository.savedFigureKeys(member).stream().map(k -> figure(k[0], k[1])).toList())));
    }

    private static String figure(String articleId, String imageId) {
        return articleId + '\n' + imageId;
    }
}
