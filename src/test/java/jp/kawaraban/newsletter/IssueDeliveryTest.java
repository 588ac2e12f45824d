package jp.kawaraban.newsletter;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestClock;
import jp.kawaraban.TestMail;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.newsletter.internal.IssueRepository;
import jp.kawaraban.newsletter.internal.MailChannel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issues go through the outbox to GreenMail: multipart messages with one-click unsubscribe
 * headers and the postal address, no paid text, and a delivery that dies mid-issue finishes
 * on the next run with every recipient mailed exactly once.
 */
@KawarabanTest
class IssueDeliveryTest {

    private static final String FREE_ARTICLE = id("business-rice-prices-stay-high");
    private static final String PAID_ARTICLE = id("riyadh-talks-analysis");

    @LocalServerPort
    int port;
    @Autowired
    Issues issues;
    @Autowired
    IssueDelivery delivery;
    @Autowired
    MailChannel channel;
    @Autowired
    Newsletters newsletters;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NewsletterProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    TestClock testClock;
    @Autowired
    IssueRepository outbox;

    @Test
    void anIssueReachesEachSubscriberAsHtmlAndTextWithOneClickUnsubscribeAndNoPaidText() throws Exception {
        List<String> recipients = subscribers("weekly", 3);
        long issue = composedIssue("weekly", "今週の読みどころ");
        // These three, and whoever other tests of the shared application subscribed before.
        long confirmed = jdbc.sql("SELECT count(*) FROM newsletter_subscription WHERE newsletter_code = 'weekly' AND state = 'CONFIRMED'")
                .query(Long.class).single();
        assertThat(issues.sendNow(issue)).isEqualTo(Issues.Outcome.OK);
        assertThat(issues.sendNow(issue)).as("an issue goes out once").isEqualTo(Issues.Outcome.NOT_EDITABLE);
        deliverAll();

        for (String email : recipients) {
            List<MimeMessage> received = TestMail.to(email);
            assertThat(received).hasSize(1);
            MimeMessage message = received.getFirst();
            assertThat(message.getSubject()).isEqualTo("今週の読みどころ");
            assertThat(message.getFrom()[0].toString()).contains("newsletter@kawaraban.example");
            assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
            String unsubscribe = message.getHeader("List-Unsubscribe")[0];
            assertThat(unsubscribe).startsWith("<http").contains("/newsletters/unsubscribe?token=");
            assertThat(message.isMimeType("multipart/alternative")).isTrue();
            Multipart parts = (Multipart) message.getContent();
            String text = (String) parts.getBodyPart(0).getContent();
            String html = (String) parts.getBodyPart(1).getContent();
            assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
            assertThat(text).contains("物価の動きを押さえる一本", "/articles/" + FREE_ARTICLE, "/articles/" + PAID_ARTICLE,
                    properties.postalAddress(), email, "有料会員限定");
            assertThat(html).contains("href=\"http://localhost:" + port + "/articles/" + PAID_ARTICLE + "\"", properties.postalAddress());
            for (String paidParagraph : paidBodyBeyondLead()) {
                assertThat(text).doesNotContain(paidParagraph);
                assertThat(html).doesNotContain(paidParagraph);
            }
        }
        assertThat(issues.counts(issue).sent()).isEqualTo(confirmed);
        assertThat(issues.find(issue).orElseThrow().state()).isEqualTo(Issue.State.SENT);

        // The header's link works as a one-click unsubscribe for that recipient only.
        String oneClick = unsubscribe(TestMail.to(recipients.getFirst()).getFirst());
        var mailProgram = new WebSession(port);
        assertThat(mailProgram.post(mailProgram.local(oneClick), java.util.Map.of("List-Unsubscribe", "One-Click"))
                .statusCode()).isEqualTo(200);
        assertThat(state(recipients.get(0))).isEqualTo(SubscriptionState.UNSUBSCRIBED);
        assertThat(state(recipients.get(1))).isEqualTo(SubscriptionState.CONFIRMED);
    }

