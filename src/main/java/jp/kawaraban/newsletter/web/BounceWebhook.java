package jp.kawaraban.newsletter.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import jp.kawaraban.newsletter.Bounces;
import jp.kawaraban.newsletter.NewsletterProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /newsletters/webhooks/bounce}: a mail provider (or a relay's hook) reports a
 * hard bounce or a complaint as JSON {@code {"email": "...", "type": "bounce"|"complaint",
 * "detail": "..."}}, authenticated by {@code Authorization: Bearer <webhook token>}. No session,
 * so no CSRF. Off (404) until a token is configured.
 */
@RestController
class BounceWebhook {

    private final Bounces bounces;
    private final NewsletterProperties properties;

    BounceWebhook(Bounces bounces, NewsletterProperties properties) {
        this.bounces = bounces;
        this.properties = properties;
    }

    record Report(String email, String type, String detail) {
    }

    @PostMapping(path = "/newsletters/webhooks/bounce", produces = "application/json")
    ResponseEntity<Map<String, String>> report(@RequestHeader(name = "Authorization", required = false) String authorization,
                                               @RequestBody(required = false) Report report) {
        String expected = properties.webhookToken();
        if (expected.isBlank()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not enabled"));
        }
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !MessageDigest.isEqual(authorization.substring(7).getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "token"));
        }
        if (report == null || report.email() == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "email missing"));
        }
        Bounces.Kind kind = "complaint".equalsIgnoreCase(report.type()) ? Bounces.Kind.COMPLAINT : Bounces.Kind.BOUNCE;
        if (!bounces.suppress(report.email(), kind, report.detail(), "webhook")) {
            return ResponseEntity.badRequest().body(Map.of("error", "email invalid"));
        }
        return ResponseEntity.ok(Map.of("outcome", "SUPPRESSED"));
    }
}
