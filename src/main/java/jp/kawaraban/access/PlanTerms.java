package jp.kawaraban.access;

import java.time.Instant;

/**
 * A paid plan as it is sold today: its name, price per period (yen, tax included), the payment
 * provider's id of that price (blank: the configured one) and what it includes, as readers
 * see it on {@code /plans}. Subscribers keep the price they signed up at
 * ({@link Subscription#priceYen()}).
 */
public record PlanTerms(Plan plan, String name, int priceYen, String providerPriceId, String includes,
                        Instant updatedAt) {

    public static final int MAX_NAME = 40;
    public static final int MAX_PRICE = 1_000_000;
    public static final int MAX_INCLUDES = 500;
}
