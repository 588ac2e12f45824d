package jp.kawaraban.access.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jp.kawaraban.access.SubscriptionLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The minute job that ends trials and expired subscriptions. db-scheduler runs it on one
 * node at a time, whichever picks it from the database first.
 */
@Configuration(proxyBeanMethods = false)
class AccessJobs {

    private static final Logger log = LoggerFactory.getLogger(AccessJobs.class);

    @Bean
    RecurringTask<Void> settleSubscriptions(SubscriptionLedger ledger) {
        return Tasks.recurring("access-settle-subscriptions", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> {
                    int changed = ledger.settleDue();
                    if (changed > 0) {
                        log.info("Settled {} subscriptions whose trial or period ended", changed);
                    }
                });
    }
}
