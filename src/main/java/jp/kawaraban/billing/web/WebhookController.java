package jp.kawaraban.billing.web;

import java.util.Map;

import jp.kawaraban.billing.Billing;
import jp.kawaraban.billing.InvalidWebhookException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment provider's webhook. Answers 400 to anything not signed by the provider (it
 * will not retry those), 200 to everything else, including replays, so the provider stops
 * sending them.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final Billing billing;

    WebhookController(Billing billing) {
        this.billing = billing;
    }

    @PostMapping(path = "/billing/webhooks/stripe", produces = "application/json")
    ResponseEntity<Map<String, String>> stripe(@RequestBody String payload,
                                               @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        try {
            return ResponseEntity.ok(Map.of("outcome", billing.receiveWebhook(payload, signature).name()));
        } catch (InvalidWebhookException refused) {
            log.warn("Webhook refused: {}", refused.getMessage());
            return ResponseEntity.badRequest().body(Map.of("error", refused.getMessage()));
        }
    }
}
