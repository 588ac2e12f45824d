package jp.kawaraban.editorial.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticleNotFoundException;
import jp.kawaraban.article.DeskFilter;
import jp.kawaraban.article.EditConflictException;
import jp.kawaraban.article.EditedArticle;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.article.Revision;
import jp.kawaraban.article.WrongStatusException;
import jp.kawaraban.editorial.AuditLog;
import jp.kawaraban.editorial.DeskRefusal;
import jp.kawaraban.editorial.EditorsDesk;
import jp.kawaraban.editorial.Manuscript;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.newsletter.EmailUnlocks;
import jp.kawaraban.platform.web.JapaneseDates;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.text.EntityKind;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The editors' desk for articles: the list with filters, the editor with its side-by-side
 * preview, the workflow buttons (save, schedule, publish, update, correct, withdraw),
 * revisions compared line by line, and the proposals of keywords and entities. Every change
 * goes through {@link EditorsDesk}; a refused one shows the form again as the editor left it.
 */
@Controller
class EditorArticlePages {

    /** The desk's actions that cannot be taken back, done only on a second, confirming press. */
    private static final Set<String> ASKED_TWICE = Set.of("publish", "discard");

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final int PAGE_SIZE = 30;

    private final EditorsDesk desk;
    private final ArticleCatalog catalog;
    private final Messages msg;
    private final EmailUnlocks unlocks;

    EditorArticlePages(EditorsDesk desk, ArticleCatalog catalog, Messages msg, EmailUnlocks unlocks) {
        this.desk = desk;
        this.catalog = catalog;
        this.msg = msg;
        this.unlocks = unlocks;
    }

    /** The editor's form fields, bound by name. */
    record ManuscriptForm(String headline, String subheadline, String lead, String body, String bylines,
                          String section, String series, String keywords, String access, Boolean topStory,
                          String related, String sourceOutlet, String sourceUrl) {

        Manuscript manuscript() {
            AccessLevel level;
            try {
                level = access == null ? AccessLevel.FREE : AccessLevel.valueOf(access);
            } catch (IllegalArgumentException unknown) {
                level = AccessLevel.FREE;
            }
            return new Manuscript(headline, subheadline, lead, body, bylines, section, series, keywords, level,
                    Boolean.TRUE.equals(topStory), related, sourceOutlet, sourceUrl);
        }
    }

    @GetMapping("/editor")
    String home() {
        return "redirect:/editor/articles";
    }

    // ---- the list -----------------------------------------------------------------------------------

    @GetMapping("/editor/articles")
    ModelAndView list(@RequestParam(required = false) String stage, @RequestParam(required = false) String section,
                      @RequestParam(required = false) String byline, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to, @RequestParam(required = false) String q,
                      @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String done) {
        EditedArticle.Stage chosenStage = null;
        try {
            chosenStage = stage == null || stage.isBlank() ? null : EditedArticle.Stage.valueOf(stage);
        } catch (IllegalArgumentException unknown) {
            // an unknown status filter lists everything, like no filter
        }
        var filter = new DeskFilter(chosenStage, section, byline, day(from), day(to), q);
        var found = desk.list(filter, new PageRequest(Math.max(1, page), PAGE_SIZE));
        String paging = UriComponentsBuilder.newInstance()
                .queryParam("stage", chosenStage == null ? "" : chosenStage.name())
                .queryParam("section", nullToEmpty(section)).queryParam("byline", nullToEmpty(byline))
                .queryParam("from", nullToEmpty(from)).queryParam("to", nullToEmpty(to))
                .queryParam("q", nullToEmpty(q)).encode().build().getQuery();
        String notice = "discarded".equals(done) ? msg.get("editor.article.discarded") : null;
        return new ModelAndView("editorial/editorArticles", Map.of(
                "meta", PageMeta.hidden(msg.get("editor.articles.title")),
                "view", new EditorArticlesView(found, catalog.sections(),
                        chosenStage == null ? "" : chosenStage.name(), nullToEmpty(section), nullToEmpty(byline),
                        nullToEmpty(from), nullToEmpty(to), nullToEmpty(q), notice, paging)));
    }

    // ---- writing --------------------------------------------------------------------------------------

    @GetMapping("/editor/articles/new")
    ModelAndView blank(CsrfToken csrf) {
        return editor(null, Manuscript.BLANK, 0, null, List.of(), null, csrf, HttpStatus.OK);
    }

