package jp.kawaraban.billing;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe webhooks end to end: signed payloads built here, posted to the running
 * application's endpoint, and their effect on the member's access. Replays and late events
 * change nothing; unsigned ones are refused. The one test application with Stripe as its
 * payment provider instead of the demo one: a second application context (on the same
 * PostgreSQL server, with a database of its own), configured as a newspaper taking payments
 * would be, without the demo edition (which nothing here reads). Nothing else uses that
 * application, so this class may run beside the others ({@code junit-platform.properties}).
 */
@KawarabanTest
@Execution(ExecutionMode.CONCURRENT)
@TestPropertySource(properties = {
        "kawaraban.demo=false",
        "kawaraban.billing.stripe.secret-key=sk_test_kawaraban",
        "kawaraban.billing.stripe.webhook-secret=" + StripeWebhookTest.SECRET,
        "kawaraban.billing.stripe.monthly-price=price_monthly",
        "kawaraban.billing.stripe.yearly-price=price_yearly"})
class StripeWebhookTest {

    static final String SECRET = "whsec_test_kawaraban";
    private static final String API = "2026-07-29.dahlia";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Entitlements entitlements;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCompletedCheckoutGivesPaidAccessOnceEvenWhenReplayed() {
        Member member = member();
        String completed = event("evt_" + UUID.randomUUID(), 1_800_000_000L, "checkout.session.completed", """
                {"id": "cs_1", "object": "checkout.session", "client_reference_id": "%s", "customer": "cus_%s",
                 "metadata": {"member": "%s", "plan": "YEARLY"}, "mode": "subscription", "subscription": "sub_%s"}
                """.formatted(member.id(), tag(member), member.id(), tag(member)));
        var stripe = new WebSession(port);
        assertThat(outcome(stripe.postJson("/billing/webhooks/stripe", completed, signed(completed)))).isEqualTo("APPLIED");
        assertThat(entitlements.hasPaidAccess(member.id())).isTrue();
        assertThat(audits(member)).isEqualTo(1);

        assertThat(outcome(stripe.postJson("/billing/webhooks/stripe", completed, signed(completed)))).isEqualTo("DUPLICATE");
        assertThat(audits(member)).as("a replay changes nothing").isEqualTo(1);
    }

    @Test
    void anEventOlderThanTheLastAppliedChangesNothing() {
        Member member = member();
        var stripe = new WebSession(port);
        String canceled = subscriptionEvent(member, "customer.subscription.deleted", "canceled", 1_800_000_100L);
        String lateActive = subscriptionEvent(member, "customer.subscription.updated", "active", 1_800_000_050L);
        String created = subscriptionEvent(member, "customer.subscription.created", "active", 1_800_000_000L);
        assertThat(outcome(stripe.postJson("/billing/webhooks/stripe", created, signed(created)))).isEqualTo("APPLIED");
        assertThat(entitlements.hasPaidAccess(member.id())).isTrue();
        assertThat(outcome(stripe.postJson("/billing/webhooks/stripe", canceled, signed(canceled)))).isEqualTo("APPLIED");
        assertThat(entitlements.hasPaidAccess(member.id())).isFalse();
        assertThat(outcome(stripe.postJson("/billing/webhooks/stripe", lateActive, signed(lateActive)))).isEqualTo("UNCHANGED");
        assertThat(entitlements.hasPaidAccess(member.id())).as("the late 'active' does not revive it").isFalse();
        assertThat(jdbc.sql("SELECT to_state FROM access_subscription_audit WHERE member_id = ? ORDER BY id")
                .param(member.id().value()).query(String.class).list()).containsExactly("ACTIVE", "EXPIRED");
    }

    @Test
    void aFailedRenewalKeepsAccessWhileStripeRetries() {
        Member member = member();
        var stripe = new WebSession(port);
        String created = subscriptionEvent(member, "customer.subscription.created", "active", 1_800_000_000L);
        stripe.postJson("/billing/webhooks/stripe", created, signed(created));
        String pastDue = subscriptionEvent(member, "customer.subscription.updated", "past_due", 1_800_000_200L);
        assertThat(outcome(stripe.postJson("/billing/webhooks/stripe", pastDue, signed(pastDue)))).isEqualTo("APPLIED");
        assertThat(entitlements.hasPaidAccess(member.id())).isTrue();
        var page = WebSession.loggedIn(port, member.email(), KawarabanTest.DEMO_PASSWORD).page("/my/account");
        assertThat(page.selectFirst(".state").attr("data-state")).isEqualTo("PAST_DUE");
        assertThat(page.selectFirst(".state").text()).contains("お支払いが確認できていません");
    }

