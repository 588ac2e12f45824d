package jp.kawaraban.site.web;

import java.util.Map;

import jp.kawaraban.platform.mail.internal.FilePostbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /dev/mail}: the mails the embedded default "sent", so sign-up and password reset
 * can be tried without a mail server. Exists only when no SMTP server is configured.
 */
@Controller
@ConditionalOnBean(FilePostbox.class)
class DevMailPage {

    private final FilePostbox postbox;
    private final SitePages pages;

    DevMailPage(FilePostbox postbox, SitePages pages) {
        this.postbox = postbox;
        this.pages = pages;
    }

    @GetMapping("/dev/mail")
    ModelAndView mail() {
        return new ModelAndView("site/devMail", Map.of(
                "chrome", pages.chrome(PageMeta.hidden(pages.msg().get("devmail.title"))),
                "mails", postbox.latest()));
    }
}
