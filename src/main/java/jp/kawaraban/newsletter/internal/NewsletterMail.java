package jp.kawaraban.newsletter.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import jp.kawaraban.newsletter.Newsletter;
import jp.kawaraban.platform.mail.MailMessage;
import jp.kawaraban.platform.mail.Postbox;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PublicUrls;
import org.springframework.stereotype.Component;

/**
 * The single mails of sign-up: the confirmation link, and the note to an address that is
 * already subscribed. Plain text, wording in the bundle ({@code mail.newsletter.*}).
 */
@Component
public class NewsletterMail {

    private final Postbox postbox;
    private final Messages msg;
    private final PublicUrls urls;
    private final SignedTokens signed;

    NewsletterMail(Postbox postbox, Messages msg, PublicUrls urls, SignedTokens signed) {
        this.postbox = postbox;
        this.msg = msg;
        this.urls = urls;
        this.signed = signed;
    }

    public void confirm(String email, List<Newsletter> newsletters, String token, long hours) {
        send(email, "confirm", names(newsletters), link("/newsletters/confirm", token), hours);
    }

    public void alreadySubscribed(String email, List<Newsletter> newsletters) {
        send(email, "already", names(newsletters), manageUrl(email));
    }

    public void unlock(String email, String headline, String token, long hours) {
        send(email, "unlock", headline, link("/newsletters/unlock", token), hours);
    }

    /** The page where an address manages all its newsletters, without logging in. */
    public String manageUrl(String email) {
        return link("/newsletters/manage", signed.sign(Payloads.manage(email)));
    }

    public String unsubscribeUrl(String email, String newsletter) {
        return link("/newsletters/unsubscribe", signed.sign(Payloads.unsubscribe(newsletter, email)));
    }

    private void send(String to, String kind, Object... args) {
        String prefix = "mail.newsletter." + kind;
        postbox.send(MailMessage.plain(to, msg.get(prefix + ".subject"),
                msg.get(prefix + ".body", args) + "\n\n" + msg.get("mail.newsletter.signature")));
    }

    private static String names(List<Newsletter> newsletters) {
        return newsletters.stream().map(n -> "・" + n.name()).collect(Collectors.joining("\n"));
    }

    private String link(String path, String token) {
        return urls.url(path) + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