    @Test
    void aDeliveryKilledMidIssueFinishesOnTheNextRunWithNobodyMissedAndNobodyMailedTwice() {
        List<String> recipients = subscribers("five-today", 12);
        long issue = composedIssue("five-today", "朝の5本");
        assertThat(issues.sendNow(issue)).isEqualTo(Issues.Outcome.OK);
        assertThat(issues.counts(issue).queued()).as("the whole outbox is written first").isGreaterThanOrEqualTo(12);

        AtomicInteger handedOver = new AtomicInteger();
        MailChannel dying = () -> {
            MailChannel.Connection real = channel.open();
            return new MailChannel.Connection() {
                @Override
                public void send(jp.kawaraban.newsletter.RenderedMessage message) throws Exception {
                    if (handedOver.get() >= 5) {
                        throw new Killed(); // the process dies here: no catch, no bookkeeping
                    }
                    real.send(message);
                    handedOver.incrementAndGet();
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        };
        try {
            delivery.deliverDue(dying, clock.instant());
        } catch (Killed expected) {
            // as if the JVM had been killed
        }
        assertThat(handedOver.get()).isLessThanOrEqualTo(5 + properties.connections());
        assertThat(issues.counts(issue).queued()).as("left for the next run").isPositive();

        // After a restart, once the dead sender's lease has ended.
        delivery.deliverDue(channel, clock.instant().plus(properties.lease()).plusSeconds(1));
        deliverAll();
        for (String email : recipients) {
            assertThat(TestMail.to(email)).as(email).hasSize(1);
        }
        assertThat(issues.counts(issue).queued()).isZero();
        assertThat(issues.counts(issue).sent()).isEqualTo(issues.counts(issue).total());
    }

    @Test
    void aSlowSenderKeepsTheRowsItClaimedPastTheLeaseSoNoOtherSenderMailsThemAgain() {
        List<String> recipients = subscribers("five-today", 8);
        long issue = composedIssue("five-today", "遅い配信");
        assertThat(issues.sendNow(issue)).isEqualTo(Issues.Outcome.OK);

        // A server so slow that each message takes a third of the lease; after the fourth, the
        // batch has outlived its first lease, and another node looks for work.
        List<IssueRepository.Claimed> takenByAnotherNode = new ArrayList<>();
        AtomicInteger handedOver = new AtomicInteger();
        MailChannel slow = () -> {
            MailChannel.Connection real = channel.open();
            return new MailChannel.Connection() {
                @Override
                public void send(jp.kawaraban.newsletter.RenderedMessage message) throws Exception {
                    real.send(message);
                    testClock.advance(properties.lease().dividedBy(3));
                    if (handedOver.incrementAndGet() == 4) {
                        Instant now = clock.instant();
                        // Rows other tests of the shared application left queued (an editor's
                        // send-now, say: no delivery job runs in tests) are not this test's
                        // business: the other node gives them straight back.
                        List<IssueRepository.Claimed> taken = outbox.claim(100, now, now.plus(properties.lease()));
                        takenByAnotherNode.addAll(taken.stream().filter(row -> row.issue() == issue).toList());
                        jdbc.sql("UPDATE newsletter_outbox SET lease_until = NULL WHERE id = ANY(?) AND issue_id <> ?")
                                .params(taken.stream().map(IssueRepository.Claimed::id).toArray(Long[]::new), issue).update();
                    }
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        };
        delivery.deliverDue(slow, clock.instant());

        assertThat(takenByAnotherNode).as("rows the slow sender still had to send").isEmpty();
        for (String email : recipients) {
            assertThat(TestMail.to(email)).as(email).hasSize(1);
        }
        assertThat(issues.counts(issue).queued()).isZero();
    }

    @Test
    void aMessageTheServerRefusesIsRetriedLaterAndFinallyMarkedFailed() {
        List<String> recipients = subscribers("weekly", 1);
        long issue = composedIssue("weekly", "再送の確認");
        issues.sendNow(issue);
        MailChannel refusing = () -> new MailChannel.Connection() {
            @Override
            public void send(jp.kawaraban.newsletter.RenderedMessage message) throws Exception {
                throw new jakarta.mail.MessagingException("451 try later");
            }

            @Override
            public void close() {
            }
        };
        Instant now = clock.instant();
        for (int attempt = 0; attempt < properties.maxAttempts(); attempt++) {
            // Each retry waits twice as long as the one before.
            delivery.deliverDue(refusing, now.plus(properties.retryBackoff().multipliedBy((1L << attempt) * 2)));
            now = now.plus(properties.retryBackoff().multipliedBy((1L << attempt) * 2));
        }
        int attempts = jdbc.sql("SELECT attempts FROM newsletter_outbox WHERE issue_id = ? AND email = ?")
                .params(issue, recipients.getFirst()).query(Integer.class).single();
        assertThat(attempts).isEqualTo(properties.maxAttempts());
        assertThat(issues.counts(issue).failed()).isGreaterThanOrEqualTo(1);
        assertThat(TestMail.to(recipients.getFirst())).isEmpty();
    }

    @Test
    void editorsGetBadPicksRefused() {
        long issue = issues.create("weekly", "下書き").id();
        assertThat(issues.update(issue, "下書き", List.of(new Issue.Item("not-an-article", "x"))))
                .isEqualTo(Issues.Outcome.BAD_ARTICLE);
        assertThat(issues.update(issue, " ", List.of())).isEqualTo(Issues.Outcome.BAD_SUBJECT);
        assertThat(issues.update(issue, "下書き", List.of(new Issue.Item(FREE_ARTICLE, "あ".repeat(Issues.MAX_NOTE + 1)))))
                .isEqualTo(Issues.Outcome.NOTE_TOO_LONG);
        assertThat(issues.sendNow(issue)).as("nothing picked").isEqualTo(Issues.Outcome.NO_PICKS);
        assertThat(issues.create("no-such-letter", "x").outcome()).isEqualTo(Issues.Outcome.UNKNOWN_NEWSLETTER);
    }

    // --- helpers -------------------------------------------------------------------

    private long composedIssue(String newsletter, String subject) {
        long id = issues.create(newsletter, subject).id();
        assertThat(issues.update(id, subject, List.of(
                new Issue.Item(FREE_ARTICLE, "物価の動きを押さえる一本"),
                new Issue.Item(PAID_ARTICLE, "交渉の行方を読み解く")))).isEqualTo(Issues.Outcome.OK);
        return id;
    }

    private void deliverAll() {
        for (int i = 0; i < 5; i++) {
            delivery.deliverDue(channel, clock.instant());
        }
    }

    /** Paragraphs of the paid article past what an anonymous reader may see. */
    private List<String> paidBodyBeyondLead() {
        Article paid = catalog.get(PAID_ARTICLE);
        List<String> paragraphs = new ArrayList<>();
        for (Block block : paid.content().body().blocks()) {
            if (block instanceof Block.Paragraph && block.plainText().length() > 20) {
                paragraphs.add(block.plainText().substring(0, 20));
            }
        }
        assertThat(paragraphs).isNotEmpty();
        return paragraphs;
    }

    private List<String> subscribers(String newsletter, int count) {
        List<String> emails = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < count; i++) {
            String email = "subscriber-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            jdbc.sql("""
                            INSERT INTO newsletter_subscription (email, newsletter_code, state, created_at, confirmed_at, changed_at)
                            VALUES (?, ?, 'CONFIRMED', ?, ?, ?)""").params(email, newsletter, now, now, now).update();
            emails.add(email);
        }
        return emails;
    }

    private SubscriptionState state(String email) {
        return newsletters.subscriptionsOf(email).entries().stream().filter(e -> e.newsletter().code().equals("weekly"))
                .findFirst().orElseThrow().state();
    }

    private static String unsubscribe(MimeMessage message) throws Exception {
        String header = message.getHeader("List-Unsubscribe")[0];
        return header.substring(1, header.indexOf('>'));
    }

    private static String id(String slug) {
        return ArticleId.derivedFrom("demo:" + slug).value();
    }

    private static final class Killed extends Error {
    }
}
