package jp.kawaraban.newsletter.internal;

import java.util.Optional;

/** What signed tokens say: {@code m:<email>} (manage) and {@code u:<newsletter>:<email>} (unsubscribe). */
public final class Payloads {

    private Payloads() {
    }

    public record Unsubscribe(String newsletter, String email) {
    }

    static String manage(String email) {
        return "m:" + email;
    }

    static String unsubscribe(String newsletter, String email) {
        return "u:" + newsletter + ":" + email;
    }

    public static Optional<String> manageEmail(String payload) {
        return payload.startsWith("m:") ? Optional.of(payload.substring(2)) : Optional.empty();
    }

    public static Optional<Unsubscribe> unsubscribe(String payload) {
        if (!payload.startsWith("u:")) {
            return Optional.empty();
        }
        int colon = payload.indexOf(':', 2);
        return colon < 0 ? Optional.empty()
                : Optional.of(new Unsubscribe(payload.substring(2, colon), payload.substring(colon + 1)));
    }
}
