package jp.kawaraban.platform;

/**
 * A {@link NodeWideEvent} about one member's own state (their sessions, subscription, follows
 * and saves): other nodes forget what they keep of that member, and nothing kept for every
 * reader (the anonymous pages) depends on it, so those are not dropped.
 */
public interface OneMembersEvent extends NodeWideEvent {
}
