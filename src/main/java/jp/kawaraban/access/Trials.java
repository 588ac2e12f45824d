package jp.kawaraban.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.kawaraban.access.internal.AccessRepository;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.platform.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns and their free trials. A trial starts at once and ends by itself on time (the
 * access check compares its end with the clock; {@link SubscriptionLedger#settleDue()} then
 * records the change), unless the member added payment, in which case it becomes paid.
 */
@Service
public class Trials {

    public static final int MAX_NAME = 80;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_TRIAL_DAYS = 366;
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z0-9-]{1,40}");

    private final AccessRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Entitlements entitlements;

    Trials(AccessRepository repository, ApplicationEventPublisher events, Clock clock, Entitlements entitlements) {
        this.entitlements = entitlements;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    public enum Outcome { STARTED, UNKNOWN_CAMPAIGN, CAMPAIGN_CLOSED, ALREADY_TAKEN, ALREADY_SUBSCRIBED }

    public List<Campaign> openCampaigns() {
        Instant now = clock.instant();
        return repository.campaigns().stream().filter(c -> c.isOpen(now)).toList();
    }

    /**
     * The trials this reader could start now, the ones to offer: every open campaign to a
     * reader not logged in; to a member, those whose trial they have not taken, and none while
     * a subscription or trial gives them paid access already. An offer that would only be
     * refused is not shown (decision 0035).
     */
    public List<Campaign> offersFor(MemberId member) {
        List<Campaign> open = openCampaigns();
        if (member == null || open.isEmpty()) {
            return open;
        }
        if (entitlements.hasPaidAccess(member)) {
            return List.of();
        }
        var taken = repository.trialsTaken(member).stream().map(row -> (String) row.get("campaign")).toList();
        return open.stream().filter(campaign -> !taken.contains(campaign.code())).toList();
    }

    public Optional<Campaign> campaign(String code) {
        return code == null ? Optional.empty() : repository.campaign(code);
    }

    /** Every campaign, past and future too, by start: the administrators' list. */
    public List<Campaign> campaigns() {
        return repository.campaigns();
    }

    @Transactional
    public void saveCampaign(Campaign campaign) {
        repository.saveCampaign(campaign);
    }

    /**
     * An administrator adds a campaign. Everything is checked before anything is stored: the
     * code's form, a name, a window that ends after it starts, the trial's length, at least
     * one plan; a code in use is refused, not overwritten.
     */
    @Transactional
    public Campaign createCampaign(Audited.Actor by, Campaign campaign) {
        Campaign checked = checked(campaign);
        if (!repository.insertCampaign(checked)) {
            throw new AccessRefusal(AccessRefusal.Problem.DUPLICATE_CAMPAIGN, checked.code());
        }
        events.publishEvent(new Audited(by, "campaign.create", "campaign:" + checked.code(), describe(checked)));
        return checked;
    }

    /** An administrator changes a campaign; its code stays (trials taken refer to it). */
    @Transactional
    public Campaign updateCampaign(Audited.Actor by, Campaign campaign) {
        Campaign checked = checked(campaign);
        if (repository.campaign(checked.code()).isEmpty()) {
            throw new AccessRefusal(AccessRefusal.Problem.NO_SUCH_CAMPAIGN);
        }
        repository.saveCampaign(checked);
        events.publishEvent(new Audited(by, "campaign.update", "campaign:" + checked.code(), describe(checked)));
        return checked;
    }

    private static Campaign checked(Campaign campaign) {
        String code = campaign.code() == null ? "" : campaign.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw new AccessRefusal(AccessRefusal.Problem.INVALID_CAMPAIGN_CODE);
        }
        String name = campaign.name() == null ? "" : campaign.name().strip();
        String description = campaign.description() == null ? "" : campaign.description().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || description.length() > MAX_DESCRIPTION) {
            throw new AccessRefusal(AccessRefusal.Problem.INVALID_CAMPAIGN_NAME, MAX_NAME, MAX_DESCRIPTION);
        }
        if (campaign.startsAt() == null || campaign.endsAt() == null) {
            throw new AccessRefusal(AccessRefusal.Problem.INVALID_DATE);
        }
        if (!campaign.endsAt().isAfter(campaign.startsAt())) {
            throw new AccessRefusal(AccessRefusal.Problem.INVERTED_WINDOW);
        }
        if (campaign.trialDays() < 1 || campaign.trialDays() > MAX_TRIAL_DAYS) {
            throw new AccessRefusal(AccessRefusal.Problem.INVALID_TRIAL_DAYS, MAX_TRIAL_DAYS);
        }
        if (campaign.plans().stream().anyMatch(plan -> !plan.isPaid())) {
            throw new AccessRefusal(AccessRefusal.Problem.NO_PLANS);
        }
        return new Campaign(code, name, description, campaign.startsAt(), campaign.endsAt(), campaign.trialDays(),
                campaign.plans().stream().distinct().toList());
    }

    private static String describe(Campaign campaign) {
        return campaign.name() + " " + campaign.startsAt() + "〜" + campaign.endsAt() + " " + campaign.trialDays() + "日 "
                + String.join(",", campaign.plans().stream().map(Plan::name).toList());
    }

    @Transactional
    public Outcome start(MemberId member, String campaignCode) {
        Instant now = clock.instant();
        Optional<Campaign> campaign = campaign(campaignCode);
        if (campaign.isEmpty()) {
            return Outcome.UNKNOWN_CAMPAIGN;
        }
        if (!campaign.get().isOpen(now)) {
            return Outcome.CAMPAIGN_CLOSED;
        }
        Optional<AccessRepository.Stored> current = repository.lockSubscription(member);
        if (current.isPresent() && current.get().subscription().givesPaidAccess(now)) {
            return Outcome.ALREADY_SUBSCRIBED;
        }
        if (!repository.markTrialTaken(member, campaign.get().code(), now)) {
            return Outcome.ALREADY_TAKEN;
        }
        Subscription trial = new Subscription(member, campaign.get().trialPlan(), SubscriptionState.TRIALING, campaign.get().code(),
                now.plus(Duration.ofDays(campaign.get().trialDays())), null, false, null, null);
        repository.saveSubscription(trial, null, now);
        repository.audit(member, now, "member", current.map(s -> s.subscription().state()).orElse(null), trial,
                "trial started: " + campaign.get().code());
        return Outcome.STARTED;
    }
}
