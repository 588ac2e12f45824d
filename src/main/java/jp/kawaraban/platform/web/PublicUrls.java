package jp.kawaraban.platform.web;

import java.util.Optional;

import jp.kawaraban.platform.DemoMode;
import jp.kawaraban.platform.settings.Setting;
import jp.kawaraban.platform.settings.Settings;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The site's public address, for every absolute link: canonical links, feeds, share links,
 * mails, checkout's return addresses. In order: the address setup stored, then
 * {@code kawaraban.site.base-url}; with neither, a demo takes the address the browser used
 * (or, outside a request, this server's port), so a demo started on another port links to
 * itself. Outside demo mode a set-up site never gets that far: it does not start without an
 * address ({@code setup.internal.AddressCheck}).
 */
@Component
public class PublicUrls {

    static final String PROPERTY = "kawaraban.site.base-url";

    private final Environment environment;
    private final Settings settings;
    private final DemoMode demo;

    PublicUrls(Environment environment, Settings settings, DemoMode demo) {
        this.environment = environment;
        this.settings = settings;
        this.demo = demo;
    }

    public String url(String path) {
        return base() + (path.startsWith("/") ? path : "/" + path);
    }

    /** The address without a trailing slash, e.g. {@code https://news.example.jp}. */
    public String base() {
        return known().orElseGet(this::guessed);
    }

    /** The address setup stored or the property names; empty when it would be guessed. */
    public Optional<String> known() {
        Optional<String> stored = settings.stored(Setting.BASE_URL);
        if (stored.isPresent()) {
            return stored.map(PublicUrls::withoutSlash);
        }
        String configured = environment.getProperty(PROPERTY);
        return StringUtils.hasText(configured) ? Optional.of(withoutSlash(configured.strip())) : Optional.empty();
    }

    private String guessed() {
        if (demo.enabled() && RequestContextHolder.getRequestAttributes() != null) {
            // Demo mode only: the Host header is the client's word, which a real site must not take for links in mails.
            return withoutSlash(ServletUriComponentsBuilder.fromCurrentContextPath().replaceQuery(null).build().toUriString());
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    private static String withoutSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A value as one URL path segment (a keyword in {@code /keywords/{name}}, a {@code next} address). */
    public static String encodePath(String value) {
        // RFC 3986 wants spaces as %20, never '+', which mail clients show literally.
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
