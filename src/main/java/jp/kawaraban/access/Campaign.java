package jp.kawaraban.access;

import java.time.Instant;
import java.util.List;

/**
 * A named offer, open between two instants, that gives a free trial of some days once per
 * member, leading to {@code plans} (the trial runs on the first).
 */
public record Campaign(String code, String name, String description, Instant startsAt, Instant endsAt, int trialDays,
                       List<Plan> plans) {

    public Campaign {
        plans = plans == null || plans.isEmpty() ? List.of(Plan.MONTHLY, Plan.YEARLY) : List.copyOf(plans);
    }

    /** Leading to every paid plan. */
    public Campaign(String code, String name, String description, Instant startsAt, Instant endsAt, int trialDays) {
        this(code, name, description, startsAt, endsAt, trialDays, null);
    }

    public boolean isOpen(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    /** The plan the trial runs on. */
    public Plan trialPlan() {
        return plans.getFirst();
    }
}
