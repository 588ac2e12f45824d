package jp.kawaraban.billing.stripe;

import static jp.kawaraban.access.SubscriptionState.ACTIVE;
import static jp.kawaraban.access.SubscriptionState.CANCELED;
import static jp.kawaraban.access.SubscriptionState.EXPIRED;
import static jp.kawaraban.access.SubscriptionState.PAST_DUE;
import static jp.kawaraban.access.SubscriptionState.TRIALING;

import java.net.URI;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.stripe.param.checkout.SessionCreateParams;

import jp.kawaraban.access.Plan;
import jp.kawaraban.access.SubscriptionState;
import jp.kawaraban.billing.CheckoutRequest;
import jp.kawaraban.billing.InvalidWebhookException;
import jp.kawaraban.billing.PaymentProvider;
import jp.kawaraban.billing.ProviderEvent;
import jp.kawaraban.billing.ProviderEvent.Kind;
import jp.kawaraban.member.MemberId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payments through Stripe Checkout, the Stripe customer portal and Stripe webhooks.
 *
 * <p>Webhooks are read from their raw JSON rather than stripe-java's typed objects: the typed
 * object is only there when the endpoint's API version is the library's, and fields have moved
 * between versions (the period end to subscription items, an invoice's subscription under
 * {@code parent}), so each is looked for where either version puts it.
 */
@Component
@ConditionalOnProperty(prefix = "kawaraban.billing.stripe", name = "secret-key")
class StripePaymentProvider implements PaymentProvider {

    // Checkout writes these on the session and the subscription so that every later event names its member.
    private static final String MEMBER = "member";
    private static final String PLAN = "plan";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final StripeProperties properties;
    private final StripeClient stripe;
    private final long toleranceSeconds;

    @Autowired
    StripePaymentProvider(StripeProperties properties) {
        this(properties, new StripeClient(properties.secretKey()));
    }

