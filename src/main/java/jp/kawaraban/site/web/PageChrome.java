package jp.kawaraban.site.web;

import java.util.Map;

import jp.kawaraban.platform.web.LayoutModel;
import jp.kawaraban.platform.web.PageMeta;
import org.springframework.stereotype.Component;

/**
 * Puts the layout's data ({@code chrome}: wording, the publication's name, the section
 * navigation, who is looking) into the model of every page, whichever module's controller or
 * exception handler made it (the site's own error and refusal pages too). A controller only says what its page is — a {@link PageMeta} as
 * {@code meta}, and for the reading pages the {@code currentSection} to highlight — and needs
 * nothing from {@code site}; the templates take {@code chrome} as they always did.
 */
@Component
class PageChrome implements LayoutModel {

    static final String META = "meta";
    static final String CURRENT_SECTION = "currentSection";
    static final String CHROME = "chrome";

    private final SitePages pages;

    PageChrome(SitePages pages) {
        this.pages = pages;
    }

    @Override
    public void addTo(Map<String, Object> model) {
        if (!model.containsKey(CHROME) && model.get(META) instanceof PageMeta meta) {
            model.put(CHROME, pages.chrome(meta, (String) model.get(CURRENT_SECTION)));
        }
    }
}
