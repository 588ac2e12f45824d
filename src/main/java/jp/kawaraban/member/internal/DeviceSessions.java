package jp.kawaraban.member.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import jp.kawaraban.member.Device;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.MemberPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A member's logged-in devices are their Spring Sessions in PostgreSQL, found by principal
 * name (the member id). Logging a device out deletes its session, on whichever node it was
 * created.
 */
@Component
public class DeviceSessions {

    /** Session attribute: what the browser said it was when it logged in. */
    public static final String DEVICE_ATTRIBUTE = "kawaraban.device";
    /** Session attribute: when the log-in happened. */
    public static final String LOGIN_AT_ATTRIBUTE = "kawaraban.loginAt";

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    DeviceSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    public List<Device> devices(MemberId member, String currentSessionId) {
        return sessions.findByPrincipalName(member.toString()).values().stream()
                .map(session -> new Device(handle(session.getId()),
                        session.getAttributeOrDefault(DEVICE_ATTRIBUTE, ""),
                        session.getAttributeOrDefault(LOGIN_AT_ATTRIBUTE, session.getCreationTime()),
                        session.getLastAccessedTime(),
                        session.getId().equals(currentSessionId)))
                .sorted(Comparator.comparing(Device::lastSeenAt).reversed())
                .toList();
    }

    /** @return whether a device of this member had that handle */
    public boolean logOut(MemberId member, String handle) {
        for (String id : sessions.findByPrincipalName(member.toString()).keySet()) {
            if (handle(id).equals(handle)) {
                sessions.deleteById(id);
                return true;
            }
        }
        return false;
    }

    public void logOutEverywhere(MemberId member) {
        sessions.findByPrincipalName(member.toString()).keySet().forEach(sessions::deleteById);
    }

    /**
     * Puts a changed account (roles granted or revoked) into every session of the member, so
     * the change holds on their next request on any node, without logging them out. Requests
     * do not write the security context back to the session (Spring Security saves it only at
     * log-in), so a request in flight does not undo this.
     */
    public void replacePrincipal(MemberId member, MemberPrincipal principal) {
        replacePrincipal(sessions, member, principal);
    }

    private static <S extends Session> void replacePrincipal(FindByIndexNameSessionRepository<S> sessions, MemberId member,
                                                             MemberPrincipal principal) {
        for (S session : sessions.findByPrincipalName(member.toString()).values()) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                    principal.getAuthorities()));
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            sessions.save(session);
        }
    }

    static String handle(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

}
