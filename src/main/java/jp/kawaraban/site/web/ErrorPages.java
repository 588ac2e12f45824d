package jp.kawaraban.site.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.platform.web.PageMeta;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages in Japanese with a way back, for errors the container answers (and for
 * {@link Refusals}). Anything unexpected gets the 500 page without details.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    private final SitePages pages;

    ErrorPages(SitePages pages) {
        this.pages = pages;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return page(status);
    }

    ModelAndView page(HttpStatusCode status) {
        String kind = switch (status.value()) {
            case 400 -> "badRequest";
            case 403 -> "forbidden";
            case 404 -> "notFound";
            case 413 -> "tooLarge";
            case 503 -> "unavailable";
            default -> status.is4xxClientError() ? "badRequest" : "serverError";
        };
        var msg = pages.msg();
        ModelAndView view = new ModelAndView("site/error", Map.of(
                "meta", PageMeta.hidden(msg.get("error." + kind + ".title")),
                "status", status.value(),
                "kind", kind));
        view.setStatus(status);
        return view;
    }
}
