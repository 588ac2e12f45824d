package jp.kawaraban.site.web;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jp.kawaraban.member.MemberId;
import org.springframework.stereotype.Component;

/**
 * What the fast path of {@link MemberPages} knows of a session, by the value of its cookie:
 * which member, until when they have paid access, their CSRF token, until when all that may be
 * trusted. Filled by the normal chain when it serves that session a paid member's article page,
 * so every fact here was read from the database by the session filter, Spring Security and
 * {@code access} a moment before.
 * <p>
 * Trusted until the first of: the paid access's end by the clock (a trial's end), the kept
 * maximum age, the session's own expiry. Forgotten sooner on every event that may change it, on
 * every node: the member's sessions deleted (log-out, a device removed, logged out everywhere),
 * their subscription written, any administrator's change (roles, disabling), the member's own
 * writes ({@link MemberPages}), and whatever this node missed while it was not listening
 * ({@link MemberSnapshotDrops} listens, so this class, asked on every member's request, is not
 * proxied).
 */
@Component
class MemberSnapshots {

    /**
     * @param rawCsrf the session's CSRF token as stored (forms carry it masked, a new mask each page)
     * @param trustedUntil the maximum age or the session's expiry, whichever comes first
     * @param renewFrom    from when one request of the session goes through the normal chain again to
     *                     renew it, while the others are still answered from it until {@code trustedUntil}
     */
    record Snapshot(MemberId member, Instant paidUntil, String rawCsrf, String csrfHeader, String csrfParameter,
                    Instant trustedUntil, Instant renewFrom) {

        boolean validAt(Instant now) {
            return now.isBefore(paidUntil) && now.isBefore(trustedUntil);
        }
    }

    /** Sessions whose renewal one request has taken on. */
    private final java.util.Set<String> renewing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Cache<String, Snapshot> kept;
    /** Moves on every drop: a snapshot whose request began before a drop may be stale and is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private final Clock clock;

    MemberSnapshots(MemberPageProperties properties, Clock clock) {
        this.clock = clock;
        this.kept = Caffeine.newBuilder().maximumSize(properties.sessions())
                .expireAfterWrite(properties.maxAge()).build();
    }

    /**
     * The snapshot of the session whose cookie holds {@code cookie}, if it may be trusted now —
     * except for the one request that is to renew it (near its end: a member's tabs do not all go
     * through the normal chain at once when it ends), which gets null and must {@link #keep} or
     * {@link #renewed} it.
     */
    Snapshot find(String cookie) {
        Snapshot snapshot = kept.getIfPresent(cookie);
        Instant now = clock.instant();
        if (snapshot == null || !snapshot.validAt(now)) {
            return null;
        }
        return !now.isBefore(snapshot.renewFrom()) && renewing.add(cookie) ? null : snapshot;
    }

    /** The request that was to renew the session's snapshot is over. */
    void renewed(String cookie) {
        renewing.remove(cookie);
    }

    long generation() {
        return generation.get();
    }

    /** Keeps the snapshot unless something was dropped since {@code seenIn}, the generation its request began in. */
    void keep(String cookie, long seenIn, Snapshot snapshot) {
        if (generation.get() != seenIn) {
            return;
        }
        kept.put(cookie, snapshot);
        if (generation.get() != seenIn) {
            kept.asMap().remove(cookie, snapshot); // a drop passed between the check and the put
        }
    }

    void drop(String cookie) {
        generation.incrementAndGet();
        kept.invalidate(cookie);
    }

    void drop(MemberId member) {
        generation.incrementAndGet();
        kept.asMap().values().removeIf(snapshot -> snapshot.member().equals(member));
    }

    void dropAll() {
        generation.incrementAndGet();
        kept.invalidateAll();
    }
}
