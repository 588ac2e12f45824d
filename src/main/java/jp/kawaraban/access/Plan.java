package jp.kawaraban.access;

import java.time.Period;

/** What a member can sign up for. Prices are in yen, tax included. */
public enum Plan {
    /** Free membership: members-only articles, commentary, a small monthly allowance of paid articles. */
    FREE(0, Period.ZERO),
    MONTHLY(1_800, Period.ofMonths(1)),
    YEARLY(18_000, Period.ofYears(1));

    private final int priceYen;
    private final Period billingPeriod;

    Plan(int priceYen, Period billingPeriod) {
        this.priceYen = priceYen;
        this.billingPeriod = billingPeriod;
    }

    public int priceYen() {
        return priceYen;
    }

    public Period billingPeriod() {
        return billingPeriod;
    }

    public boolean isPaid() {
        return this != FREE;
    }

    /** For codes from outside (a form, a provider's metadata): empty when unknown. */
    public static java.util.Optional<Plan> parse(String code) {
        for (Plan plan : values()) {
            if (plan.name().equalsIgnoreCase(code)) {
                return java.util.Optional.of(plan);
            }
        }
        return java.util.Optional.empty();
    }
}
