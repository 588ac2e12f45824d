package jp.kawaraban.member;

import jp.kawaraban.platform.OneMembersEvent;

/**
 * One or more of a member's sessions were deleted: logged out, a device removed, logged out
 * everywhere (a new password does that too). Every node hears it, so one that answers that
 * member's requests from memory (the member pages' fast path) stops at once rather than when
 * what it keeps expires.
 */
public record SessionsClosed(MemberId member) implements OneMembersEvent {
}
