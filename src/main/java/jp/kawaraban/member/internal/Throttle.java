package jp.kawaraban.member.internal;

import java.time.Clock;
import java.time.Instant;

import jp.kawaraban.member.MemberProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits sign-ups and password-reset mails: counts attempts per account and per client
 * address over a window, in the database so the limits hold across nodes. Buckets are keyed
 * by kind, so a flood of sign-ups from one address does not stop its resets. Log-ins have
 * their own, gentler throttle ({@link LoginThrottle}).
 */
@Component
public class Throttle {

    public enum Kind { SIGN_UP, RESET }

    private final MemberRepository repository;
    private final MemberProperties properties;
    private final Clock clock;

    Throttle(MemberRepository repository, MemberProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether another attempt from this address (and, when given, for this account) must wait. */
    public boolean blocked(Kind kind, String clientAddress, String email) {
        Instant since = clock.instant().minus(properties.throttleWindow());
        if (repository.attemptsSince(addressBucket(kind, clientAddress), since) >= properties.attemptsPerAddress()) {
            return true;
        }
        return email != null && repository.attemptsSince(accountBucket(kind, email), since) >= properties.resetsPerAccount();
    }

    /** Counts an attempt; its own transaction so a rolled-back request still counts. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Kind kind, String clientAddress, String email) {
        Instant now = clock.instant();
        repository.recordAttempt(addressBucket(kind, clientAddress), now);
        if (email != null) {
            repository.recordAttempt(accountBucket(kind, email), now);
        }
    }

    @Scheduled(fixedDelayString = "PT10M")
    void forgetOldAttempts() {
        repository.forgetAttemptsBefore(clock.instant().minus(properties.throttleWindow().multipliedBy(4)));
    }

    private static String addressBucket(Kind kind, String clientAddress) {
        return kind + ":ip:" + ClientAddresses.counted(clientAddress);
    }

    private static String accountBucket(Kind kind, String email) {
        return kind + ":account:" + Emails.normalise(email);
    }
}
