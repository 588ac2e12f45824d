package jp.kawaraban.editorial.web;

import java.util.Map;

import jp.kawaraban.article.Series;
import jp.kawaraban.editorial.Vocabulary;
import jp.kawaraban.editorial.VocabularyException;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /editor/series} (editors only, by the security chain): series and columns, a form
 * to add one, and {@code /editor/series/{code}} to edit one. Codes appear in URLs
 * ({@code /series/{code}}) and do not change once made.
 */
@Controller
class EditorSeriesPages {

    private final Vocabulary vocabulary;
    private final Messages msg;

    EditorSeriesPages(Vocabulary vocabulary, Messages msg) {
        this.vocabulary = vocabulary;
        this.msg = msg;
    }

    @GetMapping("/editor/series")
    ModelAndView list(CsrfToken csrf, @RequestParam(required = false) String done) {
        return page(null, EditorSeriesView.Form.EMPTY, doneNotice(done), false, csrf, HttpStatus.OK);
    }

    @PostMapping("/editor/series")
    ModelAndView create(CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal editor,
                        @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String description) {
        var form = new EditorSeriesView.Form(code, name, kind, description);
        try {
            Series created = vocabulary.createSeries(DeskActors.of(editor),
                    new Vocabulary.SeriesInput(code, name, kind, description));
            return new ModelAndView("redirect:/editor/series/" + created.code() + "?done=created");
        } catch (VocabularyException refused) {
            return refused(refused, null, form, csrf);
        }
    }

    @GetMapping("/editor/series/{code}")
    ModelAndView edit(@PathVariable String code, CsrfToken csrf, @RequestParam(required = false) String done) {
        Series series = existing(code);
        return page(series, EditorSeriesView.Form.of(series), doneNotice(done), false, csrf, HttpStatus.OK);
    }

    @PostMapping("/editor/series/{code}")
    ModelAndView update(@PathVariable String code, CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal editor,
                        @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String kind,
                        @RequestParam(defaultValue = "") String description) {
        Series series = existing(code);
        var form = new EditorSeriesView.Form(code, name, kind, description);
        try {
            vocabulary.updateSeries(DeskActors.of(editor), code, new Vocabulary.SeriesInput(code, name, kind, description));
        } catch (VocabularyException refused) {
            return refused(refused, series, form, csrf);
        }
        return new ModelAndView("redirect:/editor/series/" + code + "?done=saved");
    }

    private Series existing(String code) {
        return vocabulary.series(code).orElseThrow(() -> new PageNotFoundException("series " + code));
    }

    private ModelAndView refused(VocabularyException refused, Series editing, EditorSeriesView.Form form, CsrfToken csrf) {
        if (refused.notFound()) {
            throw new PageNotFoundException(refused.getMessage());
        }
        return page(editing, form, msg.get(refused.messageKey(), refused.arguments()), true, csrf,
                HttpStatus.BAD_REQUEST);
    }

    private String doneNotice(String done) {
        return done != null && done.matches("created|saved") ? msg.get("editor.series.done." + done) : null;
    }

    private ModelAndView page(Series editing, EditorSeriesView.Form form, String notice, boolean error, CsrfToken csrf,
                              HttpStatus status) {
        String title = editing == null ? msg.get("editor.series.title")
                : msg.get("editor.series.editTitle", editing.name());
        ModelAndView page = new ModelAndView("editorial/editorSeries", Map.of(
                "meta", PageMeta.hidden(title),
                "view", new EditorSeriesView(vocabulary.series(), editing, form, notice, error, csrf)));
        page.setStatus(status);
        return page;
    }
}
