package jp.kawaraban.member.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers every answer of the site carries besides Spring Security's defaults (no MIME
 * sniffing, no framing, HSTS over HTTPS): a Content-Security-Policy and a Referrer-Policy.
 * A handler that sets its own policy keeps it (figure images, the newsletter preview).
 *
 * <p>Scripts and styles come only from the site's own files. There is no inline script or
 * style on any page, so neither needs {@code 'unsafe-inline'}, and no nonce: anonymous pages
 * are cached publicly, and a nonce served to every reader from a cache is no secret. The
 * JSON-LD block is data, which the browser does not run and the policy does not cover. htmx's
 * only inline style (its request indicator) is switched off in the layout and its rules live in
 * {@code site.css}; its eval-based features are switched off too. Forms post to this site
 * only, but the two payment forms end in a redirect to Stripe's checkout and customer portal,
 * which Chromium checks against {@code form-action} as well.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self' https://checkout.stripe.com https://billing.stripe.com");

    private SecurityHeaders() {
    }

    static void add(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }
}
