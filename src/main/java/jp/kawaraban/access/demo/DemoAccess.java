package jp.kawaraban.access.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jp.kawaraban.access.Campaign;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Plan;
import jp.kawaraban.access.Subscription;
import jp.kawaraban.access.SubscriptionLedger;
import jp.kawaraban.access.SubscriptionState;
import jp.kawaraban.access.Trials;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.platform.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode: an open campaign to try, a paying member and a member in a trial, so the
 * paywall can be seen from every side. Runs after the demo accounts exist and leaves
 * existing subscriptions alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoAccess implements ApplicationRunner {

    static final String CAMPAIGN = "welcome";

    private final DemoMode demoMode;
    private final Trials trials;
    private final SubscriptionLedger ledger;
    private final Accounts accounts;
    private final Entitlements entitlements;
    private final Clock clock;

    DemoAccess(DemoMode demoMode, Trials trials, SubscriptionLedger ledger, Accounts accounts,
               Entitlements entitlements, Clock clock) {
        this.entitlements = entitlements;
        this.demoMode = demoMode;
        this.trials = trials;
        this.ledger = ledger;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        Instant now = clock.instant();
        if (trials.campaign(CAMPAIGN).filter(c -> c.isOpen(now)).isEmpty()) {
            trials.saveCampaign(new Campaign(CAMPAIGN, "はじめての方へ 30日間無料体験",
                    "有料記事を含むすべての記事と、マイニュースや記事の保存などの機能を30日間無料でお試しいただけます。",
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), 30));
        }
        accounts.findByEmail("paid@example.com").ifPresent(paid -> {
            if (!paidOrTrial(paid.id())) {
                ledger.set(new Subscription(paid.id(), Plan.YEARLY, SubscriptionState.ACTIVE, null, null,
                        now.plus(Duration.ofDays(365)), true, "demo", "demo-" + paid.id()), "demo");
            }
        });
        accounts.findByEmail("trial@example.com").ifPresent(trial -> {
            if (!paidOrTrial(trial.id())) {
                trials.start(trial.id(), CAMPAIGN);
            }
        });
    }

    private boolean paidOrTrial(MemberId member) {
        return entitlements.hasPaidAccess(member);
    }
}
