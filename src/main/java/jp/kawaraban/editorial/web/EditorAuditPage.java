package jp.kawaraban.editorial.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /editor/audit} (editors only, by the security chain): who changed what at the desk,
 * and when, newest first, a page at a time; optionally of one subject ({@code entity:kyiv}).
 */
@Controller
class EditorAuditPage {

    static final int PAGE_SIZE = 50;

    private final AuditRows audit;
    private final Messages msg;

    EditorAuditPage(AuditRows audit, Messages msg) {
        this.audit = audit;
        this.msg = msg;
    }

    @GetMapping("/editor/audit")
    ModelAndView audit(@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "1") int page) {
        if (page < 1 || page > 10_000) {
            throw new PageNotFoundException("audit page " + page);
        }
        String filter = subject.strip();
        // One row more than a page says whether there is a next one, without counting the log.
        List<EditorAuditView.Row> rows = audit.recent(filter.isEmpty() ? null : filter, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        if (page > 1 && rows.isEmpty()) {
            throw new PageNotFoundException("audit page " + page);
        }
        String base = "/editor/audit?" + (filter.isEmpty() ? "" : "subject=" + URLEncoder.encode(filter, StandardCharsets.UTF_8) + "&");
        var view = new EditorAuditView(filter, rows.stream().limit(PAGE_SIZE).toList(), page,
                page > 1 ? base + "page=" + (page - 1) : null,
                rows.size() > PAGE_SIZE ? base + "page=" + (page + 1) : null);
        return new ModelAndView("editorial/editorAudit", Map.of(
                "meta", PageMeta.hidden(msg.get("editor.audit.title")),
                "view", view));
    }
}
