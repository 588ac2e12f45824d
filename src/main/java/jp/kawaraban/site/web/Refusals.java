package jp.kawaraban.site.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.access.Action;
import jp.kawaraban.access.ActionAccess;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Reader;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one way readers are told "not for you": controllers call {@link #require(Action)}
 * before acting, and a refusal becomes a page (reason in Japanese, the way in: log in,
 * plans) or, under {@code /api/}, RFC 9457 problem details with the same message and a
 * {@code refusal} code apps can act on. Refusals are 403; a failure on our side is 503.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Refusals {

    private final Entitlements entitlements;
    private final SitePages pages;

    Refusals(Entitlements entitlements, SitePages pages) {
        this.entitlements = entitlements;
        this.pages = pages;
    }

    /** @throws ActionRefusedException when the current reader may not do {@code action} */
    public void require(Action action) {
        ActionAccess access = entitlements.mayUse(Reader.current(), action);
        if (!access.allowed()) {
            throw new ActionRefusedException(access.refusal());
        }
    }

    @ExceptionHandler(ActionRefusedException.class)
    Object refused(ActionRefusedException refused, HttpServletRequest request) {
        ActionAccess.Refusal refusal = refused.refusal();
        HttpStatus status = refusal == ActionAccess.Refusal.FAILED ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.FORBIDDEN;
        String message = pages.msg().get(refusal.messageKey());
        String next = request.getRequestURI();
        String login = "/login?next=" + ShareLinks.encodePath(next);
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            problem.setTitle(pages.msg().get("access.refusal.title"));
            problem.setType(URI.create("https://kawaraban.example/problems/" + refusal.name().toLowerCase().replace('_', '-')));
            problem.setProperty("refusal", refusal.name());
            if (refusal == ActionAccess.Refusal.LOG_IN) {
                problem.setProperty("login", login);
            }
            if (refusal == ActionAccess.Refusal.PAID_ONLY) {
                problem.setProperty("plans", "/plans");
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("site/refused", Map.of(
                "chrome", pages.chrome(PageMeta.hidden(pages.msg().get("access.refusal.title"))),
                "message", message,
                "refusal", refusal.name(),
                "login", login));
        page.setStatus(status);
        return page;
    }
}
