package jp.kawaraban.newsletter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.scheduling.support.CronExpression;

/**
 * A newsletter readers can subscribe to.
 *
 * @param schedule a Spring cron expression (second minute hour day month weekday), read in {@code zone}
 */
public record Newsletter(String code, String name, String description, String schedule, ZoneId zone,
                         String senderName, String senderAddress) {

    /** The next regular sending time after {@code after}, or null when the schedule does not parse. */
    public Instant nextSending(Instant after) {
        try {
            ZonedDateTime next = CronExpression.parse(schedule).next(after.atZone(zone));
            return next == null ? null : next.toInstant();
        } catch (IllegalArgumentException badSchedule) {
            return null;
        }
    }
}
