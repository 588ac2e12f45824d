package jp.kawaraban.access;

import jp.kawaraban.member.MemberId;
import jp.kawaraban.platform.OneMembersEvent;

/**
 * A member's subscription or trial was written (started, renewed, canceled, ended, extended),
 * whoever wrote it: the member, a payment provider's webhook, an administrator, a job. Every
 * node hears it: a node that keeps what a member may read (the member pages' fast path) forgets
 * it at once.
 */
public record SubscriptionChanged(MemberId member) implements OneMembersEvent {
}
