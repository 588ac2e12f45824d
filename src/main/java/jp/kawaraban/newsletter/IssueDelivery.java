package jp.kawaraban.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import jp.kawaraban.newsletter.internal.IssueRenderer;
import jp.kawaraban.newsletter.internal.IssueRepository;
import jp.kawaraban.newsletter.internal.MailChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Hands queued outbox rows to the mail server: a batch at a time over one connection, at the
 * configured rate, each row marked sent in its own statement right after the server accepted
 * it. A failed message is retried later with a doubling wait, until it is marked failed. Rows
 * are claimed with a lease, so two senders (two nodes, or a run that overlaps another) never
 * send the same row, and a sender that died leaves its rows to the next run once the lease ends.
 *
 * <p>The one message that can go out twice is the one whose acceptance by the server and
 * marking as sent were separated by a crash: SMTP gives no way to close that gap.
 */
@Service
public class IssueDelivery {

    private static final Logger log = LoggerFactory.getLogger(IssueDelivery.class);

    private final IssueRepository repository;
    private final Issues issues;
    private final Newsletters newsletters;
    private final MailChannel channel;
    private final NewsletterProperties properties;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    IssueDelivery(IssueRepository repository, Issues issues, Newsletters newsletters, MailChannel channel,
                  NewsletterProperties properties, Clock clock) {
        this.repository = repository;
        this.issues = issues;
        this.newsletters = newsletters;
        this.channel = channel;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues due issues and sends everything due now. @return messages accepted by the server */
    public int deliverDue() {
        issues.queueDue();
        return deliverDue(channel, clock.instant());
    }

    /** With a given channel and time: tests use it to fail mid-issue and to come back after a lease ended. */
    public int deliverDue(MailChannel through, Instant now) {
        try {
            if (!running.tryLock(1, java.util.concurrent.TimeUnit.MINUTES)) {
                return 0; // another run of this node is still at it
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 0;
        }
        try {
            int sent = 0;
            while (true) {
                Instant start = clock.instant().isAfter(now) ? clock.instant() : now;
                List<IssueRepository.Claimed> batch = repository.claim(properties.batchSize(), start,
                        start.plus(properties.lease()));
                if (batch.isEmpty()) {
                    break;
                }
                int accepted = sendBatch(through, batch, start);
                sent += accepted;
                if (accepted == 0) {
                    break; // the server takes nothing now: leave the rest to the next run
                }
            }
            repository.finishIssues(clock.instant());
            return sent;
        } finally {
            running.unlock();
        }
    }

    private int sendBatch(MailChannel through, List<IssueRepository.Claimed> batch, Instant now) {
        Map<Long, IssueRenderer.Prepared> prepared = new HashMap<>();
        List<Long> untouched = new ArrayList<>(batch.stream().map(IssueRepository.Claimed::id).toList());
        int accepted = 0;
        long pace = properties.messagesPerSecond() > 0 ? (long) (1_000_000_000L / properties.messagesPerSecond()) : 0;
        long next = System.nanoTime();
        MailChannel.Connection connection = null;
        try {
            for (IssueRepository.Claimed row : batch) {
                IssueRenderer.Prepared issue = prepared.computeIfAbsent(row.issue(), this::prepare);
                if (connection == null) {
                    connection = through.open();
                }
                if (pace > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    next = Math.max(next + pace, System.nanoTime() - pace);
                }
                try {
                    connection.send(issue.to(row.email()));
                } catch (Exception refused) {
                    untouched.remove(row.id());
                    repository.markFailedAttempt(row, refused.getMessage(), clock.instant(), properties.maxAttempts(),
                            properties.retryBackoff());
                    log.warn("Newsletter message {} to the mail server failed: {}", row.id(), refused.toString());
                    connection.close();
                    connection = null; // a fresh connection for the next message
                    continue;
                }
                repository.markSent(row.id(), clock.instant());
                untouched.remove(row.id());
                accepted++;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException cannotConnect) {
            log.warn("Newsletter delivery stopped: {}", cannotConnect.toString());
        } finally {
            if (connection != null) {
                connection.close();
            }
            repository.release(untouched);
        }
        return accepted;
    }

    private IssueRenderer.Prepared prepare(long issueId) {
        Issue issue = issues.find(issueId).orElseThrow();
        return issues.prepare(issue, newsletters.find(issue.newsletter()).orElseThrow());
    }
}
