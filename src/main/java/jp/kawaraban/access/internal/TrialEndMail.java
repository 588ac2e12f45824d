package jp.kawaraban.access.internal;

import jp.kawaraban.access.TrialEnded;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.platform.mail.MailMessage;
import jp.kawaraban.platform.mail.Postbox;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PublicUrls;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a member their trial has ended: paid from now on, or back to the free membership with
 * the way to the plans. Sent after the commit that settled the trial, through the event
 * publication registry, so a node that dies before sending sends it when it starts again.
 */
@Component
class TrialEndMail {

    private final Accounts accounts;
    private final Postbox postbox;
    private final Messages msg;
    private final PublicUrls urls;

    TrialEndMail(Accounts accounts, Postbox postbox, Messages msg, PublicUrls urls) {
        this.accounts = accounts;
        this.postbox = postbox;
        this.msg = msg;
        this.urls = urls;
    }

    @ApplicationModuleListener
    void on(TrialEnded ended) {
        accounts.find(ended.member()).ifPresent(member -> {
            String kind = ended.converted() ? "converted" : "expired";
            postbox.send(MailMessage.plain(member.email(), msg.get("mail.access.trialEnded." + kind + ".subject"),
                    msg.get("mail.access.trialEnded." + kind + ".body", member.displayName(), urls.url("/plans"))
                            + "\n\n" + msg.get("mail.member.signature")));
        });
    }
}
