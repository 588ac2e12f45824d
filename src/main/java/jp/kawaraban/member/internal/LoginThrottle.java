package jp.kawaraban.member.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

import jp.kawaraban.member.MemberProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down whoever guesses passwords, never the account's owner (decision 0021). Failures
 * are counted per account and client address together (the pair), per address, and per
 * account:
 * <ul>
 * <li>a pair may fail {@code login-free-failures} times; each further failure makes that
 * pair wait before its next attempt is even checked, {@code login-first-delay} doubled with
 * every failure up to {@code login-max-delay}. The owner at another address has a pair of
 * their own and is not slowed;</li>
 * <li>an address that fails more than {@code login-failures-per-address} times, whatever the
 * accounts, waits the same way (one client trying many accounts);</li>
 * <li>an account that failed {@code login-failures-per-account} times from all addresses
 * together (a guess spread over many addresses) gives no free failures any more: each
 * address's first failure on it makes that address wait. It never refuses a pair that has
 * not failed, so it slows the guessers and not the owner.</li>
 * </ul>
 * An attempt is counted as a failure when it is let through, before the password is checked,
 * in one transaction that holds the pair's row: attempts sent side by side cannot all pass as
 * the first. A success takes the pair's count away again. Counts with no failure for
 * {@code login-failure-memory} are forgotten.
 */
@Component
public class LoginThrottle {

    private final MemberRepository repository;
    private final MemberProperties properties;
    private final Clock clock;

    LoginThrottle(MemberRepository repository, MemberProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Lets this attempt be checked, counting it as a failure of its pair until it succeeds;
     * or answers how long this client must wait before it may try this account again.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Duration> admit(String email, String remoteAddress) {
        Instant now = now();
        Instant forgetBefore = now.minus(properties.loginFailureMemory());
        String address = ClientAddresses.counted(remoteAddress);
        Optional<Duration> addressWait = repository.loginFailures(key("address", address))
                .filter(count -> count.waitUntil().isAfter(now))
                .map(count -> Duration.between(now, count.waitUntil()));
        if (addressWait.isPresent()) {
            return addressWait;
        }
        boolean accountUnderAttack = repository.loginFailures(key("account", Emails.normalise(email)))
                .filter(count -> count.lastAt().isAfter(forgetBefore))
                .filter(count -> count.failures() >= properties.loginFailuresPerAccount())
                .isPresent();
        int free = accountUnderAttack ? 0 : properties.loginFreeFailures();

        String pair = pairKey(email, remoteAddress);
        MemberRepository.LoginFailures count = repository.lockLoginFailures(pair, now);
        if (count.waitUntil().isAfter(now)) {
            return Optional.of(Duration.between(now, count.waitUntil()));
        }
        int failures = count.lastAt().isBefore(forgetBefore) ? 1 : count.failures() + 1;
        repository.setLoginFailures(pair, failures, now, now.plus(delayAfter(failures, free)));
        return Optional.empty();
    }

    /** The checked attempt failed: the pair counted it already; the address and the account count it now. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String email, String remoteAddress) {
        Instant now = now();
        Instant forgetBefore = now.minus(properties.loginFailureMemory());
        int fromAddress = repository.countLoginFailure(key("address", ClientAddresses.counted(remoteAddress)), now, forgetBefore);
        repository.waitAfterLoginFailure(key("address", ClientAddresses.counted(remoteAddress)),
                now.plus(delayAfter(fromAddress, properties.loginFailuresPerAddress())));
        repository.countLoginFailure(key("account", Emails.normalise(email)), now, forgetBefore);
    }

    /** The right password: the pair starts again from nothing (its address's and account's counts stay). */
    public void succeeded(String email, String remoteAddress) {
        repository.forgetLoginFailures(pairKey(email, remoteAddress));
    }

    /** No wait for the first {@code free} failures, then the first delay, doubled each time, up to the most. */
    Duration delayAfter(int failures, int free) {
        int beyond = failures - free;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration most = properties.loginMaxDelay();
        Duration delay = properties.loginFirstDelay();
        for (int i = 1; i < beyond && delay.compareTo(most) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(most) > 0 ? most : delay;
    }

    @Scheduled(fixedDelayString = "PT10M")
    void forgetOldFailures() {
        Instant now = now();
        repository.forgetLoginFailuresBefore(now.minus(properties.loginFailureMemory()), now);
    }

    /** PostgreSQL keeps microseconds (and rounds); a finer "now" could seem earlier than itself read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String pairKey(String email, String remoteAddress) {
        return key("pair", Emails.normalise(email) + "\n" + ClientAddresses.counted(remoteAddress));
    }

    /** What is counted, hashed: the table keeps no address in clear, and a long email makes no long key. */
    private static String key(String kind, String what) {
        try {
            return kind + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(what.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
