package jp.kawaraban.billing.stripe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpServer;

import jp.kawaraban.access.Plan;
import jp.kawaraban.access.SubscriptionState;
import jp.kawaraban.billing.CheckoutRequest;
import jp.kawaraban.billing.InvalidWebhookException;
import jp.kawaraban.billing.ProviderEvent;
import jp.kawaraban.billing.ProviderEvent.Kind;
import jp.kawaraban.member.MemberId;

/**
 * Webhooks are signed here the way Stripe signs them; checkout and portal sessions go to a
 * fake Stripe API on a local port, so nothing leaves the machine.
 */
class StripePaymentProviderTest {

    private static final String SECRET_KEY = "sk_test_kawaraban";
    private static final String WEBHOOK_SECRET = "whsec_kawaraban_test";
    private static final StripeProperties PROPERTIES = new StripeProperties(
            SECRET_KEY, WEBHOOK_SECRET, "price_monthly", "price_yearly", Duration.ofMinutes(5));

    /** The library's own API version: its typed objects are there. */
    private static final String CURRENT_API = Stripe.API_VERSION;
    /** An endpoint still on an older version: no typed object, fields where they used to be. */
    private static final String OLD_API = "2024-06-20";

    private static final MemberId MEMBER = new MemberId(java.util.UUID.fromString("0b6c1f0e-6f4a-4f61-9d3e-1c2b3a4d5e6f"));
    private static final String EVENT_ID = "evt_1QkawarabanTest0001";
    private static final long CREATED = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final long PERIOD_END = 1_769_904_000L; // 2026-02-01T00:00:00Z
    private static final long ENDED_AT = 1_767_312_000L;

    private HttpServer fakeStripe;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{}";
    private StripePaymentProvider provider;

    private record Request(String method, String path, String authorization, Map<String, String> form) {
    }

