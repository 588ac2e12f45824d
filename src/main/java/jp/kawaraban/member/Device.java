package jp.kawaraban.member;

import java.time.Instant;

/**
 * A browser or app where the member is logged in. {@code handle} names it in "log out this
 * device" forms without revealing the session id, which is as good as a password.
 */
public record Device(String handle, String description, Instant loggedInAt, Instant lastSeenAt, boolean current) {
}
