package jp.kawaraban.platform.mail.web;

import java.util.Map;

import jp.kawaraban.platform.DemoMode;
import jp.kawaraban.platform.mail.LocalMailbox;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /dev/mail}: the mails the embedded default "sent", so sign-up and password reset
 * can be tried without a mail server. Exists only when no SMTP server is configured, and
 * answers only in demo mode: the page shows every reader's sign-up and reset links.
 */
@Controller
@ConditionalOnBean(LocalMailbox.class)
class DevMailPage {

    private final LocalMailbox mailbox;
    private final Messages msg;
    private final DemoMode demoMode;

    DevMailPage(LocalMailbox mailbox, Messages msg, DemoMode demoMode) {
        this.mailbox = mailbox;
        this.msg = msg;
        this.demoMode = demoMode;
    }

    @GetMapping("/dev/mail")
    ModelAndView mail() {
        if (!demoMode.enabled()) {
            throw new PageNotFoundException("/dev/mail outside demo mode");
        }
        return new ModelAndView("platform/devMail", Map.of(
                "meta", PageMeta.hidden(msg.get("devmail.title")),
                "mails", mailbox.latest()));
    }
}
