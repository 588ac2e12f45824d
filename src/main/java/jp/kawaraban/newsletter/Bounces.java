package jp.kawaraban.newsletter;

import java.time.Clock;
import java.time.Instant;

import jp.kawaraban.newsletter.internal.IssueRepository;
import jp.kawaraban.newsletter.internal.NewsletterRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hard bounces and spam complaints stop all mail to an address (suppression), whether they
 * come from the mail provider's webhook or from DSN and feedback reports in the bounce
 * mailbox. The owner sees why on the account page or the manage page and can confirm the
 * address again to resume.
 */
@Service
public class Bounces {

    private static final Logger log = LoggerFactory.getLogger(Bounces.class);

    public enum Kind { BOUNCE, COMPLAINT }

    private final NewsletterRepository repository;
    private final IssueRepository outbox;
    private final Clock clock;

    Bounces(NewsletterRepository repository, IssueRepository outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return false when the address is not plausible (nothing stored) */
    @Transactional
    public boolean suppress(String email, Kind kind, String detail, String source) {
        if (!Newsletters.isPlausible(email)) {
            return false;
        }
        String normalised = Newsletters.normalise(email);
        Instant now = clock.instant();
        outbox.markBounced(normalised);
        int stopped = repository.suppress(normalised, kind.name(), detail == null ? "" : detail.substring(0, Math.min(detail.length(), 500)), now);
        for (var row : repository.subscriptions(normalised)) {
            if (row.state() == SubscriptionState.SUPPRESSED) {
                repository.consent(normalised, row.newsletter(), "SUPPRESSED", source, kind.name(), null, now);
            }
        }
        log.info("Newsletter mail to an address stopped after a {} ({} subscriptions)", kind, stopped);
        return true;
    }
}
