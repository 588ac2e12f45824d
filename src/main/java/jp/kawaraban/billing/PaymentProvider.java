package jp.kawaraban.billing;

import java.net.URI;

/**
 * A payment provider, seen from Kawaraban: it takes a member through checkout for a plan,
 * lets them manage their payment details, and tells us afterwards what happened through
 * signed webhooks. Implemented by Stripe and, for the embedded default, by a demo provider
 * that completes every checkout at once.
 */
public interface PaymentProvider {

    /** Short name stored with each customer and event, e.g. {@code stripe}. */
    String name();

    /** Starts a checkout and answers where to send the member's browser. */
    URI startCheckout(CheckoutRequest request);

    /** A page where the customer updates their card or cancels; {@code customerRef} is the provider's customer id. */
    URI customerPortal(String customerRef, URI returnTo);

    /**
     * Checks a webhook's signature and reads it.
     *
     * @throws InvalidWebhookException when the signature does not match, is too old, or the payload cannot be read
     */
    ProviderEvent readWebhook(String payload, String signatureHeader);

    /**
     * Stops charging a subscription at once (an administrator ended it); {@code subscriptionRef}
     * is the provider's subscription id. Cancelling one already cancelled is no error.
     */
    void cancel(String subscriptionRef);
}
