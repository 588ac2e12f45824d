package jp.kawaraban;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.Extension;

/**
 * A real SMTP server (GreenMail) for the whole test run, started before the first
 * application context so the application sends its mail there over SMTP.
 */
public final class TestMail implements Extension {

    public static final GreenMail SERVER;

    static {
        SERVER = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        SERVER.start();
        System.setProperty("spring.mail.host", "127.0.0.1");
        System.setProperty("spring.mail.port", String.valueOf(SERVER.getSmtp().getPort()));
    }

    /** The messages received for one address, oldest first. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (Exception unreadable) {
                return false;
            }
        }).toList();
    }

    /**
     * Waits (as {@link Waiting} says) until exactly {@code count} messages have reached an
     * address and returns them: account mails leave after the answer.
     */
    public static List<MimeMessage> awaitCount(String address, int count) {
        return Awaitility.await(count + " mails to " + address).until(() -> to(address), messages -> messages.size() == count);
    }

    /**
     * The text of the newest message to an address: its (first) text/plain part, decoded
     * from whatever transfer encoding the sender chose (mostly Japanese text goes as base64).
     */
    public static String latestText(String address) {
        List<MimeMessage> messages = to(address);
        if (messages.isEmpty()) {
            throw new AssertionError("No mail to " + address);
        }
        MimeMessage newest = messages.getLast();
        try {
            String text = plainText(newest);
            return text != null ? text : GreenMailUtil.getBody(newest);
        } catch (Exception unreadable) {
            throw new AssertionError("Unreadable mail to " + address, unreadable);
        }
    }

    /**
     * The first link to {@code path} in the newest message to an address, waiting (as
     * {@link Waiting} says) for such a message: account mails leave after the answer.
     */
    public static String link(String address, String path) {
        // with the page to return to, when the link carries one (a sign-up from an article)
        Pattern pattern = Pattern.compile("https?://[^\\s]+" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_%-]+(&next=[A-Za-z0-9_%.-]+)?");
        return Awaitility.await("a mail to " + address + " with a link to " + path).ignoreExceptions()
                .until(() -> {
                    Matcher link = pattern.matcher(latestText(address));
                    return link.find() ? link.group() : null;
                }, java.util.Objects::nonNull);
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                String text = plainText(parts.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
