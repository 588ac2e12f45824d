package jp.kawaraban.site.web;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.access.ActionRefusedException;
import jp.kawaraban.platform.Refusal;
import jp.kawaraban.platform.web.BadParameterException;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PublicUrls;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place where a {@link Refusal} that no controller showed on its own form becomes an
 * answer, for every module's controllers: under {@code /api/}, RFC 9457 problem details (the
 * reason in Japanese as {@code detail}, its title, and the codes apps act on); elsewhere a
 * Japanese page with the reason and a way on — or, for something that does not exist, the
 * 404 page. The status is the refusal's kind: 400, 403, 404, 409, 413, 415; 503 when the
 * refusal is a failure on our side.
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

    @ExceptionHandler(Refusal.class)
    Object refused(Refusal refused, HttpServletRequest request) {
        HttpStatusCode status = HttpStatusCode.valueOf(refused.kind().status());
        String message = pages.msg().get(refused.messageKey(), refused.arguments());
        String title = pages.msg().get(refused.titleKey());
        String login = "/login?next=" + PublicUrls.encodePath(request.getRequestURI());
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            problem.setTitle(title);
            if (refused instanceof ActionRefusedException action) {
                // What the apps were built on: a type per refusal, and the ways in as links.
                problem.setType(URI.create("https://kawaraban.example/problems/"
                        + action.refusal().name().toLowerCase().replace('_', '-')));
                problem.setProperty("refusal", action.code());
                switch (action.refusal()) {
                    case LOG_IN -> problem.setProperty("login", login);
                    case PAID_ONLY, ALLOWANCE_USED -> problem.setProperty("plans", "/plans");
                    default -> { }
                }
            } else if (refused.code() != null) {
                problem.setProperty("error", refused.code());
            }
            refused.details().forEach(problem::setProperty);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        if (refused.kind() == Refusal.Kind.NOT_FOUND) {
            return errors.page(status); // a dead link: the 404 page and the way home
        }
        Map<String, Object> model = new HashMap<>(Map.of(
                "meta", PageMeta.hidden(title),
                "message", message,
                "refusal", refused instanceof ActionRefusedException action ? action.code() : refused.kind().name(),
                "login", login));
        if (!(refused instanceof ActionRefusedException)) {
            model.put("title", title);
        }
        ModelAndView page = new ModelAndView("site/refused", model);
        page.setStatus(status);
        return page;
    }

    /** A path variable or parameter of the wrong type ({@code ?page=abc}): 400, naming the parameter for apps. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object unreadableParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return isApi(request) ? refused(new BadParameterException(e.getName()), request)
                : errors.page(HttpStatus.BAD_REQUEST);
    }

    /**
     * A parameter outside its declared bounds ({@code @Min(1) int page}, Bean Validation on
     * the handler): the same 400 as a hand-made {@link BadParameterException}, naming the first
     * parameter at fault.
     */
    @ExceptionHandler(HandlerMethodValidationException.class)
    Object parameterOutOfBounds(HandlerMethodValidationException e, HttpServletRequest request) {
        String parameter = e.getParameterValidationResults().stream()
                .map(result -> result.getMethodParameter().getParameterName()).findFirst().orElse("?");
        return isApi(request) ? refused(new BadParameterException(parameter), request)
                : errors.page(HttpStatus.BAD_REQUEST);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }
}