    @PostMapping("/editor/articles")
    ModelAndView create(@AuthenticationPrincipal MemberPrincipal editor, CsrfToken csrf,
                        @ModelAttribute ManuscriptForm form) {
        Manuscript manuscript = form.manuscript();
        try {
            ArticleId id = desk.create(manuscript, DeskActors.of(editor));
            return new ModelAndView("redirect:/editor/articles/" + id.value() + "?done=created");
        } catch (DeskRefusal refused) {
            return editor(null, manuscript, 0, null, messages(refused), null, csrf, HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/editor/articles/{id}")
    ModelAndView edit(@PathVariable String id, @RequestParam(required = false) String done, CsrfToken csrf) {
        EditedArticle article = desk.article(articleId(id));
        String notice = done == null ? null : msg.get("editor.article.done." + done);
        return editor(article, Manuscript.of(article.content()), article.version(), notice, List.of(), null, csrf,
                HttpStatus.OK);
    }

    /**
     * Every change to an existing article: {@code action} names the button pressed. The form
     * carries the version it was started from; a save over a newer version is refused (409).
     */
    @PostMapping("/editor/articles/{id}")
    ModelAndView change(@AuthenticationPrincipal MemberPrincipal editor, CsrfToken csrf, @PathVariable String id,
                        @ModelAttribute ManuscriptForm form, @RequestParam int version,
                        @RequestParam(required = false) Integer overwriteVersion,
                        @RequestParam(defaultValue = "save") String action,
                        @RequestParam(required = false) String note, @RequestParam(required = false) String publishAt,
                        @RequestParam(required = false) String confirmed) {
        ArticleId articleId = articleId(id);
        Manuscript manuscript = form.manuscript();
        AuditLog.Actor actor = DeskActors.of(editor);
        if (ASKED_TWICE.contains(action) && !action.equals(confirmed) && overwriteVersion == null) {
            // Publishing now and deleting a draft cannot be taken back: the page comes back with
            // the editor's text as sent and asks once more.
            return editor(desk.article(articleId), manuscript, version, null, List.of(), null,
                    new EditorArticleView.Confirmation(action, null), csrf, HttpStatus.OK);
        }
        if (overwriteVersion != null) {
            // the editor saw the other save and chose to replace it with their own text
            version = overwriteVersion;
            action = desk.article(articleId).isEditableDraft() ? "save" : "update";
        }
        try {
            String done = switch (action) {
                case "save" -> {
                    desk.saveDraft(articleId, manuscript, version, actor);
                    yield "saved";
                }
                case "schedule" -> {
                    desk.schedule(articleId, manuscript, localTime(publishAt), version, actor);
                    yield "scheduled";
                }
                case "unschedule" -> {
                    desk.unschedule(articleId, version, actor);
                    yield "unscheduled";
                }
                case "publish" -> {
                    desk.publish(articleId, manuscript, version, actor);
                    yield "published";
                }
                case "update" -> {
                    desk.update(articleId, manuscript, note, version, actor);
                    yield "updated";
                }
                case "correct" -> {
                    desk.correct(articleId, manuscript, note, version, actor);
                    yield "corrected";
                }
                case "discard" -> {
                    desk.discard(articleId, version, actor);
                    yield null;
                }
                default -> throw new DeskRefusal("editor.problem.unknownAction");
            };
            return new ModelAndView(done == null ? "redirect:/editor/articles?done=discarded"
                    : "redirect:/editor/articles/" + id + "?done=" + done);
        } catch (DeskRefusal refused) {
            return editor(desk.article(articleId), manuscript, version, null, messages(refused), null, csrf,
                    HttpStatus.BAD_REQUEST);
        } catch (EditConflictException conflict) {
            return conflict(articleId, manuscript, version, csrf);
        } catch (WrongStatusException wrong) {
            return editor(desk.article(articleId), manuscript, version, null,
                    wrongStatus(wrong), null, csrf, HttpStatus.CONFLICT);
        }
    }

    @PostMapping("/editor/articles/{id}/withdraw")
    ModelAndView withdraw(@AuthenticationPrincipal MemberPrincipal editor, CsrfToken csrf, @PathVariable String id,
                          @RequestParam(defaultValue = "") String reason, @RequestParam int version,
                          @RequestParam(required = false) String confirmed) {
        ArticleId articleId = articleId(id);
        // Without a reason the desk refuses the withdrawal anyway: say so before asking to confirm it.
        if (!"withdraw".equals(confirmed) && !reason.isBlank()) {
            EditedArticle article = desk.article(articleId);
            return editor(article, Manuscript.of(article.content()), version, null, List.of(), null,
                    new EditorArticleView.Confirmation("withdraw", reason), csrf, HttpStatus.OK);
        }
        try {
            desk.withdraw(articleId, reason, version, DeskActors.of(editor));
            return new ModelAndView("redirect:/editor/articles/" + id + "?done=withdrawn");
        } catch (EditConflictException conflict) {
            EditedArticle article = desk.article(articleId);
            return conflict(articleId, Manuscript.of(article.content()), version, csrf);
        } catch (DeskRefusal refused) {
            EditedArticle article = desk.article(articleId);
            return editor(article, Manuscript.of(article.content()), article.version(), null, messages(refused), null,
                    csrf, HttpStatus.BAD_REQUEST);
        } catch (WrongStatusException wrong) {
            EditedArticle article = desk.article(articleId);
            return editor(article, Manuscript.of(article.content()), article.version(), null,
                    wrongStatus(wrong), null, csrf, HttpStatus.CONFLICT);
        }
    }

    /** Someone saved since the editor's page was loaded: who and when, their text, and the editor's input kept. */
    private ModelAndView conflict(ArticleId articleId, Manuscript mine, int version, CsrfToken csrf) {
        EditedArticle current = desk.article(articleId);
        var last = desk.lastChange(articleId);
        var details = new EditorArticleView.Conflict(
                last.map(entry -> entry.actorName()).orElse(msg.get("editor.article.someone")),
                last.map(entry -> JapaneseDates.readable(entry.at())).orElse(""),
                current.version(), Manuscript.of(current.content()));
        return editor(current, mine, version, null, List.of(msg.get("editor.problem.conflict",
                details.who(), details.when())), details, csrf, HttpStatus.CONFLICT);
    }

    /** Marks a published article as one readers may unlock by signing up for a newsletter (decision 0010). */
    @PostMapping("/editor/articles/{id}/email-unlock")
    ModelAndView emailUnlock(@AuthenticationPrincipal MemberPrincipal editor, @PathVariable String id,
                             @RequestParam(defaultValue = "false") boolean eligible) {
        desk.setEmailUnlock(articleId(id), eligible, DeskActors.of(editor));
        return new ModelAndView("redirect:/editor/articles/" + id + "?done=" + (eligible ? "unlockOn" : "unlockOff"));
    }

    // ---- helpers of the editor page (htmx fragments; plain pages without JavaScript) ---------------------

    /** The side-by-side preview: the form as readers would read it, or what stops it. */
    @PostMapping("/editor/articles/preview")
    ModelAndView preview(@ModelAttribute ManuscriptForm form) {
        Map<String, Object> model = new HashMap<>();
        model.put("msg", msg);
        try {
            model.put("content", desk.preview(form.manuscript()));
            model.put("problems", List.of());
        } catch (DeskRefusal refused) {
            model.put("content", null);
            model.put("problems", messages(refused));
        }
        return new ModelAndView("editorial/editorPreview", model);
    }

    /** Keywords and entities proposed for the form's text. */
    @PostMapping("/editor/articles/proposals")
    ModelAndView proposals(@ModelAttribute ManuscriptForm form, CsrfToken csrf) {
        return new ModelAndView("editorial/editorProposals", Map.of("msg", msg,
                "proposals", desk.propose(form.manuscript()), "csrf", csrf));
    }

    /** Adds a proposed name to the entity vocabulary. */
    @PostMapping("/editor/articles/entities")
    ModelAndView confirmEntity(@AuthenticationPrincipal MemberPrincipal editor, @RequestParam(defaultValue = "") String name,
                               @RequestParam(defaultValue = "") String kind) {
        String message;
        HttpStatus status = HttpStatus.OK;
        try {
            EntityKind chosen = null;
            try {
                chosen = EntityKind.valueOf(kind);
            } catch (IllegalArgumentException unknown) {
                // refused below as a missing kind
            }
            var entity = desk.confirmEntity(name, chosen, DeskActors.of(editor));
            message = msg.get("editor.proposals.entityAdded", entity.canonicalName());
        } catch (DeskRefusal refused) {
            message = String.join(" ", messages(refused));
            status = HttpStatus.BAD_REQUEST;
        }
        ModelAndView view = new ModelAndView("editorial/editorNotice", Map.of("message", message, "error", status != HttpStatus.OK));
        view.setStatus(status);
        return view;
    }

    /** Published articles matching words, to pick related ones from. */
    @GetMapping("/editor/articles/related")
    ModelAndView related(@RequestParam(defaultValue = "") String q) {
        return new ModelAndView("editorial/editorRelated", Map.of("msg", msg, "results", desk.relatedCandidates(q),
                "query", q));
    }

    /** Revision {@code to} against {@code from} (the one before, unless chosen). */
    @GetMapping("/editor/articles/{id}/revisions/{to}")
    ModelAndView revision(@PathVariable String id, @PathVariable int to, @RequestParam(required = false) Integer from) {
        ArticleId articleId = articleId(id);
        EditedArticle article = desk.article(articleId);
        List<Revision> revisions = desk.revisions(articleId);
        Revision shown = revisions.stream().filter(r -> r.number() == to).findFirst()
                .orElseThrow(() -> new ArticleNotFoundException(id));
        int against = from != null ? from : Math.max(1, to - 1);
        return new ModelAndView("editorial/editorRevision", Map.of(
                "meta", PageMeta.hidden(msg.get("editor.revision.title", to)),
                "article", article, "revision", shown, "against", against,
                "revisions", revisions.stream().map(this::line).toList(),
                "lines", desk.diff(articleId, against, to)));
    }

    // ---- rendering ----------------------------------------------------------------------------------

    private ModelAndView editor(EditedArticle article, Manuscript form, int version, String notice,
                                List<String> problems, EditorArticleView.Conflict conflict, CsrfToken csrf,
                                HttpStatus status) {
        return editor(article, form, version, notice, problems, conflict, null, csrf, status);
    }

    private ModelAndView editor(EditedArticle article, Manuscript form, int version, String notice,
                                List<String> problems, EditorArticleView.Conflict conflict,
                                EditorArticleView.Confirmation confirmation, CsrfToken csrf, HttpStatus status) {
        ArticleContent preview = null;
        try {
            preview = desk.preview(form);
        } catch (DeskRefusal incomplete) {
            // the preview pane says what is missing instead
        }
        List<EditorArticleView.RevisionLine> revisions = article == null ? List.of()
                : desk.revisions(article.id()).stream().map(this::line).toList();
        List<EditorArticleView.HistoryLine> history = article == null ? List.of()
                : desk.history(article.id()).stream().map(entry -> EditorArticleView.HistoryLine.of(entry,
                        msg.get("editor.audit." + entry.action()))).toList();
        String title = article == null ? msg.get("editor.article.newTitle")
                : msg.get("editor.article.editTitle", article.content().headline());
        Boolean emailUnlock = article != null && article.status() == jp.kawaraban.article.ArticleStatus.PUBLISHED
                ? unlocks.isEligible(article.id()) : null;
        String scheduleValue = article != null && article.scheduledAt() != null
                ? LOCAL_INPUT.format(article.scheduledAt().atZone(JapaneseDates.TOKYO)) : "";
        ModelAndView view = new ModelAndView("editorial/editorArticle", Map.of(
                "meta", PageMeta.hidden(title),
                "view", new EditorArticleView(article, form, version, notice, problems, conflict, preview,
                        catalog.sections(), catalog.allSeries(), desk.propose(form), revisions, history,
                        scheduleValue, emailUnlock, confirmation, csrf)));
        view.setStatus(status);
        return view;
    }

    private EditorArticleView.RevisionLine line(Revision revision) {
        return new EditorArticleView.RevisionLine(revision.number(),
                msg.get("editor.revision.kind." + revision.kind().name()),
                JapaneseDates.readable(revision.savedAt()), revision.note() == null ? "" : revision.note());
    }

    /** The change does not apply to the article as it is now (published meanwhile, withdrawn …). */
    private List<String> wrongStatus(WrongStatusException wrong) {
        return List.of(msg.get("editor.problem.wrongStatus",
                msg.get("editor.stage." + wrong.status().name())));
    }

    private List<String> messages(DeskRefusal refused) {
        List<String> messages = new ArrayList<>();
        for (DeskRefusal.Problem problem : refused.problems()) {
            messages.add(msg.get(problem.key(), problem.arguments()));
        }
        return messages;
    }


    private static ArticleId articleId(String id) {
        try {
            return new ArticleId(id);
        } catch (IllegalArgumentException malformed) {
            throw new ArticleNotFoundException(id);
        }
    }

    /** A {@code datetime-local} value, read as Japan time. */
    private static Instant localTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), LOCAL_INPUT).atZone(JapaneseDates.TOKYO).toInstant();
        } catch (DateTimeParseException malformed) {
            throw new DeskRefusal("editor.problem.scheduleUnreadable");
        }
    }

    private static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException malformed) {
            return null;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
