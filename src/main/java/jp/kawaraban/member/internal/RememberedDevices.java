package jp.kawaraban.member.internal;

import java.sql.Timestamp;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;

/**
 * "Keep me logged in on this device": a series that stays with the device and a token that
 * changes each time the device logs itself back in, so a copied cookie shows itself when both
 * copies are used (then every remembered device of the member is forgotten).
 *
 * <p>A reopened browser restores its tabs all at once, each with the same cookie and no
 * session yet, so each logs in by itself. Spring Security's version lets the first change the
 * token and takes the others, still holding the old one, for a stolen cookie: they answered
 * 500 and the member was logged out of every device. Here the token changes only if it is still
 * the one that was read (compare and set), and a request presenting the token that was current
 * until a moment ago ({@link #SIBLINGS}) is one of those tabs: it logs in and is handed the
 * current token. Anything older is treated as a copy, as before, but the reader gets the log-in
 * page rather than an error.
 */
class RememberedDevices extends PersistentTokenBasedRememberMeServices {

    /** How long after a token changed the one before it is still taken, for tabs sent together. */
    static final Duration SIBLINGS = Duration.ofSeconds(20);

    private static final Log LOG = LogFactory.getLog(RememberedDevices.class);

    private final PersistentTokenRepository tokens;
    private final JdbcClient jdbc;

    RememberedDevices(String key, UserDetailsService users, PersistentTokenRepository tokens, JdbcClient jdbc) {
        super(key, users, tokens);
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    @Override
    protected UserDetails processAutoLoginCookie(String[] cookie, HttpServletRequest request,
                                                 HttpServletResponse response) {
        if (cookie.length != 2) {
            throw new InvalidCookieException("a remember-me cookie has a series and a token");
        }
        String series = cookie[0];
        String presented = cookie[1];
        PersistentRememberMeToken stored = tokens.getTokenForSeries(series);
        if (stored == null) {
            throw new RememberMeAuthenticationException("no remembered device with this series");
        }
        long now = System.currentTimeMillis();
        if (stored.getDate().getTime() + getTokenValiditySeconds() * 1000L < now) {
            throw new RememberMeAuthenticationException("the remembered device has expired");
        }
        if (presented.equals(stored.getTokenValue())) {
            String next = generateTokenData();
            int changed = jdbc.sql("UPDATE persistent_logins SET token = ?, last_used = ? WHERE series = ? AND token = ?")
                    .params(next, new Timestamp(now), series, presented).update();
            String current = changed == 1 ? next : currentToken(series, next);
            setCookie(new String[] {series, current}, getTokenValiditySeconds(), request, response);
        } else if (now - stored.getDate().getTime() <= SIBLINGS.toMillis()) {
            // Another tab of this browser changed the token a moment ago; this one follows it.
            setCookie(new String[] {series, stored.getTokenValue()}, getTokenValiditySeconds(), request, response);
        } else {
            tokens.removeUserTokens(stored.getUsername());
            LOG.warn("An old remember-me token was presented for a device of member " + stored.getUsername()
                    + ": the cookie may have been copied; all of the member's remembered devices are forgotten");
            throw new RememberMeAuthenticationException("an old token of a remembered device");
        }
        return getUserDetailsService().loadUserByUsername(stored.getUsername());
    }

    /** The token another request of the same device has just put in place of the one it read. */
    private String currentToken(String series, String fallback) {
        PersistentRememberMeToken now = tokens.getTokenForSeries(series);
        return now == null ? fallback : now.getTokenValue();
    }
}
