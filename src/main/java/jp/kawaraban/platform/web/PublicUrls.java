package jp.kawaraban.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links for places that have no request to build them from: mails, webhooks'
 * return addresses. Reads the same setting as the site's canonical links.
 */
@Component
public class PublicUrls {

    private final String base;

    PublicUrls(@Value("${kawaraban.site.base-url:http://localhost:8080}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String url(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /** A value as one URL path segment (a keyword in {@code /keywords/{name}}, a {@code next} address). */
    public static String encodePath(String value) {
        // RFC 3986 wants spaces as %20, never '+', which mail clients show literally.
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
