package jp.kawaraban.newsletter.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.newsletter.Issue;
import jp.kawaraban.newsletter.IssueDelivery;
import jp.kawaraban.newsletter.Issues;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery job through the own SMTP client: it is the channel the application uses, and a
 * recipient the server refuses becomes a retry with the server's words while the others on
 * the same connection are sent.
 */
@KawarabanTest
class PipeliningDeliveryTest {

    @org.springframework.beans.factory.annotation.Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MailChannel channel;
    @Autowired
    Issues issues;
    @Autowired
    IssueDelivery delivery;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void theApplicationDeliversIssuesWithTheOwnClient() {
        assertThat(channel).isInstanceOf(MailChannels.PipeliningSmtpChannel.class);
    }

    @Test
    void aRefusedRecipientIsRetriedLaterWithTheServersReplyWhileTheOthersAreSent() throws Exception {
        try (var server = new ScriptedSmtpServer(List.of("PIPELINING", "8BITMIME"), null)) {
            var through = new MailChannels.PipeliningSmtpChannel(new SmtpClient.Settings("127.0.0.1", server.port(), false, false,
                    false, null, null, false, Set.of("PLAIN", "LOGIN"), Duration.ofSeconds(5), Duration.ofSeconds(10),
                    Duration.ZERO, "test.local", null, true, "", List.of()), clock);
            String tag = Long.toString(System.nanoTime(), 36);
            List<String> recipients = List.of("a-" + tag + "@example.org", "refused-" + tag + "@example.org", "c-" + tag + "@example.org");
            Timestamp now = Timestamp.from(clock.instant());
            for (String email : recipients) {
                jdbc.sql("""
                                INSERT INTO newsletter_subscription (email, newsletter_code, state, created_at, confirmed_at, changed_at)
                                VALUES (?, 'weekly', 'CONFIRMED', ?, ?, ?)""").params(email, now, now, now).update();
            }
            long issue = issues.create("weekly", "パイプライン号").id();
            issues.update(issue, "パイプライン号", List.of(new Issue.Item(
                    ArticleId.derivedFrom("demo:business-rice-prices-stay-high").value(), "物価の動きを押さえる一本")));
            // Queued and moved out of reach of the application's own delivery job (it sends to GreenMail) in one
            // transaction, so that job never sees the rows due; they are due for this run only.
            Instant later = clock.instant().plus(Duration.ofDays(1));
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                assertThat(issues.sendNow(issue)).isEqualTo(Issues.Outcome.OK);
                jdbc.sql("UPDATE newsletter_outbox SET next_attempt_at = ? WHERE issue_id = ?")
                        .params(Timestamp.from(later), issue).update();
            });

            delivery.deliverDue(through, later);

            // (The run's clock is a day ahead, so the first retry, a minute later in real time, may already be in it.)
            String refused = jdbc.sql("""
                            SELECT state || ' ' || (attempts BETWEEN 1 AND 2) || ' ' || (next_attempt_at > now()) || ' ' || last_error
                            FROM newsletter_outbox WHERE issue_id = ? AND email = ?""")
                    .params(issue, recipients.get(1)).query(String.class).single();
            assertThat(refused).as("queued for a later retry, with the server's reply")
                    .startsWith("QUEUED true true ").contains("550 5.1.1 no such mailbox here");
            List<String> arrived = server.messages.stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
            for (String email : List.of(recipients.get(0), recipients.get(2))) {
                assertThat(arrived).as(email).anyMatch(message -> message.contains("To: " + email + "\r\n")
                        && message.contains("Content-Transfer-Encoding: 8bit") && message.contains("物価の動きを押さえる一本"));
            }
            assertThat(issues.counts(issue).sent()).isEqualTo(issues.counts(issue).total() - 1);
            assertThat(server.commands.stream().filter(command -> command.startsWith("EHLO")).count())
                    .as("one connection carried them all").isLessThanOrEqualTo(4);
        }
    }
}
