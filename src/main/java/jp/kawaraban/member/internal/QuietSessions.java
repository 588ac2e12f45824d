package jp.kawaraban.member.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import java.util.Optional;
import java.util.function.Consumer;

import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.SessionsClosed;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The JDBC session store, writing a session's last access time only when it is at least
 * {@code touchEvery} older than the stored one. Spring Session marks a session changed on every
 * request it is used in (the last access time moves), so a logged-in member's every page cost an
 * UPDATE of their session row and a commit — and a member's tabs opened at once queued on that
 * one row. Nothing but expiry reads the time (and the devices list on the account page, which
 * shows it to the minute): with a two-hour timeout, a session may now end up to
 * {@code touchEvery} early, which nobody notices.
 * <p>
 * Everything else passes through unchanged: attributes (a log-in, the CSRF token, a replaced
 * principal) are saved as before, reads and deletes go to the database every time, so a device
 * logged out on another node is out on its next request here.
 * <p>
 * A deleted session of a logged-in member is announced ({@link SessionsClosed}), on every node:
 * what a node keeps in memory of that session must go with it.
 */
final class QuietSessions<S extends Session> implements FindByIndexNameSessionRepository<QuietSessions.Quiet<S>> {

    private final FindByIndexNameSessionRepository<S> stored;
    private final Duration touchEvery;
    private final Consumer<SessionsClosed> announce;

    QuietSessions(FindByIndexNameSessionRepository<S> stored, Duration touchEvery, Consumer<SessionsClosed> announce) {
        this.stored = stored;
        this.touchEvery = touchEvery;
        this.announce = announce;
    }

    @Override
    public Quiet<S> createSession() {
        return new Quiet<>(stored.createSession(), null, touchEvery);
    }

    @Override
    public void save(Quiet<S> session) {
        stored.save(session.stored);
    }

    @Override
    public Quiet<S> findById(String id) {
        S session = stored.findById(id);
        return session == null ? null : new Quiet<>(session, session.getLastAccessedTime(), touchEvery);
    }

    @Override
    public void deleteById(String id) {
        Optional<MemberId> member = Optional.ofNullable(stored.findById(id)).flatMap(QuietSessions::memberOf);
        stored.deleteById(id);
        member.ifPresent(m -> announce.accept(new SessionsClosed(m)));
    }

    /** The member logged in by the session (its principal's name is the member id), if any. */
    private static Optional<MemberId> memberOf(Session session) {
        String name = session.getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
        if (name == null && session.getAttribute("SPRING_SECURITY_CONTEXT") instanceof SecurityContext context
                && context.getAuthentication() != null) {
            name = context.getAuthentication().getName();
        }
        return MemberId.parse(name);
    }

    @Override
    public Map<String, Quiet<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Quiet<S>> found = new LinkedHashMap<>();
        stored.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new Quiet<>(session, session.getLastAccessedTime(), touchEvery)));
        return found;
    }

    /** A stored session whose last access time moves only when the stored one is old enough. */
    static final class Quiet<S extends Session> implements Session {

        private final S stored;
        /** The last access time in the database when the session was read; null for a new one. */
        private final Instant storedAccess;
        private final Duration touchEvery;

        Quiet(S stored, Instant storedAccess, Duration touchEvery) {
            this.stored = stored;
            this.storedAccess = storedAccess;
            this.touchEvery = touchEvery;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (storedAccess == null || !lastAccessedTime.isBefore(storedAccess.plus(touchEvery))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
