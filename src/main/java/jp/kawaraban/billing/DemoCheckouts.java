package jp.kawaraban.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import jp.kawaraban.access.Plan;
import jp.kawaraban.access.SubscriptionState;
import jp.kawaraban.billing.demo.DemoPaymentProvider;
import jp.kawaraban.billing.internal.BillingRepository;
import jp.kawaraban.member.MemberId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo provider's checkout page and its one button. Completing it goes through the same
 * event handling as a real provider's webhook, so the demo exercises the real path.
 */
@Service
public class DemoCheckouts {

    private final ObjectProvider<DemoPaymentProvider> demoProvider;
    private final BillingRepository repository;
    private final Billing billing;
    private final Clock clock;

    DemoCheckouts(ObjectProvider<DemoPaymentProvider> demoProvider, BillingRepository repository, Billing billing,
                  Clock clock) {
        this.demoProvider = demoProvider;
        this.repository = repository;
        this.billing = billing;
        this.clock = clock;
    }

    /** A pending checkout of this member's, when the demo provider is the one configured. */
    public Optional<Plan> pending(String id, MemberId member) {
        if (demoProvider.getIfAvailable() == null) {
            return Optional.empty();
        }
        return repository.demoCheckout(id).filter(c -> c.member().equals(member) && c.completedAt() == null)
                .flatMap(c -> Plan.parse(c.plan()));
    }

    /** @return whether the checkout was pending and is now paid */
    @Transactional
    public boolean complete(String id, MemberId member) {
        Optional<Plan> plan = pending(id, member);
        Instant now = clock.instant();
        if (plan.isEmpty() || !repository.completeDemoCheckout(id, now)) {
            return false;
        }
        Instant periodEnd = now.atZone(ZoneOffset.UTC).plus(plan.get().billingPeriod()).toInstant();
        billing.handle(new ProviderEvent("demo-" + id, now, ProviderEvent.Kind.CHECKOUT_COMPLETED, member,
                "demo-customer-" + member, "demo-subscription-" + member, plan.get(), SubscriptionState.ACTIVE, periodEnd));
        return true;
    }
}
