package jp.kawaraban.site.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.article.ArticleNotFoundException;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages in Japanese with a way back. Unknown articles and listings are 404s, never
 * 500s; anything unexpected gets the 500 page without details.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = {ReadingController.class, AccountPages.class, MyAccountPages.class, PlanPages.class,
        PersonalPages.class,
        DevMailPage.class, SearchPages.class, SearchAdminPage.class, CommentaryPages.class, EditorCommentaryPage.class,
        NewsletterPages.class, EditorNewsletterPages.class, EditorArticlePages.class, EditorFigurePages.class,
        EditorSectionPages.class, EditorSeriesPages.class, EditorEntityPages.class, EditorAuditPage.class,
        EditorImportPages.class, EditorKeywordPages.class})
class ErrorPages implements ErrorViewResolver {

    private final SitePages pages;

    ErrorPages(SitePages pages) {
        this.pages = pages;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return page(status);
    }

    @ExceptionHandler({ArticleNotFoundException.class, PageNotFoundException.class})
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badRequest() {
        return page(HttpStatus.BAD_REQUEST);
    }

    ModelAndView page(HttpStatusCode status) {
        String kind = switch (status.value()) {
            case 400 -> "badRequest";
            case 403 -> "forbidden";
            case 404 -> "notFound";
            case 413 -> "tooLarge";
            default -> status.is4xxClientError() ? "badRequest" : "serverError";
        };
        var msg = pages.msg();
        ModelAndView view = new ModelAndView("site/error", Map.of(
                "chrome", pages.chrome(PageMeta.hidden(msg.get("error." + kind + ".title"))),
                "status", status.value(),
                "kind", kind));
        view.setStatus(status);
        return view;
    }
}
