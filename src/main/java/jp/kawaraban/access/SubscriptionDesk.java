package jp.kawaraban.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.kawaraban.access.AccessRefusal.Problem;
import jp.kawaraban.access.internal.AccessRepository;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.platform.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's subscription as the customer desk sees and changes it: its history, the trials
 * taken, extending a trial, ending a subscription. Each change is written to the
 * subscription's own history and told to the audit log ({@link Audited}).
 */
@Service
public class SubscriptionDesk {

    /** The most days one extension adds to a trial: a desk favour, not a free subscription. */
    public static final int MAX_EXTENSION_DAYS = 90;

    private final AccessRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriptionDesk(AccessRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** One change of a subscription: when, by whom or what ({@code source}), from which state to which. */
    public record Change(Instant at, String source, String fromState, String toState, String plan, String detail) {
    }

    /** A campaign trial the member took, and when. */
    public record TrialTaken(String campaign, Instant takenAt) {
    }

    public Optional<Subscription> subscription(MemberId member) {
        return repository.subscription(member).map(AccessRepository.Stored::subscription);
    }

    /** Oldest first. */
    public List<Change> history(MemberId member) {
        return repository.auditTrail(member).stream().map(entry -> new Change(entry.at(), entry.source(),
                entry.fromState(), entry.toState(), entry.plan(), entry.detail())).toList();
    }

    public List<TrialTaken> trialsTaken(MemberId member) {
        return repository.trialsTaken(member).stream()
                .map(row -> new TrialTaken((String) row.get("campaign"), Instant.parse((String) row.get("takenAt"))))
                .toList();
    }

    /** Adds {@code days} (1 to {@link #MAX_EXTENSION_DAYS}) to a running trial; one that has run out starts again from now. */
    @Transactional
    public Subscription extendTrial(Audited.Actor by, MemberId member, int days) {
        if (days < 1 || days > MAX_EXTENSION_DAYS) {
            throw new AccessRefusal(Problem.INVALID_EXTENSION, MAX_EXTENSION_DAYS);
        }
        AccessRepository.Stored stored = repository.lockSubscription(member)
                .filter(s -> s.subscription().state() == SubscriptionState.TRIALING)
                .orElseThrow(() -> new AccessRefusal(Problem.NOT_IN_TRIAL));
        Subscription trial = stored.subscription();
        Instant now = clock.instant();
        Instant from = trial.trialEndsAt() != null && trial.trialEndsAt().isAfter(now) ? trial.trialEndsAt() : now;
        Subscription after = new Subscription(member, trial.plan(), trial.state(), trial.campaignCode(),
                from.plus(Duration.ofDays(days)), trial.periodEndsAt(), trial.paymentOnFile(), trial.provider(),
                trial.providerRef(), trial.priceYen());
        repository.saveSubscription(after, stored.providerEventAt(), now);
        String detail = "trial extended by " + days + " days to " + after.trialEndsAt();
        repository.audit(member, now, "admin:" + by.id(), trial.state(), after, detail);
        events.publishEvent(new Audited(by, "member.extend-trial", "member:" + member,
                "+" + days + "日 → " + after.trialEndsAt()));
        return after;
    }

    /**
     * Ends a trial or subscription now: paid access stops at once. A subscription the member
     * pays for is cancelled at the payment provider too ({@link SubscriptionEnded}).
     */
    @Transactional
    public Subscription end(Audited.Actor by, MemberId member) {
        Instant now = clock.instant();
        AccessRepository.Stored stored = repository.lockSubscription(member)
                .filter(s -> s.subscription().givesPaidAccess(now))
                .orElseThrow(() -> new AccessRefusal(Problem.NO_SUBSCRIPTION));
        Subscription before = stored.subscription();
        Instant trialEnd = before.trialEndsAt() != null && before.trialEndsAt().isAfter(now) ? now : before.trialEndsAt();
        Subscription after = new Subscription(member, before.plan(), SubscriptionState.EXPIRED, before.campaignCode(),
                trialEnd, now, false, before.provider(), before.providerRef(), before.priceYen());
        repository.saveSubscription(after, stored.providerEventAt(), now);
        repository.audit(member, now, "admin:" + by.id(), before.state(), after, "ended by the customer desk");
        events.publishEvent(new Audited(by, "member.end-subscription", "member:" + member,
                before.plan().name() + " " + before.state().name()));
        if (before.paymentOnFile() && before.provider() != null && before.providerRef() != null) {
            events.publishEvent(new SubscriptionEnded(member, before.provider(), before.providerRef()));
        }
        return after;
    }
}
