package jp.kawaraban.member.internal;

import java.time.Clock;
import java.time.Instant;

import jp.kawaraban.member.MemberProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down guessing: counts attempts per account and per client address over a window,
 * in the database so the limits hold across nodes. Buckets are keyed by kind, so a flood of
 * sign-ups from one address does not lock its owner out of logging in elsewhere.
 */
@Component
public class Throttle {

    public enum Kind { LOGIN, SIGN_UP, RESET }

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
        int perAccount = kind == Kind.RESET ? properties.resetsPerAccount() : properties.loginFailuresPerAccount();
        return email != null && repository.attemptsSince(accountBucket(kind, email), since) >= perAccount;
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

    /** A successful log-in clears the account's failures (not the address's). */
    public void clear(Kind kind, String email) {
        repository.clearAttempts(accountBucket(kind, email));
    }

    @Scheduled(fixedDelayString = "PT10M")
    void forgetOldAttempts() {
        repository.forgetAttemptsBefore(clock.instant().minus(properties.throttleWindow().multipliedBy(4)));
    }

    private static String addressBucket(Kind kind, String clientAddress) {
        return kind + ":ip:" + clientAddress;
    }

    private static String accountBucket(Kind kind, String email) {
        return kind + ":account:" + Emails.normalise(email);
    }
}
