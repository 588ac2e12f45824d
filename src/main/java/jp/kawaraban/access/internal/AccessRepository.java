package jp.kawaraban.access.internal;


import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.kawaraban.access.Campaign;
import jp.kawaraban.access.Plan;
import jp.kawaraban.access.PlanTerms;
import jp.kawaraban.access.Subscription;
import jp.kawaraban.access.SubscriptionChanged;
import jp.kawaraban.access.SubscriptionState;
import jp.kawaraban.member.MemberId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns, subscriptions with their audit trail, trials taken and the paid-article meter. */
@Repository
public class AccessRepository {

    private static final String SUBSCRIPTION_COLUMNS = """
            member_id, plan, state, campaign_code, trial_ends_at, period_ends_at, payment_on_file, provider,
            provider_ref, provider_event_at, price_yen""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AccessRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    // --- campaigns ----------------------------------------------------------------

    public List<Campaign> campaigns() {
        return jdbc.sql("SELECT * FROM access_campaign ORDER BY starts_at").query(this::campaignRow).list();
    }

    public Optional<Campaign> campaign(String code) {
        return jdbc.sql("SELECT * FROM access_campaign WHERE code = ?").param(code).query(this::campaignRow).optional();
    }

    public void saveCampaign(Campaign campaign) {
        jdbc.sql("""
                        INSERT INTO access_campaign (code, name, description, starts_at, ends_at, trial_days, plans)
                        VALUES (?, ?, ?, ?, ?, ?, ?::text[])
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
                          starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, trial_days = EXCLUDED.trial_days,
                          plans = EXCLUDED.plans""")
                .params(campaign.code(), campaign.name(), campaign.description(), ts(campaign.startsAt()),
                        ts(campaign.endsAt()), campaign.trialDays(), plansLiteral(campaign.plans()))
                .update();
    }

    /** @return false when a campaign with that code exists (then nothing changed) */
    public boolean insertCampaign(Campaign campaign) {
        return jdbc.sql("""
                        INSERT INTO access_campaign (code, name, description, starts_at, ends_at, trial_days, plans)
                        VALUES (?, ?, ?, ?, ?, ?, ?::text[]) ON CONFLICT (code) DO NOTHING""")
                .params(campaign.code(), campaign.name(), campaign.description(), ts(campaign.startsAt()),
                        ts(campaign.endsAt()), campaign.trialDays(), plansLiteral(campaign.plans()))
                .update() == 1;
    }

    // --- plans ------------------------------------------------------------------------

    public List<PlanTerms> planTerms() {
        return jdbc.sql("SELECT * FROM access_plan ORDER BY CASE plan WHEN 'MONTHLY' THEN 1 ELSE 2 END")
                .query(this::planRow).list();
    }

    public Optional<PlanTerms> planTerms(Plan plan) {
        return jdbc.sql("SELECT * FROM access_plan WHERE plan = ?").param(plan.name()).query(this::planRow).optional();
    }

    public void savePlanTerms(PlanTerms terms) {
        jdbc.sql("""
                        INSERT INTO access_plan (plan, name, price_yen, provider_price_id, includes, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (plan) DO UPDATE SET name = EXCLUDED.name, price_yen = EXCLUDED.price_yen,
                          provider_price_id = EXCLUDED.provider_price_id, includes = EXCLUDED.includes,
                          updated_at = EXCLUDED.updated_at""")
                .params(terms.plan().name(), terms.name(), terms.priceYen(), terms.providerPriceId(), terms.includes(),
                        ts(terms.updatedAt()))
                .update();
    }

    private PlanTerms planRow(ResultSet rs, int row) throws SQLException {
        return new PlanTerms(Plan.valueOf(rs.getString("plan")), rs.getString("name"), rs.getInt("price_yen"),
                rs.getString("provider_price_id"), rs.getString("includes"), instant(rs, "updated_at"));
    }

    private static String plansLiteral(List<Plan> plans) {
        return "{" + String.join(",", plans.stream().map(Plan::name).toList()) + "}";
    }

    /** @return false when the member took this campaign's trial before */
    public boolean markTrialTaken(MemberId member, String campaign, Instant at) {
        return jdbc.sql("INSERT INTO access_trial_taken (member_id, campaign_code, taken_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(member.value(), campaign, ts(at)).update() == 1;
    }

    // --- subscriptions --------------------------------------------------------------

    /** A subscription with the time of the last provider event applied to it. */
    public record Stored(Subscription subscription, Instant providerEventAt) {
    }

    public Optional<Stored> subscription(MemberId member) {
        return jdbc.sql("SELECT " + SUBSCRIPTION_COLUMNS + " FROM access_subscription WHERE member_id = ?")
                .param(member.value()).query(this::stored).optional();
    }

    /** Reads and locks the row, so two webhooks for one member apply one after the other. */
    public Optional<Stored> lockSubscription(MemberId member) {
        return jdbc.sql("SELECT " + SUBSCRIPTION_COLUMNS + " FROM access_subscription WHERE member_id = ? FOR UPDATE")
                .param(member.value()).query(this::stored).optional();
    }

    public Optional<MemberId> memberByProviderRef(String provider, String providerRef) {
        return jdbc.sql("SELECT member_id FROM access_subscription WHERE provider = ? AND provider_ref = ?")
                .params(provider, providerRef).query((rs, n) -> new MemberId(rs.getObject(1, UUID.class))).optional();
    }

    /**
     * Every writer of a subscription comes through here, so each change is announced: what a
     * node keeps of a member's paid access must not outlive it.
     */
    public void saveSubscription(Subscription s, Instant providerEventAt, Instant now) {
        jdbc.sql("""
                        INSERT INTO access_subscription (member_id, plan, state, campaign_code, trial_ends_at, period_ends_at,
                          payment_on_file, provider, provider_ref, provider_event_at, updated_at, price_yen)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (member_id) DO UPDATE SET plan = EXCLUDED.plan, state = EXCLUDED.state,
                          campaign_code = EXCLUDED.campaign_code, trial_ends_at = EXCLUDED.trial_ends_at,
                          period_ends_at = EXCLUDED.period_ends_at, payment_on_file = EXCLUDED.payment_on_file,
                          provider = EXCLUDED.provider, provider_ref = EXCLUDED.provider_ref,
                          provider_event_at = EXCLUDED.provider_event_at, updated_at = EXCLUDED.updated_at,
                          price_yen = EXCLUDED.price_yen""")
                .params(s.member().value(), s.plan().name(), s.state().name(), s.campaignCode(), ts(s.trialEndsAt()),
                        ts(s.periodEndsAt()), s.paymentOnFile(), s.provider(), s.providerRef(), ts(providerEventAt), ts(now),
                        s.priceYen())
                .update();
        // After the write: a listener that runs at once (no transaction) must not see the old row.
        events.publishEvent(new SubscriptionChanged(s.member()));
    }

    public void audit(MemberId member, Instant at, String source, SubscriptionState from, Subscription to, String detail) {
        jdbc.sql("INSERT INTO access_subscription_audit (member_id, at, source, from_state, to_state, plan, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(member.value(), ts(at), source, from == null ? null : from.name(), to.state().name(),
                        to.plan().name(), detail)
                .update();
    }

    public record AuditEntry(Instant at, String source, String fromState, String toState, String plan, String detail) {
    }

    public List<AuditEntry> auditTrail(MemberId member) {
        return jdbc.sql("SELECT at, source, from_state, to_state, plan, detail FROM access_subscription_audit WHERE member_id = ? ORDER BY id")
                .param(member.value())
                .query((rs, n) -> new AuditEntry(instant(rs, "at"), rs.getString("source"), rs.getString("from_state"),
                        rs.getString("to_state"), rs.getString("plan"), rs.getString("detail")))
                .list();
    }

    /** Trials whose end has passed but whose state still says trialing. */
    public List<MemberId> trialsEndedBy(Instant now) {
        return jdbc.sql("SELECT member_id FROM access_subscription WHERE state = 'TRIALING' AND trial_ends_at <= ?")
                .param(ts(now)).query((rs, n) -> new MemberId(rs.getObject(1, UUID.class))).list();
    }

    /** Canceled subscriptions whose paid period is over. */
    public List<MemberId> canceledEndedBy(Instant now) {
        return jdbc.sql("SELECT member_id FROM access_subscription WHERE state = 'CANCELED' AND period_ends_at <= ?")
                .param(ts(now)).query((rs, n) -> new MemberId(rs.getObject(1, UUID.class))).list();
    }

    // --- meter ---------------------------------------------------------------------

    public boolean alreadyOpened(MemberId member, String month, String articleId) {
        return jdbc.sql("SELECT count(*) FROM access_meter WHERE member_id = ? AND month = ? AND article_id = ?")
                .params(member.value(), month, articleId).query(Integer.class).single() > 0;
    }

    public int openedCount(MemberId member, String month) {
        return jdbc.sql("SELECT count(*) FROM access_meter WHERE member_id = ? AND month = ?")
                .params(member.value(), month).query(Integer.class).single();
    }

    /**
     * Counts an article against the month's allowance, only while the count is below it. One
     * statement, so two tabs opening two articles at once cannot both take the last one.
     *
     * @return whether the article now counts (newly or already)
     */
    @Transactional
    public boolean open(MemberId member, String month, String articleId, int allowance, Instant at) {
        // One member's month at a time: without the lock, requests opening different articles at
        // the same moment (five tabs restored at once) each count the month's rows before any of
        // them has inserted, and all get in. The count below runs after the lock is held, in a
        // statement of its own, so it sees what the previous holder committed.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("access_meter:" + member.value() + ":" + month)
                .query((rs, n) -> 0).list();
        jdbc.sql("""
                        INSERT INTO access_meter (member_id, month, article_id, opened_at)
                        SELECT ?, ?, ?, ? WHERE (SELECT count(*) FROM access_meter WHERE member_id = ? AND month = ?) < ?
                        ON CONFLICT DO NOTHING""")
                .params(member.value(), month, articleId, ts(at), member.value(), month, allowance)
                .update();
        return alreadyOpened(member, month, articleId);
    }

    public List<Map<String, Object>> meterRows(MemberId member) {
        return jdbc.sql("SELECT month, article_id, opened_at FROM access_meter WHERE member_id = ? ORDER BY opened_at")
                .param(member.value())
                .query((rs, n) -> Map.<String, Object>of("month", rs.getString("month"), "article",
                        rs.getString("article_id"), "openedAt", instant(rs, "opened_at").toString()))
                .list();
    }

    public List<Map<String, Object>> trialsTaken(MemberId member) {
        return jdbc.sql("SELECT campaign_code, taken_at FROM access_trial_taken WHERE member_id = ?")
                .param(member.value())
                .query((rs, n) -> Map.<String, Object>of("campaign", rs.getString(1), "takenAt", instant(rs, "taken_at").toString()))
                .list();
    }

    public void forget(MemberId member) {
        for (String table : List.of("access_meter", "access_trial_taken", "access_subscription", "access_subscription_audit")) {
            jdbc.sql("DELETE FROM " + table + " WHERE member_id = ?").param(member.value()).update();
        }
    }

    private Campaign campaignRow(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getString("code"), rs.getString("name"), rs.getString("description"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getInt("trial_days"),
                java.util.Arrays.stream((String[]) rs.getArray("plans").getArray()).map(Plan::valueOf).toList());
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(new Subscription(new MemberId(rs.getObject("member_id", UUID.class)),
                Plan.valueOf(rs.getString("plan")), SubscriptionState.valueOf(rs.getString("state")),
                rs.getString("campaign_code"), instant(rs, "trial_ends_at"), instant(rs, "period_ends_at"),
                rs.getBoolean("payment_on_file"), rs.getString("provider"), rs.getString("provider_ref"),
                rs.getObject("price_yen", Integer.class)),
                instant(rs, "provider_event_at"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
