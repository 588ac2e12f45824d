package jp.kawaraban.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings.
 *
 * @param verifyLinkLifetime      how long a sign-up or change-of-email link works
 * @param resetLinkLifetime       how long a password-reset link works
 * @param loginFreeFailures       wrong passwords one client address may give for one account before it waits
 * @param loginFirstDelay         the wait after the first failure beyond those, doubled with each further one
 * @param loginMaxDelay           the longest such wait
 * @param loginFailuresPerAddress failed log-ins from one address, all accounts together, before the address waits
 * @param loginFailuresPerAccount failed log-ins on one account from all addresses together after which
 *                                no address gets free failures on it (it slows; it never locks)
 * @param loginFailureMemory      how long a count of failed log-ins is kept after its last failure
 * @param attemptsPerAddress      sign-ups and resets per client address within {@code throttleWindow}
 * @param resetsPerAccount        reset mails per account within the window
 * @param throttleWindow          the window those two counts run over
 * @param rememberDevice          how long "remember this device" keeps a browser logged in
 * @param demoPassword            the demo accounts' password; generated and printed once when blank
 */
@ConfigurationProperties("kawaraban.member")
public record MemberProperties(
        @DefaultValue("48h") Duration verifyLinkLifetime,
        @DefaultValue("1h") Duration resetLinkLifetime,
        @DefaultValue("3") int loginFreeFailures,
        @DefaultValue("5s") Duration loginFirstDelay,
        @DefaultValue("15m") Duration loginMaxDelay,
        @DefaultValue("30") int loginFailuresPerAddress,
        @DefaultValue("100") int loginFailuresPerAccount,
        @DefaultValue("24h") Duration loginFailureMemory,
        @DefaultValue("30") int attemptsPerAddress,
        @DefaultValue("3") int resetsPerAccount,
        @DefaultValue("15m") Duration throttleWindow,
        @DefaultValue("30d") Duration rememberDevice,
        String demoPassword) {
}
