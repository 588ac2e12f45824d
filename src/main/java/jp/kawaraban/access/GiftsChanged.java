package jp.kawaraban.access;

import jp.kawaraban.member.MemberId;
import jp.kawaraban.platform.OneMembersEvent;

/**
 * A member's gifts changed: one made, revoked, or opened by a reader of its link. Every node
 * forgets the gift counts it keeps of that member ({@link Gifts#counts}), so the giver's next
 * article page on any node shows the change.
 */
public record GiftsChanged(MemberId giver) implements OneMembersEvent {
}
