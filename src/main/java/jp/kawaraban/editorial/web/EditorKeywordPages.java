package jp.kawaraban.editorial.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.editorial.Vocabulary;
import jp.kawaraban.editorial.VocabularyException;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /editor/keywords} (editors only, by the security chain): the keywords of published
 * articles, the most used first, and renaming one — or merging it into another — across
 * every article that has it.
 */
@Controller
class EditorKeywordPages {

    static final int SHOWN = 200;

    private final ArticleCatalog catalog;
    private final Vocabulary vocabulary;
    private final Messages msg;

    EditorKeywordPages(ArticleCatalog catalog, Vocabulary vocabulary, Messages msg) {
        this.catalog = catalog;
        this.vocabulary = vocabulary;
        this.msg = msg;
    }

    @GetMapping("/editor/keywords")
    ModelAndView list(CsrfToken csrf, @RequestParam(defaultValue = "") String q,
                      @RequestParam(required = false) String done) {
        String notice = "renamed".equals(done) ? msg.get("editor.keywords.renamed") : null;
        return page(q, notice, false, "", "", csrf, HttpStatus.OK);
    }

    @PostMapping("/editor/keywords/rename")
    ModelAndView rename(@AuthenticationPrincipal MemberPrincipal editor, CsrfToken csrf,
                        @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                        @RequestParam(defaultValue = "") String q) {
        try {
            vocabulary.renameKeyword(DeskActors.of(editor), from, to);
            return new ModelAndView("redirect:/editor/keywords?done=renamed&q="
                    + URLEncoder.encode(to.strip(), StandardCharsets.UTF_8));
        } catch (VocabularyException refused) {
            return page(q, msg.get(refused.messageKey(), refused.arguments()), true, from, to, csrf,
                    refused.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
        }
    }

    private ModelAndView page(String query, String notice, boolean error, String from, String to, CsrfToken csrf,
                              HttpStatus status) {
        ModelAndView view = new ModelAndView("editorial/editorKeywords", Map.of(
                "meta", PageMeta.hidden(msg.get("editor.keywords.title")),
                "keywords", catalog.keywords(query, SHOWN),
                "query", query.strip(), "notice", notice == null ? "" : notice, "error", error,
                "from", from, "to", to, "csrf", csrf));
        view.setStatus(status);
        return view;
    }
}
