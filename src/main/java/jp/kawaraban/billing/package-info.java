/**
 * Payment providers behind the {@link jp.kawaraban.billing.PaymentProvider} port: Stripe
 * where configured, a demo provider otherwise. Checkout, customer portal, webhooks (verified
 * and handled once), customers. Turns what providers report into access through
 * {@code access}'s ledger.
 */
package jp.kawaraban.billing;
