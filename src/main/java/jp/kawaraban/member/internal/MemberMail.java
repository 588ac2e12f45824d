package jp.kawaraban.member.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jp.kawaraban.member.Member;
import jp.kawaraban.platform.mail.MailMessage;
import jp.kawaraban.platform.mail.Postbox;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PublicUrls;
import org.springframework.stereotype.Component;

/**
 * The mails an account receives. Plain text: they carry one link each and must read well in
 * every mail program. Wording lives in the message bundle ({@code mail.member.*}).
 */
@Component
public class MemberMail {

    private final Postbox postbox;
    private final Messages msg;
    private final PublicUrls urls;

    MemberMail(Postbox postbox, Messages msg, PublicUrls urls) {
        this.postbox = postbox;
        this.msg = msg;
        this.urls = urls;
    }

    public void verifyEmail(Member member, String token) {
        verifyEmail(member, token, null);
    }

    /** @param returnTo the page the reader signed up from (a local path), carried by the link; or null */
    public void verifyEmail(Member member, String token, String returnTo) {
        send(member.email(), "verify", member.displayName(), link("/signup/verify", token)
                + jp.kawaraban.platform.web.LocalPaths.nextParameter(returnTo));
    }

    public void alreadyRegistered(Member member) {
        send(member.email(), "registered", member.displayName(), urls.url("/login"), urls.url("/password/forgot"));
    }

    public void resetPassword(Member member, String token) {
        send(member.email(), "reset", member.displayName(), link("/password/reset", token));
    }

    public void confirmNewEmail(Member member, String newEmail, String token) {
        send(newEmail, "changeEmail", member.displayName(), link("/my/account/email/confirm", token));
    }

    public void addressInUse(String email) {
        send(email, "addressInUse", urls.url("/password/forgot"));
    }

    public void emailChanged(Member before, String newEmail) {
        // The old address is the only one the rightful owner may still read: it gets the way to reach us.
        send(before.email(), "emailChanged", before.displayName(), newEmail, urls.url("/about/contact"));
    }

    public void accountDeleted(Member member) {
        send(member.email(), "deleted", member.displayName());
    }

    /** An invitation to the staff: the link sets a password (a new account) or confirms (an existing one). */
    public void invitation(String to, String name, jp.kawaraban.member.Role role, String invitedBy, String token) {
        send(to, "invitation", name, invitedBy, msg.get("staff.role." + role.name()), link("/invitation", token));
    }

    private void send(String to, String kind, Object... args) {
        String prefix = "mail.member." + kind;
        postbox.send(MailMessage.plain(to, msg.get(prefix + ".subject"),
                msg.get(prefix + ".body", args) + "\n\n" + msg.get("mail.member.signature")));
    }

    private String link(String path, String token) {
        return urls.url(path) + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
