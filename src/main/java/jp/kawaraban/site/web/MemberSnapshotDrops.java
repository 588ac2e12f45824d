package jp.kawaraban.site.web;

import jp.kawaraban.access.SubscriptionChanged;
import jp.kawaraban.member.MemberDeleted;
import jp.kawaraban.member.SessionsClosed;
import jp.kawaraban.platform.Audited;
import jp.kawaraban.platform.FromAnotherNode;
import jp.kawaraban.platform.NodeEventsMissed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The events that make {@link MemberSnapshots} forget a member's sessions, or all of them.
 * Apart from the snapshots: Spring Modulith proxies a bean with transactional event listeners,
 * and the snapshots are asked on every member's request.
 */
@Component
class MemberSnapshotDrops {

    private final MemberSnapshots snapshots;

    MemberSnapshotDrops(MemberSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /* After the commit (at once without a transaction), on this node; at once when heard from another. */

    @TransactionalEventListener(fallbackExecution = true)
    void on(SessionsClosed closed) {
        snapshots.drop(closed.member());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SubscriptionChanged changed) {
        snapshots.drop(changed.member());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MemberDeleted deleted) {
        snapshots.drop(deleted.member());
    }

    /** Administrators' changes: roles, a disabled account, plans. Rare; everything goes. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(Audited audited) {
        snapshots.dropAll();
    }

    @EventListener
    void onSessionsClosedElsewhere(FromAnotherNode<SessionsClosed> closed) {
        snapshots.drop(closed.event().member());
    }

    @EventListener
    void onSubscriptionChangedElsewhere(FromAnotherNode<SubscriptionChanged> changed) {
        snapshots.drop(changed.event().member());
    }

    @EventListener
    void onAuditedElsewhere(FromAnotherNode<Audited> audited) {
        snapshots.dropAll();
    }

    @EventListener
    void on(NodeEventsMissed missed) {
        snapshots.dropAll();
    }
}
