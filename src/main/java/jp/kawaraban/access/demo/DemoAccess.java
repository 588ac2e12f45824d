package jp.kawaraban.access.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jp.kawaraban.access.Campaign;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Plan;
import jp.kawaraban.access.Plans;
import jp.kawaraban.access.Subscription;
import jp.kawaraban.access.SubscriptionLedger;
import jp.kawaraban.access.SubscriptionState;
import jp.kawaraban.access.Trials;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.platform.Audited;
import jp.kawaraban.platform.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode: the two paid plans, an open campaign to try, a paying member and a member in a trial, so the
 * paywall can be seen from every side. Runs after the demo accounts exist and leaves
 * existing subscriptions alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoAccess implements ApplicationRunner {

    static final String CAMPAIGN = "welcome";

    private final DemoMode demoMode;
    private final Plans plans;
    private final Trials trials;
    private final SubscriptionLedger ledger;
    private final Accounts accounts;
    private final Entitlements entitlements;
    private final Clock clock;

    DemoAccess(DemoMode demoMode, Plans plans, Trials trials, SubscriptionLedger ledger, Accounts accounts,
               Entitlements entitlements, Clock clock) {
        this.plans = plans;
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
        // The demo's plans go in as an administrator's would (audited); prices changed since are kept.
        if (plans.terms(Plan.MONTHLY).isEmpty()) {
            plans.save(Audited.Actor.DEMO, Plan.MONTHLY, "月額プラン", "1800", "",
                    "有料記事を含むすべての記事、マイニュース、記事と図表の保存。毎月更新、いつでも解約できます。");
        }
        if (plans.terms(Plan.YEARLY).isEmpty()) {
            plans.save(Audited.Actor.DEMO, Plan.YEARLY, "年額プラン", "18000", "",
                    "月額プランと同じ内容を1年単位で。2か月分お得です。");
        }
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
