package jp.kawaraban.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.newsletter.Issue;
import jp.kawaraban.newsletter.IssueDelivery;
import jp.kawaraban.newsletter.Issues;
import jp.kawaraban.newsletter.RenderedMessage;
import jp.kawaraban.newsletter.internal.MailChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Newsletter delivery speed and memory: {@code kawaraban.bench.recipients} confirmed
 * subscribers (default 100,000) on the embedded PostgreSQL, one issue of five articles queued
 * into the outbox, then the real delivery path (outbox claimed in batches, each message
 * rendered and personalised, handed over one SMTP connection per batch, marked sent row by
 * row) to a local SMTP sink that discards what it gets. A run with a tenth of the recipients
 * first shows whether memory grows with their number. Baseline in the same run: handing a
 * fixed, pre-built message to the same sink over one connection (TCP_NODELAY like the
 * delivery), as fast as SMTP goes one message after another.
 * Run by {@code bench/newsletter-send.sh}.
 */
@EnabledIfSystemProperty(named = "kawaraban.bench", matches = "true")
@SpringBootTest(properties = {
        "kawaraban.data-dir=target/bench-data/${random.uuid}",
        "kawaraban.demo=true",
        "kawaraban.newsletter.messages-per-second=0",
        "kawaraban.newsletter.batch-size=1000",
        "kawaraban.newsletter.poll-interval=1h",
        "spring.mail.host=127.0.0.1"})
class NewsletterSendBench {

    private static final SmtpSink SINK;

    static {
        try {
            SINK = new SmtpSink();
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
        System.setProperty("spring.mail.port", String.valueOf(SINK.port()));
    }

    @Autowired
    Issues issues;
    @Autowired
    IssueDelivery delivery;
    @Autowired
    MailChannel channel;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    jp.kawaraban.newsletter.NewsletterProperties properties;

    @Test
    void sendsAnIssue() throws Exception {
        int recipients = Integer.getInteger("kawaraban.bench.recipients", 100_000);
        System.out.printf("%n== newsletter delivery, %d cores, max heap %d MB, %d connections, rate limit %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                properties.connections(), properties.messagesPerSecond() > 0 ? properties.messagesPerSecond() + "/s" : "none");
        Result small = run("weekly", recipients / 10);
        Result large = run("five-today", recipients);
        double baseline = baseline(Math.min(recipients, 50_000));
        System.out.printf("%-46s %,9d messages %8.1f s %,8.0f messages/s  peak heap %,5d MB, retained %,4d MB%n",
                "delivery, " + small.count + " recipients", small.count, small.seconds, small.rate(), small.peakMb, small.retainedMb);
        System.out.printf("%-46s %,9d messages %8.1f s %,8.0f messages/s  peak heap %,5d MB, retained %,4d MB%n",
                "delivery, " + large.count + " recipients", large.count, large.seconds, large.rate(), large.peakMb, large.retainedMb);
        System.out.printf("%-46s %,8.0f messages/s  (delivery = %.2f of baseline)%n",
                "baseline: fixed message, one connection", baseline, large.rate() / baseline);
        System.out.printf("queueing the outbox for %,d recipients: %.1f s%n", large.count, large.queueSeconds);
    }

    private record Result(long count, double seconds, long peakMb, long retainedMb, double queueSeconds) {
        double rate() {
            return count / seconds;
        }
    }

    private Result run(String newsletter, int recipients) throws Exception {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO newsletter_subscription (email, newsletter_code, state, created_at, confirmed_at, changed_at)
                        SELECT 'reader' || n || '@bench.example', ?, 'CONFIRMED', ?, ?, ? FROM generate_series(1, ?) n""")
                .params(newsletter, now, now, now, recipients).update();
        var articles = catalog.latest(new PageRequest(1, 5)).items();
        long issue = issues.create(newsletter, "ベンチマーク号").id();
        issues.update(issue, "ベンチマーク号", articles.stream()
                .map(a -> new Issue.Item(a.id().value(), "編集部のひとこと：" + a.headline())).toList());
        long queueStart = System.nanoTime();
        issues.sendNow(issue);
        double queueSeconds = (System.nanoTime() - queueStart) / 1e9;

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        // The heap in use, sampled every 20 ms while the issue goes out.
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 20, TimeUnit.MILLISECONDS);
        long sinkBefore = SINK.messages.get();
        long start = System.nanoTime();
        long sent = 0;
        while (issues.counts(issue).queued() > 0) {
            sent += delivery.deliverDue(channel, clock.instant());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.shutdown();
        sampler.awaitTermination(1, TimeUnit.SECONDS);
        System.gc();
        long retained = memory.getHeapMemoryUsage().getUsed() - before;
        long received = SINK.messages.get() - sinkBefore;
        if (received != recipients || sent != recipients) {
            throw new AssertionError("sent " + sent + ", the sink received " + received + ", expected " + recipients);
        }
        return new Result(sent, seconds, peak.get() >> 20, Math.max(0, retained) >> 20, queueSeconds);
    }

    /** A fixed message, built once, handed over repeatedly on one connection. */
    private double baseline(int count) throws Exception {
        var articles = catalog.latest(new PageRequest(1, 1)).items();
        long issue = issues.create("weekly", "基準").id();
        issues.update(issue, "基準", List.of(new Issue.Item(articles.getFirst().id().value(), "基準")));
        RenderedMessage message = issues.preview(issue, "reader@bench.example").orElseThrow();
        Properties noDelay = new Properties();
        noDelay.put("mail.smtp.socketFactory", new jp.kawaraban.newsletter.internal.NoDelaySockets());
        Session session = Session.getInstance(noDelay);
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(message.fromAddress());
        mime.setRecipients(MimeMessage.RecipientType.TO, message.to());
        mime.setSubject(message.subject(), "UTF-8");
        mime.setText(message.text() + message.html(), "UTF-8");
        mime.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", SINK.port(), null, null);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                transport.sendMessage(mime, mime.getAllRecipients());
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }
}
