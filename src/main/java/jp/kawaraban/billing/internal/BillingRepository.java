package jp.kawaraban.billing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.kawaraban.member.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers at providers and the webhook events acted on. */
@Repository
public class BillingRepository {

    private final JdbcClient jdbc;

    BillingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when this event was received before (a replay) */
    public boolean recordEvent(String provider, String eventId, String kind, Instant occurredAt, Instant now) {
        return jdbc.sql("""
                        INSERT INTO billing_event (provider, event_id, kind, occurred_at, received_at, outcome)
                        VALUES (?, ?, ?, ?, ?, 'received') ON CONFLICT DO NOTHING""")
                .params(provider, eventId, kind, Timestamp.from(occurredAt), Timestamp.from(now)).update() == 1;
    }

    public void eventOutcome(String provider, String eventId, String outcome) {
        jdbc.sql("UPDATE billing_event SET outcome = ? WHERE provider = ? AND event_id = ?")
                .params(outcome, provider, eventId).update();
    }

    public Optional<String> customerRef(MemberId member, String provider) {
        return jdbc.sql("SELECT customer_ref FROM billing_customer WHERE member_id = ? AND provider = ?")
                .params(member.value(), provider).query(String.class).optional();
    }

    public Optional<MemberId> memberOfCustomer(String provider, String customerRef) {
        return jdbc.sql("SELECT member_id FROM billing_customer WHERE provider = ? AND customer_ref = ?")
                .params(provider, customerRef).query((rs, n) -> new MemberId(rs.getObject(1, UUID.class))).optional();
    }

    public void saveCustomer(MemberId member, String provider, String customerRef, Instant now) {
        jdbc.sql("""
                        INSERT INTO billing_customer (member_id, provider, customer_ref, created_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (member_id, provider) DO UPDATE SET customer_ref = EXCLUDED.customer_ref""")
                .params(member.value(), provider, customerRef, Timestamp.from(now)).update();
    }

    public List<Map<String, Object>> customers(MemberId member) {
        return jdbc.sql("SELECT provider, customer_ref FROM billing_customer WHERE member_id = ?").param(member.value())
                .query((rs, n) -> Map.<String, Object>of("provider", rs.getString(1), "customer", rs.getString(2)))
                .list();
    }

    public void forget(MemberId member) {
        jdbc.sql("DELETE FROM billing_customer WHERE member_id = ?").param(member.value()).update();
        jdbc.sql("DELETE FROM billing_demo_checkout WHERE member_id = ?").param(member.value()).update();
    }

    // --- demo checkouts -------------------------------------------------------------

    public record DemoCheckout(String id, MemberId member, String plan, Instant completedAt) {
    }

    public void insertDemoCheckout(String id, MemberId member, String plan, Instant now) {
        jdbc.sql("INSERT INTO billing_demo_checkout (id, member_id, plan, created_at) VALUES (?, ?, ?, ?)")
                .params(id, member.value(), plan, Timestamp.from(now)).update();
    }

    public Optional<DemoCheckout> demoCheckout(String id) {
        return jdbc.sql("SELECT id, member_id, plan, completed_at FROM billing_demo_checkout WHERE id = ?").param(id)
                .query((rs, n) -> new DemoCheckout(rs.getString(1), new MemberId(rs.getObject(2, UUID.class)),
                        rs.getString(3), rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** @return false when it was completed before */
    public boolean completeDemoCheckout(String id, Instant now) {
        return jdbc.sql("UPDATE billing_demo_checkout SET completed_at = ? WHERE id = ? AND completed_at IS NULL")
                .params(Timestamp.from(now), id).update() == 1;
    }
}
