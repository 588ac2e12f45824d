package jp.kawaraban.platform.web;

/**
 * Where a reader may be sent back to after a detour (log-in, sign-up, the verification mail,
 * a trial): a path on this site, never another site. Browsers read {@code //evil.example} and
 * {@code /\evil.example} as other hosts, so anything but a single slash followed by a path
 * character is refused, and so are control characters (header splitting) and backslashes.
 */
public final class LocalPaths {

    /** Long enough for any page of the site with its query; longer is not ours. */
    private static final int MAX_LENGTH = 500;

    private LocalPaths() {
    }

    /** {@code path} when it is a local path that is safe to redirect to, else null. */
    public static String safe(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/') {
            return null;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return null;
        }
        // Braces too: Spring's redirect would read them as URI template variables.
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\' || c == '{' || c == '}')) {
            return null;
        }
        return path;
    }

    /** The query parameter {@code next=<path>} with a leading {@code &}, or "" when the path is not safe. */
    public static String nextParameter(String path) {
        String safe = safe(path);
        return safe == null ? "" : "&next=" + java.net.URLEncoder.encode(safe, java.nio.charset.StandardCharsets.UTF_8);
    }
}
