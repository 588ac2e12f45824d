package jp.kawaraban.site.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.access.ActionAccess;
import jp.kawaraban.access.ActionRefusedException;
import jp.kawaraban.article.ArticleNotFoundException;
import jp.kawaraban.platform.web.BadParameterException;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
import jp.kawaraban.platform.web.PublicUrls;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place where "not for you" and "no such thing" become answers, for every module's
 * controllers: a Japanese page with the reason and a way on, or, under {@code /api/}, RFC 9457
 * problem details with the same message (and a {@code refusal} code apps can act on).
 * Refusals are 403 (a failure on our side 503), unknown articles and listings 404, unusable
 * parameters 400.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class Refusals {

    private final SitePages pages;
    private final ErrorPages errors;

    Refusals(SitePages pages, ErrorPages errors) {
        this.pages = pages;
        this.errors = errors;
    }

    @ExceptionHandler(ActionRefusedException.class)
    Object refused(ActionRefusedException refused, HttpServletRequest request) {
        ActionAccess.Refusal refusal = refused.refusal();
        HttpStatus status = refusal == ActionAccess.Refusal.FAILED ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.FORBIDDEN;
        String message = pages.msg().get(refusal.messageKey());
        String login = "/login?next=" + PublicUrls.encodePath(request.getRequestURI());
        if (isApi(request)) {
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
            return problem(status, problem);
        }
        ModelAndView page = new ModelAndView("site/refused", Map.of(
                "chrome", pages.chrome(PageMeta.hidden(pages.msg().get("access.refusal.title"))),
                "message", message,
                "refusal", refusal.name(),
                "login", login));
        page.setStatus(status);
        return page;
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    Object articleNotFound(HttpServletRequest request) {
        return isApi(request) ? problem(HttpStatus.NOT_FOUND, "api.problem.articleNotFound", null)
                : errors.page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(PageNotFoundException.class)
    Object pageNotFound(HttpServletRequest request) {
        // Under /api/ the only listings that can be missing are sections.
        return isApi(request) ? problem(HttpStatus.NOT_FOUND, "api.problem.sectionNotFound", null)
                : errors.page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object unreadableParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return isApi(request) ? problem(HttpStatus.BAD_REQUEST, "api.problem.badParameter", e.getName())
                : errors.page(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(BadParameterException.class)
    Object badParameter(BadParameterException e, HttpServletRequest request) {
        return isApi(request) ? problem(HttpStatus.BAD_REQUEST, "api.problem.badParameter", e.parameter())
                : errors.page(HttpStatus.BAD_REQUEST);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, String parameter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, pages.msg().get(key + ".detail"));
        problem.setTitle(pages.msg().get(key + ".title"));
        if (parameter != null) {
            problem.setProperty("parameter", parameter);
        }
        return problem(status, problem);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail problem) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
