package jp.kawaraban.newsletter.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jp.kawaraban.newsletter.Bounces;
import jp.kawaraban.newsletter.NewsletterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the bounce mailbox over IMAP: delivery status notifications (RFC 3464) whose action
 * is {@code failed} with a permanent (5.x.x) status, and feedback reports (RFC 5965, spam
 * complaints), each suppress the address they name. Temporary failures change nothing. Every
 * message read is deleted, so each report counts once.
 */
@Component
public class BounceMailboxReader {

    private static final Logger log = LoggerFactory.getLogger(BounceMailboxReader.class);
    private static final Pattern FINAL_RECIPIENT = Pattern.compile("(?im)^Final-Recipient:\\s*rfc822;\\s*<?([^\\s>]+)>?");
    private static final Pattern ACTION_FAILED = Pattern.compile("(?im)^Action:\\s*failed");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*(\\d\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern COMPLAINT_RECIPIENT = Pattern.compile("(?im)^(?:Original-Rcpt-To|To):\\s*(?:.*<)?([^\\s<>]+@[^\\s<>]+)>?");

    private final Bounces bounces;

    BounceMailboxReader(Bounces bounces) {
        this.bounces = bounces;
    }

    /** @return addresses suppressed */
    public int read(NewsletterProperties.BounceMailbox mailbox) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        int suppressed = 0;
        try (Store store = session.getStore(mailbox.protocol())) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.getMessages()) {
                    if (handle(raw(message))) {
                        suppressed++;
                    }
                    message.setFlag(Flags.Flag.DELETED, true);
                }
            } finally {
                inbox.close(true);
            }
        }
        return suppressed;
    }

    /** One report as raw text; package-visible logic so it can be tested without a server. */
    boolean handle(String raw) {
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("report-type=delivery-status") || lower.contains("report-type=\"delivery-status\"")) {
            Matcher recipient = FINAL_RECIPIENT.matcher(raw);
            Matcher status = STATUS.matcher(raw);
            if (recipient.find() && ACTION_FAILED.matcher(raw).find() && status.find() && status.group(1).startsWith("5")) {
                return bounces.suppress(recipient.group(1), Bounces.Kind.BOUNCE, "DSN " + status.group(1), "bounce-mailbox");
            }
            return false;
        }
        if (lower.contains("report-type=feedback-report") || lower.contains("report-type=\"feedback-report\"")) {
            int original = lower.indexOf("content-type: message/rfc822");
            Matcher recipient = COMPLAINT_RECIPIENT.matcher(original < 0 ? raw : raw.substring(original));
            if (recipient.find()) {
                return bounces.suppress(recipient.group(1), Bounces.Kind.COMPLAINT, "feedback report", "bounce-mailbox");
            }
        }
        return false;
    }

    private static String raw(Message message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception unreadable) {
            log.warn("Unreadable message in the bounce mailbox: {}", unreadable.toString());
            return "";
        }
    }
}
