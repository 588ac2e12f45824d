package jp.kawaraban.billing.stripe;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe's settings. Stripe takes payments only when a secret key is set; otherwise these
 * are bound but unused, which is why nothing is required here.
 *
 * @param secretKey        the API secret key, {@code sk_...}
 * @param webhookSecret    the signing secret of the webhook endpoint, {@code whsec_...}
 * @param monthlyPrice     the Stripe price id of the monthly plan, {@code price_...}
 * @param yearlyPrice      the Stripe price id of the yearly plan
 * @param webhookTolerance how old a webhook's signature may be before it is refused as a
 *                         possible replay
 */
@ConfigurationProperties("kawaraban.billing.stripe")
record StripeProperties(
        String secretKey,
        String webhookSecret,
        String monthlyPrice,
        String yearlyPrice,
        @DefaultValue("5m") Duration webhookTolerance) {

    /** Without the secrets: a record's own toString would put them in any log that prints the settings. */
    @Override
    public String toString() {
        return "StripeProperties[monthlyPrice=" + monthlyPrice + ", yearlyPrice=" + yearlyPrice
                + ", webhookTolerance=" + webhookTolerance + "]";
    }
}
