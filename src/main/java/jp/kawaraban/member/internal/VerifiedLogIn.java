package jp.kawaraban.member.internal;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kawaraban.member.Member;
import jp.kawaraban.member.MemberPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Logs a new member in on the browser that used their verification link: the link proves
 * they read the mail (as a password reset link does), and asking for the password they typed
 * a minute ago only sends them away from the article they signed up for. As a log-in by the
 * form does, it gives the session a new id (a session fixed by someone else before is not
 * theirs) and notes the device for the account page's list.
 */
@Component
public class VerifiedLogIn {

    private static final int DEVICE_DESCRIPTION_LENGTH = 200;

    private final MemberUserDetailsService users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final Clock clock;

    VerifiedLogIn(MemberUserDetailsService users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** @return whether the member is now logged in on this browser */
    public boolean logIn(Member member, HttpServletRequest request, HttpServletResponse response) {
        MemberPrincipal principal = (MemberPrincipal) users.loadUserByUsername(member.id().toString());
        if (!principal.isEnabled() || !principal.isAccountNonLocked()) {
            return false; // a disabled account logs in nowhere; the page then offers the log-in form
        }
        var session = request.getSession();
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        String agent = request.getHeader("User-Agent");
        session.setAttribute(DeviceSessions.DEVICE_ATTRIBUTE, agent == null ? ""
                : agent.substring(0, Math.min(agent.length(), DEVICE_DESCRIPTION_LENGTH)));
        session.setAttribute(DeviceSessions.LOGIN_AT_ATTRIBUTE, clock.instant());
        return true;
    }
}
