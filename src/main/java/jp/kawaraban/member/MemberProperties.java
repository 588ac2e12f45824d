package jp.kawaraban.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings.
 *
 * @param verifyLinkLifetime   how long a sign-up or change-of-email link works
 * @param resetLinkLifetime    how long a password-reset link works
 * @param loginFailuresPerAccount failed log-ins per account within {@code throttleWindow} before it waits
 * @param attemptsPerAddress   log-in, sign-up and reset attempts per client address within the window
 * @param resetsPerAccount     reset mails per account within the window
 * @param throttleWindow       the window those counts run over
 * @param rememberDevice       how long "remember this device" keeps a browser logged in
 * @param demoPassword         the demo accounts' password; generated and printed once when blank
 */
@ConfigurationProperties("kawaraban.member")
public record MemberProperties(
        @DefaultValue("48h") Duration verifyLinkLifetime,
        @DefaultValue("1h") Duration resetLinkLifetime,
        @DefaultValue("5") int loginFailuresPerAccount,
        @DefaultValue("30") int attemptsPerAddress,
        @DefaultValue("3") int resetsPerAccount,
        @DefaultValue("15m") Duration throttleWindow,
        @DefaultValue("30d") Duration rememberDevice,
        String demoPassword) {
}
