package jp.kawaraban.access.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jp.kawaraban.access.SubscriptionLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The minute job ({@code kawaraban.access.settle-every}) that ends trials and expired
 * subscriptions. db-scheduler runs it on one node at a time, whichever picks it from the
 * database first; each subscription is locked and its state checked again besides, so a
 * trial ends once (one audit row, one {@link jp.kawaraban.access.TrialEnded}, one mail).
 */
@Configuration(proxyBeanMethods = false)
class AccessJobs {

    private static final Logger log = LoggerFactory.getLogger(AccessJobs.class);

    @Bean
    RecurringTask<Void> settleSubscriptions(SubscriptionLedger ledger,
                                            @Value("${kawaraban.access.settle-every:PT1M}") Duration every) {
        return Tasks.recurring("access-settle-subscriptions", FixedDelay.of(every))
                .execute((instance, context) -> {
                    int changed = ledger.settleDue();
                    if (changed > 0) {
                        log.info("Settled {} subscriptions whose trial or period ended", changed);
                    }
                });
    }
}