    @Test
    void unsignedOrForgedWebhooksAreRefusedAndChangeNothing() {
        Member member = member();
        String completed = event("evt_" + UUID.randomUUID(), 1_800_000_000L, "checkout.session.completed", """
                {"id": "cs_2", "object": "checkout.session", "client_reference_id": "%s", "customer": "cus_x",
                 "metadata": {"plan": "MONTHLY"}, "mode": "subscription", "subscription": "sub_x%s"}
                """.formatted(member.id(), tag(member)));
        var stripe = new WebSession(port);
        assertThat(stripe.postJson("/billing/webhooks/stripe", completed, Map.of()).statusCode()).isEqualTo(400);
        HttpResponse<String> forged = stripe.postJson("/billing/webhooks/stripe", completed,
                Map.of("Stripe-Signature", sign(completed, Instant.now().getEpochSecond(), "whsec_someone_else")));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(entitlements.hasPaidAccess(member.id())).isFalse();
        assertThat(audits(member)).isZero();
    }

    @Test
    void eventsForUnknownMembersOrOfOtherKindsAreAcknowledgedOnly() {
        var stripe = new WebSession(port);
        String other = event("evt_" + UUID.randomUUID(), 1_800_000_000L, "customer.updated", "{\"id\": \"cus_1\", \"object\": \"customer\"}");
        assertThat(outcome(stripe.postJson("/billing/webhooks/stripe", other, signed(other)))).isEqualTo("IGNORED");
        String stranger = event("evt_" + UUID.randomUUID(), 1_800_000_000L, "customer.subscription.updated", """
                {"id": "sub_unknown", "object": "subscription", "customer": "cus_unknown", "status": "active",
                 "metadata": {}, "items": {"object": "list", "data": [{"id": "si_1", "object": "subscription_item",
                 "current_period_end": 1800100000}]}}
                """);
        assertThat(outcome(stripe.postJson("/billing/webhooks/stripe", stranger, signed(stranger)))).isEqualTo("UNKNOWN_MEMBER");
    }

    private Member member() {
        return accounts.createVerified("stripe-" + UUID.randomUUID() + "@example.com", KawarabanTest.DEMO_PASSWORD,
                "購読 会員", Set.of());
    }

    private int audits(Member member) {
        return jdbc.sql("SELECT count(*) FROM access_subscription_audit WHERE member_id = ?")
                .param(member.id().value()).query(Integer.class).single();
    }

    private static String tag(Member member) {
        return member.id().toString().substring(0, 8);
    }

    private static String subscriptionEvent(Member member, String type, String status, long created) {
        return event("evt_" + UUID.randomUUID(), created, type, """
                {"id": "sub_%s", "object": "subscription", "customer": "cus_%s", "status": "%s",
                 "cancel_at_period_end": false, "metadata": {"member": "%s", "plan": "MONTHLY"},
                 "items": {"object": "list", "data": [{"id": "si_1", "object": "subscription_item",
                 "current_period_end": %d}]}}
                """.formatted(tag(member), tag(member), status, member.id(), created + 2_592_000L));
    }

    private static String event(String id, long created, String type, String object) {
        return """
                {"id": "%s", "object": "event", "api_version": "%s", "created": %d,
                 "data": {"object": %s}, "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null}, "type": "%s"}
                """.formatted(id, API, created, object, type);
    }

    private static String outcome(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body().replaceAll(".*\"outcome\"\\s*:\\s*\"([A-Z_]+)\".*", "$1").strip();
    }

    private static Map<String, String> signed(String payload) {
        return Map.of("Stripe-Signature", sign(payload, Instant.now().getEpochSecond(), SECRET));
    }

    /** Stripe's signature scheme: HMAC-SHA256 of {@code <t>.<payload>} with the endpoint secret. */
    private static String sign(String payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(
                    (timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
