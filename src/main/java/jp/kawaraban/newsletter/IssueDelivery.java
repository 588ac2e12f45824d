package jp.kawaraban.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 * Hands queued outbox rows to the mail server: a batch at a time over one connection (several
 * connections side by side, {@code kawaraban.newsletter.connections}), at the configured rate, each row marked sent in its own statement right after the server accepted
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
            prepared.clear();
            int workers = Math.max(1, properties.connections());
            int claimSize = Math.max(1, properties.batchSize() / workers);
            List<java.util.concurrent.Future<Integer>> workersRunning = new ArrayList<>();
            try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < workers; i++) {
                    workersRunning.add(executor.submit(() -> deliverBatches(through, now, claimSize, workers)));
                }
                int sent = 0;
                for (var worker : workersRunning) {
                    sent += join(worker);
                }
                repository.finishIssues(clock.instant());
                return sent;
            }
        } finally {
            this.running.unlock();
        }
    }

    /** One connection's share: claim a batch, send it, until nothing is due or the server takes nothing. */
    private int deliverBatches(MailChannel through, Instant now, int claimSize, int workers) {
        int sent = 0;
        while (true) {
            Instant start = clock.instant().isAfter(now) ? clock.instant() : now;
            List<IssueRepository.Claimed> batch = repository.claim(claimSize, start, start.plus(properties.lease()));
            if (batch.isEmpty()) {
                return sent;
            }
            int accepted = sendBatch(through, batch, workers);
            sent += accepted;
            if (accepted == 0) {
                return sent; // the server takes nothing now: leave the rest to the next run
            }
        }
    }

    private static int join(java.util.concurrent.Future<Integer> worker) {
        try {
            return worker.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (java.util.concurrent.ExecutionException failed) {
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    private int sendBatch(MailChannel through, List<IssueRepository.Claimed> batch, int workers) {
        Map<Long, IssueRenderer.Prepared> prepared = this.prepared;
        List<Long> untouched = new ArrayList<>(batch.stream().map(IssueRepository.Claimed::id).toList());
        int accepted = 0;
        // The rate is shared by the connections side by side.
        long pace = properties.messagesPerSecond() > 0 ? (long) (1_000_000_000L * workers / properties.messagesPerSecond()) : 0;
        long next = System.nanoTime();
        MailChannel.Connection connection = null;
        try (IssueRepository.SentMarks marks = repository.sentMarks()) {
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
                marks.sent(row.id(), clock.instant()); // right after the server accepted it
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

    /** Issues rendered in this run (one entry per issue being sent; cleared at the start of each run). */
    private final Map<Long, IssueRenderer.Prepared> prepared = new java.util.concurrent.ConcurrentHashMap<>();

    private IssueRenderer.Prepared prepare(long issueId) {
        Issue issue = issues.find(issueId).orElseThrow();
        return issues.prepare(issue, newsletters.find(issue.newsletter()).orElseThrow());
    }
}
