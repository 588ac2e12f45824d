/**
 * Payment providers behind the {@link jp.kawaraban.billing.PaymentProvider} port: Stripe
 * where configured, a demo provider otherwise. Checkout, customer portal, webhooks (verified
 * and handled once), customers. Turns what providers report into access through
 * {@code access}'s ledger.
 * <p>
 * Its pages ({@code billing.web}): the plans page {@code /plans} with trials and checkout, the
 * demo provider's checkout page, the way to the customer portal, the provider's webhook, and
 * the plan section of the member's account page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "member", "platform::web"})
package jp.kawaraban.billing;
