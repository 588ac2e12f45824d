package jp.kawaraban.billing.demo;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import jp.kawaraban.billing.CheckoutRequest;
import jp.kawaraban.billing.InvalidWebhookException;
import jp.kawaraban.billing.PaymentProvider;
import jp.kawaraban.billing.ProviderEvent;
import jp.kawaraban.billing.internal.BillingRepository;
import jp.kawaraban.platform.web.PublicUrls;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The embedded default when no Stripe key is configured: checkout is a page of our own with
 * one button that completes the payment at once, so the whole flow from trial to paid
 * subscription can be tried without an account anywhere. No money, no card numbers.
 */
@Component
@ConditionalOnExpression("'${kawaraban.billing.stripe.secret-key:}'.isEmpty()")
public class DemoPaymentProvider implements PaymentProvider {

    public static final String NAME = "demo";

    private final BillingRepository repository;
    private final PublicUrls urls;
    private final Clock clock;

    DemoPaymentProvider(BillingRepository repository, PublicUrls urls, Clock clock) {
        this.repository = repository;
        this.urls = urls;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public URI startCheckout(CheckoutRequest request) {
        String id = UUID.randomUUID().toString();
        repository.insertDemoCheckout(id, request.member(), request.plan().name(), clock.instant());
        return URI.create(urls.url("/billing/demo/" + id));
    }

    @Override
    public URI customerPortal(String customerRef, URI returnTo) {
        return URI.create(urls.url("/plans"));
    }

    /** The demo provider charges nothing after checkout, so there is nothing to stop. */
    @Override
    public void cancel(String subscriptionRef) {
    }

    /** The demo provider sends no webhooks; anything arriving is refused. */
    @Override
    public ProviderEvent readWebhook(String payload, String signatureHeader) {
        throw new InvalidWebhookException("The demo payment provider sends no webhooks");
    }
}
