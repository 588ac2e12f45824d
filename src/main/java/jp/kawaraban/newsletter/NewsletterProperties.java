package jp.kawaraban.newsletter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param confirmLinkLifetime   how long the link in a confirmation mail works
 * @param confirmMailsPerHour   confirmation mails one address may receive per hour (a stranger
 *                              typing someone else's address cannot flood their mailbox)
 * @param postalAddress         the sender's physical address, printed at the foot of every issue
 * @param unsubscribeMailbox    the {@code mailto:} address in {@code List-Unsubscribe}, or empty for none
 * @param signingKey            base64 key for unsubscribe and manage links; empty: one is made and
 *                              kept in the database on first start (never commit one)
 * @param messagesPerSecond     delivery rate of issues to the SMTP server
 * @param batchSize             outbox rows one delivery run sends over one SMTP connection
 * @param maxAttempts           tries per message before it is marked failed
 * @param retryBackoff          wait before the first retry; doubled for each further one
 * @param pollInterval          how often the delivery job looks for queued messages
 * @param webhookToken          the bearer token the bounce webhook accepts; empty: the webhook is off
 * @param bounceMailbox         a mailbox (IMAP) that receives bounces and complaints; no host: not read
 * @param unlockLinkLifetime    how long the link in an email-unlock mail works
 * @param unlockLifetime        how long a browser keeps an article it unlocked by email
 * @param connections           SMTP connections used side by side for one delivery run
 * @param lease                 how long a sender holds the rows it claimed; after a crash, the rest
 *                              are sent by the next run once this has passed. A sender renews it
 *                              on the rows it has not sent yet once half of it has gone
 * @param signUpsPerClientPerHour different addresses one client (IP address) may sign up per hour,
 *                              so one machine cannot send confirmation mails to a long list of strangers
 * @param smtpClient            {@code own}: the newsletter's SMTP client (pipelining, 8bit bodies);
 *                              {@code jakarta}: Jakarta Mail, as all other mail
 */
@ConfigurationProperties("kawaraban.newsletter")
public record NewsletterProperties(
        @DefaultValue("48h") Duration confirmLinkLifetime,
        @DefaultValue("3") int confirmMailsPerHour,
        @DefaultValue("〒100-0000 東京都千代田区（架空の住所）瓦版編集部") String postalAddress,
        @DefaultValue("") String unsubscribeMailbox,
        @DefaultValue("") String signingKey,
        @DefaultValue("50") double messagesPerSecond,
        @DefaultValue("500") int batchSize,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration retryBackoff,
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("") String webhookToken,
        @DefaultValue BounceMailbox bounceMailbox,
        @DefaultValue("72h") Duration unlockLinkLifetime,
        @DefaultValue("30d") Duration unlockLifetime,
        @DefaultValue("4") int connections,
        @DefaultValue("own") SmtpClientKind smtpClient,
        @DefaultValue("20") int signUpsPerClientPerHour) {

    /** Which SMTP client delivers issues: the newsletter's own pipelining one, or Jakarta Mail. */
    public enum SmtpClientKind { OWN, JAKARTA }

    /**
     * @param protocol {@code imaps} or {@code imap}
     * @param every    how often the mailbox is read
     */
    public record BounceMailbox(@DefaultValue("") String host, @DefaultValue("993") int port,
                                @DefaultValue("imaps") String protocol, @DefaultValue("") String username,
                                @DefaultValue("") String password, @DefaultValue("5m") Duration every) {

        public boolean configured() {
            return !host.isBlank();
        }
    }
}