    StripePaymentProvider(StripeProperties properties, StripeClient stripe) {
        // Checked here, not in the properties: they are bound even when Stripe is not used.
        // The secret key too: the condition above lets a blank one through.
        require(properties.secretKey(), "secret-key");
        require(properties.webhookSecret(), "webhook-secret");
        require(properties.monthlyPrice(), "monthly-price");
        require(properties.yearlyPrice(), "yearly-price");
        // Stripe's library skips the age check for a tolerance of zero or less, which would let replays in.
        if (properties.webhookTolerance() == null || properties.webhookTolerance().toSeconds() <= 0) {
            throw new IllegalStateException("kawaraban.billing.stripe.webhook-tolerance must be at least one second");
        }
        this.properties = properties;
        this.stripe = stripe;
        this.toleranceSeconds = properties.webhookTolerance().toSeconds();
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("kawaraban.billing.stripe." + name + " is required to take payments through Stripe");
        }
    }

    @Override
    public String name() {
        return "stripe";
    }

    /** The subscription carries the member and plan, and starts charging when a running trial ends. */
    private static SessionCreateParams.SubscriptionData subscriptionData(CheckoutRequest request, String member, String plan) {
        var data = SessionCreateParams.SubscriptionData.builder().putMetadata(MEMBER, member).putMetadata(PLAN, plan);
        if (request.trialEndsAt() != null) {
            data.setTrialEnd(request.trialEndsAt().getEpochSecond());
        }
        return data.build();
    }

    @Override
    public URI startCheckout(CheckoutRequest request) {
        String member = request.member().toString();
        String plan = request.plan().name();
        SessionCreateParams.Builder session = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(price(request)).setQuantity(1L).build())
                .setClientReferenceId(member)
                .putMetadata(MEMBER, member)
                .putMetadata(PLAN, plan)
                .setSubscriptionData(subscriptionData(request, member, plan))
                .setSuccessUrl(request.successUrl().toString())
                .setCancelUrl(request.cancelUrl().toString())
                .setLocale(SessionCreateParams.Locale.JA);
        if (request.customerRef() != null) {
            session.setCustomer(request.customerRef());
        } else {
            session.setCustomerEmail(request.email());
        }
        try {
            return URI.create(stripe.v1().checkout().sessions().create(session.build()).getUrl());
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe did not open a checkout session: " + e.getMessage(), e);
        }
    }

    /** The price an administrator set on the plan, else the configured one. */
    private String price(CheckoutRequest request) {
        if (request.priceRef() != null && !request.priceRef().isBlank()) {
            return request.priceRef();
        }
        return price(request.plan());
    }

    @Override
    public void cancel(String subscriptionRef) {
        try {
            stripe.v1().subscriptions().cancel(subscriptionRef);
        } catch (com.stripe.exception.InvalidRequestException gone) {
            if (!"resource_missing".equals(gone.getCode())) {
                throw new IllegalStateException("Stripe did not cancel " + subscriptionRef + ": " + gone.getMessage(), gone);
            }
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe did not cancel " + subscriptionRef + ": " + e.getMessage(), e);
        }
    }

    private String price(Plan plan) {
        return switch (plan) {
            case MONTHLY -> properties.monthlyPrice();
            case YEARLY -> properties.yearlyPrice();
            case FREE -> throw new IllegalArgumentException("The free membership is not sold");
        };
    }

    @Override
    public URI customerPortal(String customerRef, URI returnTo) {
        var session = com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(customerRef)
                .setReturnUrl(returnTo.toString())
                .setLocale(com.stripe.param.billingportal.SessionCreateParams.Locale.JA)
                .build();
        try {
            return URI.create(stripe.v1().billingPortal().sessions().create(session).getUrl());
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe did not open a customer portal session: " + e.getMessage(), e);
        }
    }

    @Override
    public ProviderEvent readWebhook(String payload, String signatureHeader) {
        if (payload == null || signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidWebhookException("A Stripe webhook needs its payload and its Stripe-Signature header");
        }
        Event event;
        JsonNode object;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, properties.webhookSecret(), toleranceSeconds);
            object = JSON.readTree(event.getDataObjectDeserializer().getRawJson());
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhookException("Stripe webhook signature rejected: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Malformed events surface as whatever gson or a missing field throws, not as one exception type.
            throw new InvalidWebhookException("Stripe webhook payload is not a readable event", e);
        }
        if (event.getId() == null || event.getCreated() == null || event.getType() == null || !object.isObject()) {
            throw new InvalidWebhookException("Stripe webhook payload lacks an event id, time, type or object");
        }
        return read(event.getId(), Instant.ofEpochSecond(event.getCreated()), event.getType(), object);
    }

    private static ProviderEvent read(String id, Instant at, String type, JsonNode object) {
        return switch (type) {
            case "checkout.session.completed" -> checkoutCompleted(id, at, object);
            case "customer.subscription.created", "customer.subscription.updated" -> subscriptionChanged(id, at, object);
            case "customer.subscription.deleted" -> new ProviderEvent(id, at, Kind.SUBSCRIPTION_ENDED,
                    member(object.path("metadata")), text(object.path("customer")), text(object.path("id")),
                    plan(object.path("metadata")), EXPIRED, instant(object.path("ended_at")));
            case "invoice.payment_failed" -> paymentFailed(id, at, object);
            default -> ignored(id, at);
        };
    }

    private static ProviderEvent checkoutCompleted(String id, Instant at, JsonNode session) {
        // A payment-mode session (a payment link set up in the dashboard, say) sells no subscription.
        if (!"subscription".equals(text(session.path("mode")))) {
            return ignored(id, at);
        }
        JsonNode metadata = session.path("metadata");
        MemberId member = MemberId.parse(text(session.path("client_reference_id"))).orElseGet(() -> member(metadata));
        return new ProviderEvent(id, at, Kind.CHECKOUT_COMPLETED, member, text(session.path("customer")),
                text(session.path("subscription")), plan(metadata), ACTIVE, null);
    }

    private static ProviderEvent subscriptionChanged(String id, Instant at, JsonNode subscription) {
        // A cancellation the member asked for keeps the subscription active until the period ends;
        // newer API versions may schedule it with cancel_at instead of cancel_at_period_end.
        boolean cancelScheduled = subscription.path("cancel_at_period_end").booleanValue(false)
                || subscription.path("cancel_at").isNumber();
        SubscriptionState state = switch (text(subscription.path("status"))) {
            case "trialing" -> TRIALING;
            case "active" -> cancelScheduled ? CANCELED : ACTIVE;
            case "past_due", "unpaid" -> PAST_DUE;
            case "canceled" -> CANCELED;
            // paused: a trial ended without a card; no access until the member pays.
            case "incomplete_expired", "paused" -> EXPIRED;
            // incomplete: the first payment is still pending and gave no access yet; unknown: do not guess.
            case null, default -> null;
        };
        if (state == null) {
            return ignored(id, at);
        }
        // Before API 2025-03-31 the period was the subscription's; now it is each item's, and we sell
        // one price per subscription, so the first item's period is the subscription's.
        Instant periodEnd = instant(subscription.path("current_period_end"));
        if (periodEnd == null) {
            periodEnd = instant(subscription.path("items").path("data").path(0).path("current_period_end"));
        }
        JsonNode metadata = subscription.path("metadata");
        return new ProviderEvent(id, at, Kind.SUBSCRIPTION_CHANGED, member(metadata), text(subscription.path("customer")),
                text(subscription.path("id")), plan(metadata), state, periodEnd);
    }

    private static ProviderEvent paymentFailed(String id, Instant at, JsonNode invoice) {
        // Since API 2025-03-31 the subscription, with a copy of its metadata, is under parent; before, at the top.
        JsonNode details = invoice.path("parent").path("subscription_details");
        String subscription = details.isObject() ? text(details.path("subscription")) : text(invoice.path("subscription"));
        JsonNode metadata = details.isObject() ? details.path("metadata") : invoice.path("subscription_details").path("metadata");
        // A failed first payment leaves the subscription incomplete, not past due: it never gave access.
        if (subscription == null || "subscription_create".equals(text(invoice.path("billing_reason")))) {
            return ignored(id, at);
        }
        return new ProviderEvent(id, at, Kind.SUBSCRIPTION_CHANGED, member(metadata), text(invoice.path("customer")),
                subscription, plan(metadata), PAST_DUE, null);
    }

    private static ProviderEvent ignored(String id, Instant at) {
        return new ProviderEvent(id, at, Kind.IGNORED, null, null, null, null, null, null);
    }

    private static MemberId member(JsonNode metadata) {
        return MemberId.parse(text(metadata.path(MEMBER))).orElse(null);
    }

    private static Plan plan(JsonNode metadata) {
        return Plan.parse(text(metadata.path(PLAN))).orElse(null);
    }

    private static String text(JsonNode node) {
        return node.stringValue(null);
    }

    private static Instant instant(JsonNode node) {
        return node.isNumber() ? Instant.ofEpochSecond(node.longValue()) : null;
    }
}
