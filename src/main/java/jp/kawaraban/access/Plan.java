package jp.kawaraban.access;

import java.time.Period;

/**
 * What a member can sign up for, as the code knows it: its billing period. What a paid plan
 * is called, costs (yen, tax included) and includes is in the database ({@link PlanTerms},
 * edited at {@code /admin/plans}).
 */
public enum Plan {
    /** Free membership: members-only articles, commentary, a small monthly allowance of paid articles. */
    FREE(Period.ZERO),
    MONTHLY(Period.ofMonths(1)),
    YEARLY(Period.ofYears(1));

    private final Period billingPeriod;

    Plan(Period billingPeriod) {
        this.billingPeriod = billingPeriod;
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
