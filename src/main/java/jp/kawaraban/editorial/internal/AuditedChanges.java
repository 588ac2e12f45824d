package jp.kawaraban.editorial.internal;

import jp.kawaraban.editorial.AuditLog;
import jp.kawaraban.platform.Audited;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the changes other modules report ({@link Audited}) in the desk's audit log. A plain
 * listener on purpose: it runs in the publisher's transaction, so the record commits or rolls
 * back with the change (an after-commit listener could lose it or record a change that never
 * happened); {@link AuditLog#record} insists on that transaction.
 */
@Component
class AuditedChanges {

    private final AuditLog log;

    AuditedChanges(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(Audited change) {
        log.record(new AuditLog.Actor(change.actor().id(), change.actor().name()), change.action(), change.subject(),
                change.detail());
    }
}
