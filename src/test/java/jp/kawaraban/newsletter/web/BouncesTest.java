package jp.kawaraban.newsletter.web;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestMail;
import jp.kawaraban.WebSession;
import jp.kawaraban.newsletter.Bounces;
import jp.kawaraban.newsletter.NewsletterProperties;
import jp.kawaraban.newsletter.Newsletters;
import jp.kawaraban.newsletter.SubscriptionState;
import jp.kawaraban.newsletter.internal.BounceMailboxReader;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounces and complaints stop the mail (webhook and IMAP bounce mailbox on GreenMail); the
 * member sees why on the account page and resumes by confirming the address again.
 */
@KawarabanTest
class BouncesTest {

    @LocalServerPort
    int port;
    @Autowired
    Bounces bounces;
    @Autowired
    BounceMailboxReader reader;
    @Autowired
    Newsletters newsletters;
    @Autowired
    NewsletterProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void theWebhookIsOffWithoutATokenAndRefusesWrongTokens() {
        var provider = new WebSession(port);
        assertThat(provider.postJson("/newsletters/webhooks/bounce", "{\"email\":\"x@example.org\"}", Map.of())
                .statusCode()).as("no token configured: off, and no CSRF in the way").isEqualTo(404);

        String email = subscribed();
        var webhook = new BounceWebhook(bounces, withToken("s3cret-for-tests"));
        assertThat(webhook.report("Bearer wrong", new BounceWebhook.Report(email, "bounce", "550")).getStatusCode().value())
                .isEqualTo(401);
        assertThat(webhook.report(null, new BounceWebhook.Report(email, "bounce", "550")).getStatusCode().value())
                .isEqualTo(401);
        assertThat(webhook.report("Bearer s3cret-for-tests", new BounceWebhook.Report("nonsense", "bounce", ""))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(state(email)).isEqualTo(SubscriptionState.CONFIRMED);

        ResponseEntity<Map<String, String>> ok = webhook.report("Bearer s3cret-for-tests",
                new BounceWebhook.Report(email, "complaint", "abuse report"));
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(state(email)).isEqualTo(SubscriptionState.SUPPRESSED);
        assertThat(newsletters.subscriptionsOf(email).suppressedReason()).isEqualTo("COMPLAINT");
    }

    @Test
    void permanentFailuresAndComplaintsInTheBounceMailboxSuppressTemporaryOnesDoNot() throws Exception {
        String hard = subscribed();
        String soft = subscribed();
        String complained = subscribed();
        GreenMail imap = new GreenMail(new ServerSetup[]{
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        imap.start();
        try {
            GreenMailUser mailbox = imap.setUser("bounces@kawaraban.example", "bounces", "mailbox-password");
            mailbox.deliver(report("delivery-status", dsn(hard, "failed", "5.1.1")));
            mailbox.deliver(report("delivery-status", dsn(soft, "delayed", "4.2.2")));
            mailbox.deliver(report("feedback-report", "Feedback-Type: abuse\r\nUser-Agent: test\r\nVersion: 1\r\n",
                    "To: " + complained + "\r\nSubject: 今日読みたい5本\r\n\r\n本文\r\n"));

            var settings = new NewsletterProperties.BounceMailbox("127.0.0.1", imap.getImap().getPort(), "imap",
                    "bounces", "mailbox-password", Duration.ofMinutes(5));
            assertThat(reader.read(settings)).isEqualTo(2);
            assertThat(state(hard)).isEqualTo(SubscriptionState.SUPPRESSED);
            assertThat(newsletters.subscriptionsOf(hard).suppressedReason()).isEqualTo("BOUNCE");
            assertThat(state(soft)).isEqualTo(SubscriptionState.CONFIRMED);
            assertThat(state(complained)).isEqualTo(SubscriptionState.SUPPRESSED);
            assertThat(reader.read(settings)).as("each report counts once").isZero();
        } finally {
            imap.stop();
        }
    }

    @Test
    void aMemberWhoseMailBouncedSeesWhyAndResumesByConfirmingTheAddress() {
        String email = "expert@example.com";
        var member = WebSession.loggedIn(port, email, KawarabanTest.DEMO_PASSWORD);
        member.submit("/my/account", "/my/account/newsletters", Map.of("newsletter", "five-today", "action", "start"));
        confirmLatest(member, email);
        assertThat(state(email)).isEqualTo(SubscriptionState.CONFIRMED);

        bounces.suppress(email, Bounces.Kind.BOUNCE, "550 5.1.1 user unknown", "test");
        Document account = member.page("/my/account");
        assertThat(account.selectFirst(".suppressed").text()).contains("メールが届かなかった");
        assertThat(account.select(".newsletter-state[data-code=five-today] button").text())
                .isEqualTo("アドレスを確認して配信を再開する");

        member.submit("/my/account", "/my/account/newsletters", Map.of("newsletter", "five-today", "action", "start"));
        assertThat(state(email)).as("not before the confirmation").isEqualTo(SubscriptionState.SUPPRESSED);
        confirmLatest(member, email);
        assertThat(state(email)).isEqualTo(SubscriptionState.CONFIRMED);
        assertThat(member.page("/my/account").select(".suppressed")).isEmpty();
    }

    // --- helpers -------------------------------------------------------------------

    private void confirmLatest(WebSession session, String email) {
        String link = session.local(TestMail.link(email, "/newsletters/confirm"));
        String token = session.page(link).selectFirst("input[name=token]").val();
        assertThat(session.submit(link, "/newsletters/confirm", Map.of("token", token)).statusCode()).isEqualTo(200);
    }

    private String subscribed() {
        String email = "bouncer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO newsletter_subscription (email, newsletter_code, state, created_at, confirmed_at, changed_at)
                        VALUES (?, 'five-today', 'CONFIRMED', ?, ?, ?)""").params(email, now, now, now).update();
        return email;
    }

    private SubscriptionState state(String email) {
        return newsletters.subscriptionsOf(email).entries().stream().filter(e -> e.newsletter().code().equals("five-today"))
                .findFirst().orElseThrow().state();
    }

    private NewsletterProperties withToken(String token) {
        var p = properties;
        return new NewsletterProperties(p.confirmLinkLifetime(), p.confirmMailsPerHour(), p.postalAddress(),
                p.unsubscribeMailbox(), p.signingKey(), p.messagesPerSecond(), p.batchSize(), p.maxAttempts(),
                p.retryBackoff(), p.pollInterval(), p.lease(), token, p.bounceMailbox(), p.unlockLinkLifetime(),
                p.unlockLifetime(), p.connections(), p.smtpClient(), p.signUpsPerClientPerHour());
    }

    private static String dsn(String recipient, String action, String status) {
        return "Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; " + recipient
                + "\r\nAction: " + action + "\r\nStatus: " + status + "\r\n";
    }

    private static MimeMessage report(String type, String report) throws Exception {
        return report(type, report, "To: someone@example.org\r\nSubject: x\r\n\r\nx\r\n");
    }

    /** A multipart/report as mail servers send them: a human part, the report, the original. */
    private static MimeMessage report(String type, String report, String original) throws Exception {
        String boundary = "b-" + UUID.randomUUID();
        String reportType = type.equals("delivery-status") ? "message/delivery-status" : "message/feedback-report";
        String raw = "From: MAILER-DAEMON@mx.example.org\r\nTo: bounces@kawaraban.example\r\nSubject: report\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=" + type + "; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nreport\r\n"
                + "--" + boundary + "\r\nContent-Type: " + reportType + "\r\n\r\n" + report + "\r\n"
                + "--" + boundary + "\r\nContent-Type: message/rfc822\r\n\r\n" + original + "\r\n"
                + "--" + boundary + "--\r\n";
        return new MimeMessage(Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }
}
