package jp.kawaraban.access;

import java.time.Instant;

/** A named offer, open between two instants, that gives a free trial of some days once per member. */
public record Campaign(String code, String name, String description, Instant startsAt, Instant endsAt, int trialDays) {

    public boolean isOpen(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
}
