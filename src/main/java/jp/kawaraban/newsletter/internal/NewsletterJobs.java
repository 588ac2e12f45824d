package jp.kawaraban.newsletter.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jp.kawaraban.newsletter.IssueDelivery;
import jp.kawaraban.newsletter.NewsletterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delivery job: queues scheduled issues whose time has come and sends queued messages.
 * db-scheduler runs it on one node at a time; the outbox's leases keep even overlapping runs apart.
 */
@Configuration(proxyBeanMethods = false)
class NewsletterJobs {

    private static final Logger log = LoggerFactory.getLogger(NewsletterJobs.class);

    @Bean
    RecurringTask<Void> deliverNewsletters(IssueDelivery delivery, NewsletterProperties properties) {
        return Tasks.recurring("newsletter-deliver", FixedDelay.of(properties.pollInterval()))
                .execute((instance, context) -> {
                    int sent = delivery.deliverDue();
                    if (sent > 0) {
                        log.info("Handed {} newsletter messages to the mail server", sent);
                    }
                });
    }

    /** Reads the bounce mailbox, when one is configured. */
    @Bean
    RecurringTask<Void> readBounceMailbox(BounceMailboxReader reader, NewsletterProperties properties) {
        var mailbox = properties.bounceMailbox();
        return Tasks.recurring("newsletter-bounce-mailbox", FixedDelay.of(mailbox.every()))
                .execute((instance, context) -> {
                    if (!mailbox.configured()) {
                        return;
                    }
                    try {
                        int suppressed = reader.read(mailbox);
                        if (suppressed > 0) {
                            log.info("Bounce mailbox: {} addresses suppressed", suppressed);
                        }
                    } catch (jakarta.mail.MessagingException failed) {
                        log.warn("Could not read the bounce mailbox: {}", failed.toString());
                    }
                });
    }
}
