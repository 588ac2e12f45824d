package jp.kawaraban.newsletter;

/** Where an issue's messages stand in the outbox. */
public record DeliveryCounts(long queued, long sent, long failed, long bounced) {

    public long total() {
        return queued + sent + failed + bounced;
    }
}
