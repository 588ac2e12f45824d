package jp.kawaraban.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.kawaraban.access.internal.AccessRepository;
import jp.kawaraban.member.MemberId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns and their free trials. A trial starts at once and ends by itself on time (the
 * access check compares its end with the clock; {@link SubscriptionLedger#settleDue()} then
 * records the change), unless the member added payment, in which case it becomes paid.
 */
@Service
public class Trials {

    private final AccessRepository repository;
    private final Clock clock;

    Trials(AccessRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public enum Outcome { STARTED, UNKNOWN_CAMPAIGN, CAMPAIGN_CLOSED, ALREADY_TAKEN, ALREADY_SUBSCRIBED }

    public List<Campaign> openCampaigns() {
        Instant now = clock.instant();
        return repository.campaigns().stream().filter(c -> c.isOpen(now)).toList();
    }

    public Optional<Campaign> campaign(String code) {
        return code == null ? Optional.empty() : repository.campaign(code);
    }

    @Transactional
    public void saveCampaign(Campaign campaign) {
        repository.saveCampaign(campaign);
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
        Subscription trial = new Subscription(member, Plan.MONTHLY, SubscriptionState.TRIALING, campaign.get().code(),
                now.plus(Duration.ofDays(campaign.get().trialDays())), null, false, null, null);
        repository.saveSubscription(trial, null, now);
        repository.audit(member, now, "member", current.map(s -> s.subscription().state()).orElse(null), trial,
                "trial started: " + campaign.get().code());
        return Outcome.STARTED;
    }
}
