package jp.kawaraban.newsletter;

import java.util.List;

/** Every newsletter and where one address stands with each (null state: never subscribed). */
public record AddressSubscriptions(String email, List<Entry> entries) {

    public record Entry(Newsletter newsletter, SubscriptionState state, String suppressedReason) {

        public boolean receiving() {
            return state == SubscriptionState.CONFIRMED;
        }
    }

    public boolean anySuppressed() {
        return entries.stream().anyMatch(e -> e.state() == SubscriptionState.SUPPRESSED);
    }

    /** {@code BOUNCE} or {@code COMPLAINT} when mail to the address was stopped, else null. */
    public String suppressedReason() {
        return entries.stream().map(Entry::suppressedReason).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
