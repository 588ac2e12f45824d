package jp.kawaraban.platform.web;

import jp.kawaraban.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A listing or page that does not exist; readers get the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PageNotFoundException extends Refusal {

    public PageNotFoundException(String what) {
        // Under /api/ the only listings that can be missing are sections.
        super(Kind.NOT_FOUND, "api.problem.sectionNotFound.detail", what);
    }

    @Override
    public String titleKey() {
        return "api.problem.sectionNotFound.title";
    }
}
