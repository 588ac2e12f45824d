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

    static String handle(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

}
