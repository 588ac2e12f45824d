package jp.kawaraban.site.web;

import jp.kawaraban.article.ArticleNotFoundException;
import jp.kawaraban.platform.web.Messages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the JSON API as RFC 9457 problem details, with a Japanese title apps can show. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {ArticleApiController.class, SearchApiController.class,
        CommentaryApiController.class, PersonalApiController.class})
class ApiProblems {

    private final Messages msg;

    ApiProblems(Messages msg) {
        this.msg = msg;
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    ProblemDetail articleNotFound() {
        return problem(HttpStatus.NOT_FOUND, "api.problem.articleNotFound");
    }

    @ExceptionHandler(PageNotFoundException.class)
    ProblemDetail sectionNotFound() {
        return problem(HttpStatus.NOT_FOUND, "api.problem.sectionNotFound");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "api.problem.badParameter");
        problem.setProperty("parameter", e.getName());
        return problem;
    }

    @ExceptionHandler(SearchApiController.BadParameterException.class)
    ProblemDetail badSearchParameter(SearchApiController.BadParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "api.problem.badParameter");
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String key) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, msg.get(key + ".detail"));
        problem.setTitle(msg.get(key + ".title"));
        return problem;
    }
}
