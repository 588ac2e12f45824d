package jp.kawaraban.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jp.kawaraban.access.internal.AccessRepository;
import jp.kawaraban.member.MemberId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where payments become access. {@code billing} reports what its provider said; this applies
 * it to the member's subscription and records every change in the audit table. Reports
 * older than the last one applied change nothing, so late or replayed webhooks are harmless.
 */
@Service
public class SubscriptionLedger {

    private final AccessRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SubscriptionLedger(AccessRepository repository, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A provider's word on a subscription.
     *
     * @param member      whose it is
     * @param plan        the plan paid for, or null to keep the current one
     * @param state       the state after the event
     * @param periodEnd   end of the period paid for, or null to keep the current one
     * @param provider    e.g. {@code stripe}
     * @param providerRef the provider's subscription id, or null to keep the current one
     * @param occurredAt  when the provider said it
     */
    public record ProviderReport(MemberId member, Plan plan, SubscriptionState state, Instant periodEnd,
                                 String provider, String providerRef, Instant occurredAt) {

        public ProviderReport {
            Objects.requireNonNull(member);
            Objects.requireNonNull(state);
            Objects.requireNonNull(provider);
            Objects.requireNonNull(occurredAt);
        }
    }

    /** @return whether the subscription changed */
    @Transactional
    public boolean apply(ProviderReport report) {
        Instant now = clock.instant();
        Optional<AccessRepository.Stored> stored = repository.lockSubscription(report.member());
        if (stored.isPresent() && stored.get().providerEventAt() != null
                && report.occurredAt().isBefore(stored.get().providerEventAt())) {
            return false; // older than what we already applied: delivered late
        }
        Subscription before = stored.map(AccessRepository.Stored::subscription).orElse(null);
        Subscription after = priced(before, next(before, report, now));
        if (after.equals(before)) {
            repository.saveSubscription(after, report.occurredAt(), now);
            return false;
        }
        repository.saveSubscription(after, report.occurredAt(), now);
        repository.audit(report.member(), now, report.provider(), before == null ? null : before.state(), after,
                "provider report at " + report.occurredAt());
        return true;
    }

    /**
     * A member still in a campaign trial who pays keeps the trial to its end and becomes
     * active then; anyone else becomes what the provider says at once.
     */
    private static Subscription next(Subscription before, ProviderReport report, Instant now) {
        Plan plan = report.plan() != null ? report.plan() : before != null ? before.plan() : Plan.MONTHLY;
        String ref = report.providerRef() != null ? report.providerRef() : before != null ? before.providerRef() : null;
        Instant periodEnd = report.periodEnd() != null ? report.periodEnd() : before != null ? before.periodEndsAt() : null;
        boolean inTrial = before != null && before.state() == SubscriptionState.TRIALING && before.givesPaidAccess(now);
        if (inTrial && report.state() == SubscriptionState.ACTIVE) {
            return new Subscription(report.member(), plan, SubscriptionState.TRIALING, before.campaignCode(),
                    before.trialEndsAt(), periodEnd, true, report.provider(), ref);
        }
        return new Subscription(report.member(), plan, report.state(), before == null ? null : before.campaignCode(),
                before == null ? null : before.trialEndsAt(), periodEnd,
                report.state() != SubscriptionState.EXPIRED, report.provider(), ref);
    }

    /** Finds the member a provider's subscription id belongs to. */
    public Optional<MemberId> memberOf(String provider, String providerRef) {
        return providerRef == null ? Optional.empty() : repository.memberByProviderRef(provider, providerRef);
    }

    /**
     * Settles what has run out: trials end (or, with payment on file, turn into paid
     * subscriptions from the trial's end), canceled subscriptions expire after their period.
     * Run every minute by a scheduled job; access already ends on time without it.
     *
     * @return how many subscriptions changed
     */
    @Transactional
    public int settleDue() {
        Instant now = clock.instant();
        int changed = 0;
        for (MemberId member : repository.trialsEndedBy(now)) {
            AccessRepository.Stored stored = repository.lockSubscription(member).orElseThrow();
            Subscription trial = stored.subscription();
            if (trial.state() != SubscriptionState.TRIALING) {
                continue;
            }
            Subscription after = trial.paymentOnFile()
                    ? new Subscription(member, trial.plan(), SubscriptionState.ACTIVE, trial.campaignCode(),
                    trial.trialEndsAt(), trial.periodEndsAt() != null && trial.periodEndsAt().isAfter(trial.trialEndsAt())
                    ? trial.periodEndsAt() : trial.trialEndsAt().atZone(java.time.ZoneOffset.UTC)
                    .plus(trial.plan().billingPeriod()).toInstant(), true, trial.provider(), trial.providerRef())
                    : new Subscription(member, trial.plan(), SubscriptionState.EXPIRED, trial.campaignCode(),
                    trial.trialEndsAt(), null, false, trial.provider(), trial.providerRef());
            boolean converted = after.state() == SubscriptionState.ACTIVE;
            save(stored, priced(trial, after), now, converted ? "trial converted" : "trial ended");
            events.publishEvent(new TrialEnded(member, converted));
            changed++;
        }
        for (MemberId member : repository.canceledEndedBy(now)) {
            AccessRepository.Stored stored = repository.lockSubscription(member).orElseThrow();
            Subscription canceled = stored.subscription();
            Subscription after = new Subscription(member, canceled.plan(), SubscriptionState.EXPIRED,
                    canceled.campaignCode(), canceled.trialEndsAt(), canceled.periodEndsAt(), false,
                    canceled.provider(), canceled.providerRef());
            save(stored, priced(canceled, after), now, "paid period over");
            changed++;
        }
        return changed;
    }

    /** Sets a subscription directly: the demo accounts and operators' corrections. */
    @Transactional
    public void set(Subscription subscription, String source) {
        Instant now = clock.instant();
        Subscription before = repository.lockSubscription(subscription.member())
                .map(AccessRepository.Stored::subscription).orElse(null);
        Subscription after = subscription.priceYen() != null ? subscription : priced(before, subscription);
        repository.saveSubscription(after, null, now);
        repository.audit(subscription.member(), now, source, before == null ? null : before.state(), after, null);
    }

    /**
     * The subscription with the price its member pays. The price is fixed when payment is
     * added (at the plan's price then) and kept for as long as the plan stays the same, so a
     * change of the plan's price reaches new subscribers only. Without payment (a trial) there
     * is no price yet; a change of plan is a new agreement at today's price.
     */
    Subscription priced(Subscription before, Subscription after) {
        boolean samePlan = before != null && before.plan() == after.plan();
        if (!after.paymentOnFile()) {
            return after.withPrice(samePlan ? before.priceYen() : null);
        }
        if (samePlan && before.paymentOnFile() && before.priceYen() != null) {
            return after.withPrice(before.priceYen());
        }
        return after.withPrice(repository.planTerms(after.plan()).map(PlanTerms::priceYen).orElse(null));
    }

    private void save(AccessRepository.Stored before, Subscription after, Instant now, String detail) {
        repository.saveSubscription(after, before.providerEventAt(), now);
        repository.audit(after.member(), now, "scheduler", before.subscription().state(), after, detail);
    }
}
