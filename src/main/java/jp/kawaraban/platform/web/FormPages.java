package jp.kawaraban.platform.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a request with a {@link FormPage}: the one template ({@code platform/form}) that
 * every module's small forms and notices share, so log-in, newsletter confirmations and
 * checkout notices look and behave alike.
 */
@Component
public class FormPages {

    private final Messages msg;

    FormPages(Messages msg) {
        this.msg = msg;
    }

    /** {@code page}, kept out of search engines, with {@code status}. */
    public ModelAndView show(FormPage page, HttpStatus status) {
        ModelAndView view = new ModelAndView("platform/form", Map.of(
                "meta", PageMeta.hidden(page.title()),
                "page", page));
        view.setStatus(status);
        return view;
    }

    /** A notice with a link to the home page, answered with 200. */
    public ModelAndView notice(String titleKey, String text, boolean error) {
        return notice(titleKey, text, error, HttpStatus.OK);
    }

    /** A notice with a link to the home page: a used-up link, a finished action. */
    public ModelAndView notice(String titleKey, String text, boolean error, HttpStatus status) {
        return show(FormPage.notice(msg.get(titleKey), text, error, List.of(new FormPage.Link("/", msg.get("error.home")))),
                status);
    }
}
