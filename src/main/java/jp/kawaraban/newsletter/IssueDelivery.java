package jp.kawaraban.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Hands queued outbox rows to the mail server: several workers side by side
 * ({@code kawaraban.newsletter.connections}), each with one SMTP connection and one database
 * connection kept for the run, claiming a batch at a time, at the configured rate, each row
 * marked sent in its own statement right after the server accepted it. A failed message is retried later with a doubling wait, until it is marked failed. Rows
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

    /**
     * One connection's share: claim a batch, send it, until nothing is due or the server takes
     * nothing. The worker keeps one SMTP connection and one database connection for the run.
     */
    private int deliverBatches(MailChannel through, Instant now, int claimSize, int workers) {
        int sent = 0;
        try (Worker worker = new Worker(through, workers, repository.deliverySession())) {
            while (true) {
                Instant start = later(clock.instant(), now);
                Instant leaseUntil = start.plus(properties.lease()).truncatedTo(ChronoUnit.MICROS);
                List<IssueRepository.Claimed> batch = worker.session.claim(claimSize, start, leaseUntil);
                if (batch.isEmpty()) {
                    return sent;
                }
                int accepted = worker.send(batch, leaseUntil, now);
                sent += accepted;
                if (accepted == 0) {
                    return sent; // the server takes nothing now: leave the rest to the next run
                }
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
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

    /** One delivery worker: its SMTP connection (opened when first needed), its database session, its pace. */
    private final class Worker implements AutoCloseable {

        private final MailChannel through;
        private final IssueRepository.DeliverySession session;
        private final long pace; // the rate is shared by the connections side by side
        private long next = System.nanoTime();
        private MailChannel.Connection connection;

        Worker(MailChannel through, int workers, IssueRepository.DeliverySession session) {
            this.through = through;
            this.session = session;
            this.pace = properties.messagesPerSecond() > 0 ? (long) (1_000_000_000L * workers / properties.messagesPerSecond()) : 0;
        }

        /**
         * Sends a claimed batch; what it did not get to is released for the next run. Once half
         * the lease has gone, the rows not yet sent are leased again — those still held under
         * this worker's lease, that is: a row another sender took after the lease ran out (this
         * worker stalled) is left to it. The lease is short so that a killed node's rows are
         * soon free (decision 0020); renewing keeps a live but slow sender's rows its own.
         * @return messages accepted
         */
        int send(List<IssueRepository.Claimed> batch, Instant leaseUntil, Instant now) {
            Map<Long, IssueRenderer.Prepared> prepared = IssueDelivery.this.prepared;
            int accepted = 0;
            int done = 0; // rows before this index are marked sent or failed, or another sender's now
            Instant held = leaseUntil;
            java.util.Set<Long> lost = java.util.Set.of();
            try {
                for (IssueRepository.Claimed row : batch) {
                    Instant current = later(clock.instant(), now);
                    if (current.isAfter(held.minus(properties.lease().dividedBy(2)))) {
                        Instant renewed = current.plus(properties.lease()).truncatedTo(ChronoUnit.MICROS);
                        List<Long> rest = batch.subList(done, batch.size()).stream().map(IssueRepository.Claimed::id).toList();
                        java.util.Set<Long> kept = session.renew(rest, held, renewed);
                        held = renewed;
                        if (kept.size() < rest.size()) {
                            lost = rest.stream().filter(id -> !kept.contains(id)).collect(java.util.stream.Collectors.toSet());
                            log.warn("Newsletter delivery: {} claimed messages were taken over by another sender", lost.size());
                        }
                    }
                    if (lost.contains(row.id())) {
                        done++;
                        continue;
                    }
                    IssueRenderer.Prepared issue = prepared.computeIfAbsent(row.issue(), IssueDelivery.this::prepare);
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
                        session.failedAttempt(row, refused.getMessage(), clock.instant(), properties.maxAttempts(),
                                properties.retryBackoff());
                        done++;
                        log.warn("Newsletter message {} to the mail server failed: {}", row.id(), refused.toString());
                        if (!(refused instanceof MailChannel.Refused one && one.connectionUsable())) {
                            closeConnection(); // a fresh connection for the next message
                        }
                        continue;
                    }
                    session.sent(row.id(), clock.instant()); // right after the server accepted it
                    done++;
                    accepted++;
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException cannotConnect) {
                log.warn("Newsletter delivery stopped: {}", cannotConnect.toString());
            } finally {
                if (done < batch.size()) {
                    closeConnection();
                    session.release(batch.subList(done, batch.size()).stream().map(IssueRepository.Claimed::id).toList(), held);
                }
            }
            return accepted;
        }

        private void closeConnection() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }

        @Override
        public void close() {
            try {
                closeConnection();
            } finally {
                session.close();
            }
        }
    }

    /** Issues rendered in this run (one entry per issue being sent; cleared at the start of each run). */
    private final Map<Long, IssueRenderer.Prepared> prepared = new java.util.concurrent.ConcurrentHashMap<>();

    private IssueRenderer.Prepared prepare(long issueId) {
        Issue issue = issues.find(issueId).orElseThrow();
        return issues.prepare(issue, newsletters.find(issue.newsletter()).orElseThrow());
    }
}
