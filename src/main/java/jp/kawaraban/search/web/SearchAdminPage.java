package jp.kawaraban.search.web;

import java.util.Map;

import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.search.IndexRebuilds;
import jp.kawaraban.search.SearchIndex;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/search} (administrators only): how many articles the index holds against the
 * database, and the rebuild with its progress bar. The site keeps searching the old index
 * while the new one is written.
 */
@Controller
class SearchAdminPage {

    private final IndexRebuilds rebuilds;
    private final SearchIndex index;
    private final ArticleCatalog catalog;
    private final Messages msg;

    SearchAdminPage(IndexRebuilds rebuilds, SearchIndex index, ArticleCatalog catalog, Messages msg) {
        this.rebuilds = rebuilds;
        this.index = index;
        this.catalog = catalog;
        this.msg = msg;
    }

    @GetMapping("/admin/search")
    ModelAndView page(CsrfToken csrf) {
        return new ModelAndView("search/searchAdmin", Map.of(
                "meta", PageMeta.hidden(msg.get("admin.search.title")),
                "admin", new SearchAdminView(index.size(), catalog.countPublished(), rebuilds.progress(), csrf)));
    }

    @PostMapping("/admin/search/rebuild")
    String rebuild() {
        rebuilds.start();
        return "redirect:/admin/search";
    }
}
