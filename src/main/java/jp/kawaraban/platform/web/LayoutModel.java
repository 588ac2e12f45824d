package jp.kawaraban.platform.web;

import java.util.Map;

/**
 * Adds what the layout around every page needs to the model of each page rendered — whichever
 * module's controller or exception handler made it — just before its template is written. The
 * site module provides the one implementation (the section navigation, who is looking), so a
 * module's controller only says what its page is ({@link PageMeta} as {@code meta}).
 */
public interface LayoutModel {

    /** @param model the page's model, to add to; leaves a page alone that has no {@code meta} */
    void addTo(Map<String, Object> model);
}