    @BeforeEach
    void startFakeStripe() throws IOException {
        fakeStripe = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fakeStripe.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), form(body)));
            byte[] bytes = answer.getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        fakeStripe.start();
        StripeClient client = StripeClient.builder()
                .setApiKey(SECRET_KEY)
                .setApiBase("http://127.0.0.1:" + fakeStripe.getAddress().getPort())
                .setMaxNetworkRetries(0)
                .build();
        provider = new StripePaymentProvider(PROPERTIES, client);
    }

    @AfterEach
    void stopFakeStripe() {
        fakeStripe.stop(0);
    }

    // --- checkout and portal ---------------------------------------------------------------

    @Test
    void newMemberChecksOutBySubscriptionWithTheirEmailInJapanese() {
        answer = """
                {"id": "cs_test_a1", "object": "checkout.session", "mode": "subscription",
                 "url": "https://checkout.stripe.com/c/pay/cs_test_a1"}
                """;
        URI checkout = provider.startCheckout(new CheckoutRequest(MEMBER, "hanako@example.jp", Plan.YEARLY, null, null,
                URI.create("https://kawaraban.example/billing/done"), URI.create("https://kawaraban.example/plans")));

        assertThat(checkout).isEqualTo(URI.create("https://checkout.stripe.com/c/pay/cs_test_a1"));
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/checkout/sessions");
            assertThat(request.authorization()).isEqualTo("Bearer " + SECRET_KEY);
            assertThat(request.form())
                    .containsEntry("mode", "subscription")
                    .containsEntry("line_items[0][price]", "price_yearly")
                    .containsEntry("line_items[0][quantity]", "1")
                    .containsEntry("client_reference_id", MEMBER.toString())
                    .containsEntry("metadata[member]", MEMBER.toString())
                    .containsEntry("metadata[plan]", "YEARLY")
                    .containsEntry("subscription_data[metadata][member]", MEMBER.toString())
                    .containsEntry("subscription_data[metadata][plan]", "YEARLY")
                    .containsEntry("customer_email", "hanako@example.jp")
                    .containsEntry("success_url", "https://kawaraban.example/billing/done")
                    .containsEntry("cancel_url", "https://kawaraban.example/plans")
                    .containsEntry("locale", "ja")
                    .doesNotContainKey("customer")
                    .doesNotContainKey("subscription_data[trial_end]");
        });
    }

    /** A member paying during a campaign trial: Stripe charges nothing before it ends. */
    private static final Instant TRIAL_END = Instant.parse("2026-12-25T00:00:00Z");

    @Test
    void returningMemberChecksOutAsTheExistingCustomer() {
        answer = """
                {"id": "cs_test_a2", "object": "checkout.session", "url": "https://checkout.stripe.com/c/pay/cs_test_a2"}
                """;
        provider.startCheckout(new CheckoutRequest(MEMBER, "hanako@example.jp", Plan.MONTHLY, "cus_Q1kawaraban", TRIAL_END,
                URI.create("https://kawaraban.example/billing/done"), URI.create("https://kawaraban.example/plans")));

        assertThat(requests).singleElement().extracting(Request::form).satisfies(form -> assertThat(form)
                .containsEntry("customer", "cus_Q1kawaraban")
                .containsEntry("line_items[0][price]", "price_monthly")
                .containsEntry("metadata[plan]", "MONTHLY")
                .containsEntry("subscription_data[trial_end]", String.valueOf(TRIAL_END.getEpochSecond()))
                .doesNotContainKey("customer_email"));
    }

    @Test
    void theAdministratorsPriceIdIsChargedInsteadOfTheConfiguredOne() {
        answer = """
                {"id": "cs_test_a3", "object": "checkout.session", "url": "https://checkout.stripe.com/c/pay/cs_test_a3"}
                """;
        provider.startCheckout(new CheckoutRequest(MEMBER, "hanako@example.jp", Plan.MONTHLY, null, null,
                URI.create("https://kawaraban.example/billing/done"), URI.create("https://kawaraban.example/plans"),
                "price_1NewMonthly2400"));

        assertThat(requests).singleElement().extracting(Request::form).satisfies(form -> assertThat(form)
                .containsEntry("line_items[0][price]", "price_1NewMonthly2400"));
    }

    @Test
    void aSubscriptionEndedByTheDeskIsCancelledAtStripeAndOneAlreadyGoneIsNoError() {
        answer = """
                {"id": "sub_Q1kawaraban", "object": "subscription", "status": "canceled"}
                """;
        provider.cancel("sub_Q1kawaraban");
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("DELETE");
            assertThat(request.path()).isEqualTo("/v1/subscriptions/sub_Q1kawaraban");
        });

        status = 404;
        answer = """
                {"error": {"type": "invalid_request_error", "code": "resource_missing",
                 "message": "No such subscription: 'sub_gone'"}}
                """;
        provider.cancel("sub_gone");
    }

    @Test
    void customerPortalIsOpenedForTheCustomerWithTheWayBack() {
        answer = """
                {"id": "bps_1", "object": "billing_portal.session", "customer": "cus_Q1kawaraban",
                 "url": "https://billing.stripe.com/p/session/test_1"}
                """;
        URI portal = provider.customerPortal("cus_Q1kawaraban", URI.create("https://kawaraban.example/account"));

        assertThat(portal).isEqualTo(URI.create("https://billing.stripe.com/p/session/test_1"));
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v1/billing_portal/sessions");
            assertThat(request.form())
                    .containsEntry("customer", "cus_Q1kawaraban")
                    .containsEntry("return_url", "https://kawaraban.example/account")
                    .containsEntry("locale", "ja");
        });
    }

    @Test
    void aRefusedCheckoutFailsWithoutTheSecretKey() {
        status = 400;
        answer = """
                {"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "line_items[0][price]",
                 "message": "No such price: 'price_yearly'"}}
                """;
        assertThatThrownBy(() -> provider.startCheckout(new CheckoutRequest(MEMBER, "hanako@example.jp", Plan.YEARLY,
                null, null, URI.create("https://kawaraban.example/done"), URI.create("https://kawaraban.example/plans"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No such price")
                .hasMessageNotContaining(SECRET_KEY);
    }

    // --- webhooks: what each event means ----------------------------------------------------

    @Test
    void typedEventObjectIsMissingForOtherApiVersionsWhichIsWhyRawJsonIsRead() throws Exception {
        String current = event("customer.updated", CURRENT_API, "{\"id\": \"cus_1\", \"object\": \"customer\"}");
        String old = event("customer.updated", OLD_API, "{\"id\": \"cus_1\", \"object\": \"customer\"}");

        assertThat(Webhook.constructEvent(current, sign(current, now(), WEBHOOK_SECRET), WEBHOOK_SECRET)
                .getDataObjectDeserializer().getObject()).isPresent();
        assertThat(Webhook.constructEvent(old, sign(old, now(), WEBHOOK_SECRET), WEBHOOK_SECRET)
                .getDataObjectDeserializer().getObject()).isEmpty();
    }

    @Test
    void completedCheckoutNamesMemberCustomerSubscriptionAndPlan() {
        ProviderEvent event = read(event("checkout.session.completed", CURRENT_API, """
                {"id": "cs_test_a1", "object": "checkout.session", "client_reference_id": "%s",
                 "customer": "cus_Q1kawaraban", "customer_details": {"email": "hanako@example.jp"},
                 "locale": "ja", "metadata": {"member": "%s", "plan": "YEARLY"}, "mode": "subscription",
                 "payment_status": "paid", "status": "complete", "subscription": "sub_Q1kawaraban", "url": null}
                """.formatted(MEMBER, MEMBER)));

        assertThat(event).isEqualTo(new ProviderEvent(EVENT_ID, Instant.ofEpochSecond(CREATED), Kind.CHECKOUT_COMPLETED,
                MEMBER, "cus_Q1kawaraban", "sub_Q1kawaraban", Plan.YEARLY, SubscriptionState.ACTIVE, null));
    }

    @Test
    void completedCheckoutFindsTheMemberInMetadataWithoutClientReference() {
        ProviderEvent event = read(event("checkout.session.completed", OLD_API, """
                {"id": "cs_test_a1", "object": "checkout.session", "client_reference_id": null,
                 "customer": "cus_Q1kawaraban", "metadata": {"member": "%s", "plan": "monthly"},
                 "mode": "subscription", "subscription": "sub_Q1kawaraban"}
                """.formatted(MEMBER)));

        assertThat(event.member()).isEqualTo(MEMBER);
        assertThat(event.plan()).isEqualTo(Plan.MONTHLY);
    }

    @Test
    void completedPaymentCheckoutSellsNoSubscription() {
        ProviderEvent event = read(event("checkout.session.completed", CURRENT_API, """
                {"id": "cs_test_p1", "object": "checkout.session", "customer": null, "metadata": {},
                 "mode": "payment", "subscription": null}
                """));

        assertThat(event.kind()).isEqualTo(Kind.IGNORED);
    }

    @ParameterizedTest
    @CsvSource({
            "trialing, TRIALING",
            "active, ACTIVE",
            "past_due, PAST_DUE",
            "unpaid, PAST_DUE",
            "canceled, CANCELED",
            "incomplete_expired, EXPIRED",
            "paused, EXPIRED"})
    void subscriptionStatusBecomesState(String stripeStatus, SubscriptionState state) {
        ProviderEvent event = read(event("customer.subscription.updated", CURRENT_API,
                subscription(stripeStatus, false, null)));

        assertThat(event).isEqualTo(new ProviderEvent(EVENT_ID, Instant.ofEpochSecond(CREATED), Kind.SUBSCRIPTION_CHANGED,
                MEMBER, "cus_Q1kawaraban", "sub_Q1kawaraban", Plan.MONTHLY, state, Instant.ofEpochSecond(PERIOD_END)));
    }

    @Test
    void createdSubscriptionIsAChange() {
        ProviderEvent event = read(event("customer.subscription.created", CURRENT_API, subscription("trialing", false, null)));

        assertThat(event.kind()).isEqualTo(Kind.SUBSCRIPTION_CHANGED);
        assertThat(event.state()).isEqualTo(SubscriptionState.TRIALING);
    }

    @Test
    void cancellationAtPeriodEndKeepsAccessUntilThen() {
        ProviderEvent event = read(event("customer.subscription.updated", CURRENT_API, subscription("active", true, null)));

        assertThat(event.state()).isEqualTo(SubscriptionState.CANCELED);
        assertThat(event.periodEnd()).isEqualTo(Instant.ofEpochSecond(PERIOD_END));
    }

    @Test
    void cancellationScheduledByDateIsACancellationToo() {
        ProviderEvent event = read(event("customer.subscription.updated", CURRENT_API,
                subscription("active", false, PERIOD_END)));

        assertThat(event.state()).isEqualTo(SubscriptionState.CANCELED);
    }

    @Test
    void incompleteSubscriptionIsNotActedOn() {
        ProviderEvent event = read(event("customer.subscription.created", CURRENT_API, subscription("incomplete", false, null)));

        assertThat(event.kind()).isEqualTo(Kind.IGNORED);
        assertThat(event.eventId()).isEqualTo(EVENT_ID);
    }

    @Test
    void oldApiVersionGivesThePeriodEndOnTheSubscription() {
        ProviderEvent event = read(event("customer.subscription.updated", OLD_API, """
                {"id": "sub_Q1kawaraban", "object": "subscription", "cancel_at": null, "cancel_at_period_end": false,
                 "current_period_end": %d, "current_period_start": %d, "customer": "cus_Q1kawaraban",
                 "items": {"object": "list", "data": [{"id": "si_1", "object": "subscription_item",
                           "price": {"id": "price_monthly", "object": "price"}}], "has_more": false},
                 "metadata": {"member": "%s", "plan": "MONTHLY"}, "status": "active"}
                """.formatted(PERIOD_END, CREATED, MEMBER)));

        assertThat(event.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(event.periodEnd()).isEqualTo(Instant.ofEpochSecond(PERIOD_END));
        assertThat(event.member()).isEqualTo(MEMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {CURRENT_API, OLD_API})
    void deletedSubscriptionEnds(String apiVersion) {
        String deleted = subscription("canceled", false, null)
                .replace("\"ended_at\": null", "\"ended_at\": " + ENDED_AT);
        ProviderEvent event = read(event("customer.subscription.deleted", apiVersion, deleted));

        assertThat(event).isEqualTo(new ProviderEvent(EVENT_ID, Instant.ofEpochSecond(CREATED), Kind.SUBSCRIPTION_ENDED,
                MEMBER, "cus_Q1kawaraban", "sub_Q1kawaraban", Plan.MONTHLY, SubscriptionState.EXPIRED,
                Instant.ofEpochSecond(ENDED_AT)));
    }

    @Test
    void failedRenewalMakesTheSubscriptionPastDue() {
        ProviderEvent event = read(event("invoice.payment_failed", CURRENT_API, """
                {"id": "in_1Qkawaraban", "object": "invoice", "billing_reason": "subscription_cycle",
                 "customer": "cus_Q1kawaraban", "status": "open",
                 "parent": {"type": "subscription_details", "quote_details": null,
                            "subscription_details": {"metadata": {"member": "%s", "plan": "MONTHLY"},
                                                     "subscription": "sub_Q1kawaraban"}}}
                """.formatted(MEMBER)));

        assertThat(event).isEqualTo(new ProviderEvent(EVENT_ID, Instant.ofEpochSecond(CREATED), Kind.SUBSCRIPTION_CHANGED,
                MEMBER, "cus_Q1kawaraban", "sub_Q1kawaraban", Plan.MONTHLY, SubscriptionState.PAST_DUE, null));
    }

    @Test
    void failedRenewalOnAnOldApiVersionFindsTheSubscriptionAtTheTop() {
        ProviderEvent event = read(event("invoice.payment_failed", OLD_API, """
                {"id": "in_1Qkawaraban", "object": "invoice", "billing_reason": "subscription_cycle",
                 "customer": "cus_Q1kawaraban", "status": "open", "subscription": "sub_Q1kawaraban",
                 "subscription_details": {"metadata": {"member": "%s", "plan": "YEARLY"}}}
                """.formatted(MEMBER)));

        assertThat(event.kind()).isEqualTo(Kind.SUBSCRIPTION_CHANGED);
        assertThat(event.subscriptionRef()).isEqualTo("sub_Q1kawaraban");
        assertThat(event.member()).isEqualTo(MEMBER);
        assertThat(event.plan()).isEqualTo(Plan.YEARLY);
        assertThat(event.state()).isEqualTo(SubscriptionState.PAST_DUE);
    }

    @Test
    void failedFirstPaymentOrInvoiceWithoutSubscriptionIsNotActedOn() {
        ProviderEvent first = read(event("invoice.payment_failed", CURRENT_API, """
                {"id": "in_1", "object": "invoice", "billing_reason": "subscription_create", "customer": "cus_Q1kawaraban",
                 "parent": {"type": "subscription_details",
                            "subscription_details": {"metadata": {}, "subscription": "sub_Q1kawaraban"}}}
                """));
        ProviderEvent oneOff = read(event("invoice.payment_failed", CURRENT_API, """
                {"id": "in_2", "object": "invoice", "billing_reason": "manual", "customer": "cus_Q1kawaraban",
                 "parent": null}
                """));

        assertThat(first.kind()).isEqualTo(Kind.IGNORED);
        assertThat(oneOff.kind()).isEqualTo(Kind.IGNORED);
    }

    @Test
    void otherEventsAreOnlyAcknowledged() {
        ProviderEvent event = read(event("customer.updated", CURRENT_API, """
                {"id": "cus_Q1kawaraban", "object": "customer", "email": "hanako@example.jp"}
                """));

        assertThat(event).isEqualTo(new ProviderEvent(EVENT_ID, Instant.ofEpochSecond(CREATED), Kind.IGNORED,
                null, null, null, null, null, null));
    }

    // --- webhooks that must not be believed -------------------------------------------------

    @Test
    void signatureWithAnotherSecretIsRefused() {
        String payload = event("customer.subscription.updated", CURRENT_API, subscription("active", false, null));

        assertRefused(payload, sign(payload, now(), "whsec_someone_else"), "signature rejected");
    }

    @Test
    void tamperedPayloadIsRefused() {
        String payload = event("customer.subscription.updated", CURRENT_API, subscription("past_due", false, null));
        String header = sign(payload, now(), WEBHOOK_SECRET);

        assertRefused(payload.replace("past_due", "active"), header, "signature rejected");
    }

    @Test
    void signatureOlderThanTheToleranceIsRefused() {
        String payload = event("customer.subscription.updated", CURRENT_API, subscription("active", false, null));

        assertRefused(payload, sign(payload, now() - Duration.ofMinutes(6).toSeconds(), WEBHOOK_SECRET), "Timestamp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not a signature", "t=1767225600"})
    void malformedSignatureHeaderIsRefused(String header) {
        assertRefused(event("customer.updated", CURRENT_API, "{}"), header, "Stripe");
    }

    @Test
    void missingSignatureHeaderIsRefused() {
        assertRefused(event("customer.updated", CURRENT_API, "{}"), null, "Stripe-Signature header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "", "[1, 2]", "{\"id\": \"evt_1\", \"data\": {\"object\": {}}",
            "{\"id\": \"evt_1\", \"created\": 1767225600, \"type\": \"customer.updated\", \"data\": {}}",
            "{\"object\": \"event\", \"data\": {\"object\": {}}}"})
    void correctlySignedNonEventIsRefused(String payload) {
        assertRefused(payload, sign(payload, now(), WEBHOOK_SECRET), "payload");
    }

    // --- settings -------------------------------------------------------------------------

    @Test
    void missingSettingsFailAtStartup() {
        assertThatThrownBy(() -> new StripePaymentProvider(
                new StripeProperties("", WEBHOOK_SECRET, "price_monthly", "price_yearly", Duration.ofMinutes(5))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secret-key");
        assertThatThrownBy(() -> new StripePaymentProvider(
                new StripeProperties(SECRET_KEY, null, "price_monthly", "price_yearly", Duration.ofMinutes(5))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("webhook-secret");
        assertThatThrownBy(() -> new StripePaymentProvider(
                new StripeProperties(SECRET_KEY, WEBHOOK_SECRET, "price_monthly", " ", Duration.ofMinutes(5))))
                .hasMessageContaining("yearly-price");
        // A zero tolerance would switch off Stripe's replay check.
        assertThatThrownBy(() -> new StripePaymentProvider(
                new StripeProperties(SECRET_KEY, WEBHOOK_SECRET, "price_monthly", "price_yearly", Duration.ZERO)))
                .hasMessageContaining("webhook-tolerance");
    }

    @Test
    void settingsPrintWithoutSecrets() {
        assertThat(PROPERTIES.toString())
                .contains("price_monthly")
                .doesNotContain(SECRET_KEY)
                .doesNotContain(WEBHOOK_SECRET);
    }

    // --- helpers ----------------------------------------------------------------------------

    private ProviderEvent read(String payload) {
        return provider.readWebhook(payload, sign(payload, now(), WEBHOOK_SECRET));
    }

    private void assertRefused(String payload, String header, String why) {
        assertThatThrownBy(() -> provider.readWebhook(payload, header))
                .isInstanceOf(InvalidWebhookException.class)
                .hasMessageContaining(why)
                .hasMessageNotContaining(WEBHOOK_SECRET);
    }

    private static String event(String type, String apiVersion, String object) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "%s",
                  "created": %d,
                  "data": {
                    "object": %s
                  },
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": null, "idempotency_key": null},
                  "type": "%s"
                }
                """.formatted(EVENT_ID, apiVersion, CREATED, object, type);
    }

    /** A subscription as current API versions send it: the period on its item. */
    private static String subscription(String status, boolean cancelAtPeriodEnd, Long cancelAt) {
        return """
                {"id": "sub_Q1kawaraban", "object": "subscription", "billing_mode": {"type": "flexible"},
                 "cancel_at": %s, "cancel_at_period_end": %s, "canceled_at": null, "created": %d,
                 "customer": "cus_Q1kawaraban", "ended_at": null,
                 "items": {"object": "list", "has_more": false, "url": "/v1/subscription_items?subscription=sub_Q1kawaraban",
                           "data": [{"id": "si_Q1kawaraban", "object": "subscription_item", "quantity": 1,
                                     "current_period_start": %d, "current_period_end": %d,
                                     "price": {"id": "price_monthly", "object": "price", "currency": "jpy",
                                               "unit_amount": 1800, "recurring": {"interval": "month", "interval_count": 1}}}]},
                 "latest_invoice": "in_1Qkawaraban", "livemode": false,
                 "metadata": {"member": "%s", "plan": "MONTHLY"}, "status": "%s", "trial_end": null}
                """.formatted(cancelAt, cancelAtPeriodEnd, CREATED, CREATED, PERIOD_END, MEMBER, status);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    /** Stripe's signature: HMAC-SHA256 of {@code <t>.<payload>} with the endpoint's secret, in hex. */
    private static String sign(String payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestamp + "." + payload).getBytes(UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), UTF_8), URLDecoder.decode(pair.substring(equals + 1), UTF_8));
            }
        }
        return form;
    }
}
