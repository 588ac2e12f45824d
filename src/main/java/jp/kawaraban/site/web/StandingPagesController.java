package jp.kawaraban.site.web;

import java.util.Map;

import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
import jp.kawaraban.site.StandingPage;
import jp.kawaraban.site.StandingPageTexts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** {@code /about/{page}}: the terms, the privacy policy, the commerce notice and the contact page. */
@Controller
class StandingPagesController {

    private final StandingPageTexts texts;
    private final SitePages pages;

    StandingPagesController(StandingPageTexts texts, SitePages pages) {
        this.texts = texts;
        this.pages = pages;
    }

    @GetMapping("/about/{slug}")
    ModelAndView page(@PathVariable String slug) {
        StandingPage page = StandingPage.bySlug(slug).orElseThrow(() -> new PageNotFoundException("standing page " + slug));
        String title = pages.msg().get(page.titleKey());
        var meta = PageMeta.website(title, null, pages.publication().url(page.path()));
        return new ModelAndView("site/standing", Map.of("meta", meta, "title", title,
                "blocks", texts.body(page).blocks(), "written", texts.written(page)));
    }
}
