package jp.kawaraban.newsletter.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.newsletter.EmailUnlockMarking;
import jp.kawaraban.newsletter.EmailUnlocks;
import jp.kawaraban.newsletter.Issue;
import jp.kawaraban.newsletter.Issues;
import jp.kawaraban.newsletter.Newsletter;
import jp.kawaraban.newsletter.Newsletters;
import jp.kawaraban.newsletter.RenderedMessage;
import jp.kawaraban.platform.web.JapaneseDates;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
import jp.kawaraban.search.Search;
import jp.kawaraban.search.SearchQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The editors' newsletter desk under {@code /editor/newsletters} (editors and administrators
 * only, by the security chain): compose an issue, preview it as HTML and text, send a test to
 * oneself, schedule it or send it now, and follow its delivery counts.
 */
@Controller
class EditorNewsletterPages {

    static final String MAIL_PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; "
            + "form-action 'none'; base-uri 'none'; frame-ancestors 'none'; sandbox";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final int CHOICES = 15;

    private final Issues issues;
    private final Newsletters newsletters;
    private final ArticleCatalog catalog;
    private final Search search;
    private final Messages messages;
    private final java.time.Clock clock;
    private final EmailUnlocks unlocks;
    private final EmailUnlockMarking unlockMarking;

    EditorNewsletterPages(Issues issues, Newsletters newsletters, ArticleCatalog catalog, Search search, Messages messages,
                          java.time.Clock clock, EmailUnlocks unlocks, EmailUnlockMarking unlockMarking) {
        this.clock = clock;
        this.unlocks = unlocks;
        this.unlockMarking = unlockMarking;
        this.issues = issues;
        this.newsletters = newsletters;
        this.catalog = catalog;
        this.search = search;
        this.messages = messages;
    }

    @GetMapping("/editor/newsletters")
    ModelAndView list(CsrfToken csrf) {
        return list(csrf, null, false, HttpStatus.OK);
    }

    @PostMapping("/editor/newsletters/issues")
    ModelAndView create(CsrfToken csrf, @RequestParam(defaultValue = "") String newsletter,
                        @RequestParam(defaultValue = "") String subject) {
        Issues.Created created = issues.create(newsletter, subject);
        if (created.outcome() != Issues.Outcome.OK) {
            return list(csrf, msg("editor.newsletter.error." + created.outcome().name()), true, HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/editor/newsletters/issues/" + created.id());
    }

    /**
     * Marks an article as one readers may open in full by email (or takes the mark away),
     * through the editors' desk, which records it in the audit log.
     */
    @PostMapping("/editor/newsletters/unlock")
    ModelAndView unlockable(CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal editor,
                            @RequestParam(defaultValue = "") String article,
                            @RequestParam(defaultValue = "true") boolean eligible) {
        if (!unlockMarking.setEligible(article, eligible, editor)) {
            return list(csrf, msg("editor.newsletter.error.BAD_ARTICLE"), true, HttpStatus.BAD_REQUEST);
        }
        return list(csrf, msg(eligible ? "editor.newsletter.unlock.marked" : "editor.newsletter.unlock.unmarked"), false,
                HttpStatus.OK);
    }

    @GetMapping("/editor/newsletters/issues/{id}")
    ModelAndView issue(@PathVariable long id, CsrfToken csrf, @RequestParam(defaultValue = "") String q,
                       @RequestParam(required = false) String done) {
        String notice = done != null && done.matches("[A-Za-z]{1,20}") ? msg("editor.newsletter.done." + done) : null;
        return issuePage(id, csrf, q, null, notice, false, HttpStatus.OK);
    }

    @PostMapping("/editor/newsletters/issues/{id}")
    ModelAndView save(@PathVariable long id, CsrfToken csrf, @RequestParam(defaultValue = "") String subject,
                      @RequestParam(name = "article", required = false) List<String> articles,
                      @RequestParam(name = "note", required = false) List<String> notes) {
        List<Issue.Item> items = rows(articles, notes);
        Issues.Outcome outcome = issues.update(id, subject, items);
        if (outcome != Issues.Outcome.OK) {
            return issuePage(id, csrf, "", items, msg("editor.newsletter.error." + outcome.name()), true, HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/editor/newsletters/issues/" + id + "?done=saved");
    }

    /**
     * One click on the composer: pick an article from the latest list or the search ({@code add}),
     * move a pick up or down, or take it out — with the subject and lines as they are in the form,
     * which the click saves too, so nothing typed is lost.
     */
    @PostMapping("/editor/newsletters/issues/{id}/picks")
    ModelAndView pick(@PathVariable long id, CsrfToken csrf, @RequestParam(defaultValue = "") String subject,
                      @RequestParam(name = "article", required = false) List<String> articles,
                      @RequestParam(name = "note", required = false) List<String> notes,
                      @RequestParam(required = false) String add, @RequestParam(required = false) Integer up,
                      @RequestParam(required = false) Integer down, @RequestParam(required = false) Integer remove,
                      @RequestParam(defaultValue = "") String q) {
        List<Issue.Item> items = new ArrayList<>(rows(articles, notes).stream()
                .filter(item -> !item.articleId().isBlank()).toList());
        String problem = null;
        if (add != null) {
            if (items.stream().anyMatch(item -> item.articleId().equals(add.strip()))) {
                problem = "editor.newsletter.error.ALREADY_PICKED";
            } else if (items.size() >= Issues.PICKS) {
                problem = "editor.newsletter.error.FULL";
            } else {
                items.add(new Issue.Item(add.strip(), ""));
            }
        } else if (up != null && up > 0 && up < items.size()) {
            items.add(up - 1, items.remove((int) up));
        } else if (down != null && down >= 0 && down < items.size() - 1) {
            items.add(down + 1, items.remove((int) down));
        } else if (remove != null && remove >= 0 && remove < items.size()) {
            items.remove((int) remove);
        }
        if (problem != null) {
            return issuePage(id, csrf, q, items, msg(problem, String.valueOf(Issues.PICKS)), true, HttpStatus.BAD_REQUEST);
        }
        Issues.Outcome outcome = issues.update(id, subject, items);
        if (outcome != Issues.Outcome.OK) {
            return issuePage(id, csrf, q, items, msg("editor.newsletter.error." + outcome.name()), true, HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/editor/newsletters/issues/" + id + "?done=picked"
                + (q.isBlank() ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)) + "#picks");
    }

    /** The composer's rows as posted, at most {@link Issues#PICKS}. */
    private static List<Issue.Item> rows(List<String> articles, List<String> notes) {
        List<Issue.Item> items = new ArrayList<>();
        int rows = articles == null ? 0 : Math.min(articles.size(), Issues.PICKS);
        for (int i = 0; i < rows; i++) {
            items.add(new Issue.Item(articles.get(i), notes != null && i < notes.size() ? notes.get(i) : ""));
        }
        return items;
    }

    @GetMapping(path = "/editor/newsletters/issues/{id}/preview.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> previewHtml(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal editor) {
        // A mail, not a page of the site: its styles are inline, as mail clients need them; it
        // may run nothing and send nothing (the site's policy would leave it unstyled).
        return issues.preview(id, editor.email()).map(m -> ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", MAIL_PREVIEW_POLICY)
                .body(m.html())).orElseThrow(() -> new PageNotFoundException("issue " + id));
    }

    @GetMapping(path = "/editor/newsletters/issues/{id}/preview.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> previewText(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal editor) {
        return issues.preview(id, editor.email()).map(m -> ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(headers(m) + "\n" + m.text())).orElseThrow(() -> new PageNotFoundException("issue " + id));
    }

    @PostMapping("/editor/newsletters/issues/{id}/test")
    ModelAndView sendTest(@PathVariable long id, CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal editor) {
        Issues.Outcome outcome = issues.sendTest(id, editor.email());
        if (outcome != Issues.Outcome.OK) {
            return issuePage(id, csrf, "", null, msg("editor.newsletter.error." + outcome.name()), true,
                    outcome == Issues.Outcome.FAILED ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/editor/newsletters/issues/" + id + "?done=test");
    }

    @PostMapping("/editor/newsletters/issues/{id}/schedule")
    ModelAndView schedule(@PathVariable long id, CsrfToken csrf, @RequestParam(defaultValue = "") String at) {
        Instant when;
        try {
            when = LocalDateTime.parse(at, LOCAL).atZone(JapaneseDates.TOKYO).toInstant();
        } catch (DateTimeParseException unreadable) {
            return issuePage(id, csrf, "", null, msg("editor.newsletter.error.BAD_TIME"), true, HttpStatus.BAD_REQUEST);
        }
        Issues.Outcome outcome = issues.schedule(id, when);
        if (outcome != Issues.Outcome.OK) {
            return issuePage(id, csrf, "", null, msg("editor.newsletter.error." + outcome.name()), true, HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/editor/newsletters/issues/" + id + "?done=scheduled");
    }

    /**
     * Sending cannot be taken back: the first press shows the issue again with the number of
     * readers it will reach and a second button; only that one (carrying {@code confirmed=send})
     * queues the issue.
     */
    @PostMapping("/editor/newsletters/issues/{id}/send")
    ModelAndView sendNow(@PathVariable long id, CsrfToken csrf, @RequestParam(required = false) String confirmed) {
        if (!"send".equals(confirmed)) {
            return issuePage(id, csrf, "", null, null, false, true, HttpStatus.OK);
        }
        Issues.Outcome outcome = issues.sendNow(id);
        if (outcome != Issues.Outcome.OK) {
            return issuePage(id, csrf, "", null, msg("editor.newsletter.error." + outcome.name()), true, HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/editor/newsletters/issues/" + id + "?done=queued");
    }

    private ModelAndView list(CsrfToken csrf, String notice, boolean error, HttpStatus status) {
        List<Newsletter> all = newsletters.all();
        List<EditorNewslettersView.Row> rows = issues.latest(50).stream().map(issue -> new EditorNewslettersView.Row(issue,
                all.stream().filter(n -> n.code().equals(issue.newsletter())).map(Newsletter::name).findFirst().orElse(issue.newsletter()),
                issues.counts(issue.id()), issue.sendAt() == null ? "" : JapaneseDates.readable(issue.sendAt()))).toList();
        ModelAndView view = new ModelAndView("newsletter/editorNewsletters", Map.of(
                "meta", PageMeta.hidden(msg("editor.newsletter.title")),
                "view", new EditorNewslettersView(rows, all, unlocks.eligibleArticles(), notice, error, csrf)));
        view.setStatus(status);
        return view;
    }

    private ModelAndView issuePage(long id, CsrfToken csrf, String q, List<Issue.Item> entered, String notice, boolean error,
                                   HttpStatus status) {
        return issuePage(id, csrf, q, entered, notice, error, false, status);
    }

    private ModelAndView issuePage(long id, CsrfToken csrf, String q, List<Issue.Item> entered, String notice, boolean error,
                                   boolean confirmingSend, HttpStatus status) {
        Issue issue = issues.find(id).orElseThrow(() -> new PageNotFoundException("issue " + id));
        Newsletter newsletter = newsletters.find(issue.newsletter()).orElseThrow();
        List<Issue.Item> rows = new ArrayList<>(entered != null ? entered : issue.items());
        while (rows.size() < Issues.PICKS) {
            rows.add(new Issue.Item("", ""));
        }
        Instant suggested = issue.sendAt() != null ? issue.sendAt() : newsletter.nextSending(clock.instant());
        ModelAndView view = new ModelAndView("newsletter/editorIssue", Map.of(
                "meta", PageMeta.hidden(issue.subject()),
                "view", new EditorIssueView(issue, newsletter, rows, headlines(rows), issues.counts(id),
                        issues.recipients(id), confirmingSend, choices(q), q,
                        suggested == null ? "" : LOCAL.format(suggested.atZone(JapaneseDates.TOKYO)),
                        issue.sendAt() == null ? null : JapaneseDates.readable(issue.sendAt()),
                        previewText(issue), notice, error, csrf)));
        view.setStatus(status);
        return view;
    }

    /** The issue as its plain-text mail, shown beside the composer; none while nothing is picked. */
    private String previewText(Issue issue) {
        if (issue.items().isEmpty()) {
            return null;
        }
        return MemberPrincipal.current().flatMap(editor -> issues.preview(issue.id(), editor.email()))
                .map(RenderedMessage::text).orElse(null);
    }

    /** The headline of each picked article, so the composer shows what was picked and not only its id. */
    private Map<String, String> headlines(List<Issue.Item> rows) {
        Map<String, String> headlines = new HashMap<>();
        for (Issue.Item row : rows) {
            String id = row.articleId() == null ? "" : row.articleId().strip();
            if (ArticleId.isWellFormed(id)) {
                catalog.find(id).ifPresent(article -> headlines.put(id, article.content().headline()));
            }
        }
        return headlines;
    }

    private List<EditorIssueView.Choice> choices(String q) {
        if (q == null || q.isBlank()) {
            return catalog.latest(new PageRequest(1, CHOICES)).items().stream()
                    .map(a -> new EditorIssueView.Choice(a.id().value(), a.headline(), a.accessLevel().name(),
                            JapaneseDates.readable(a.publishedAt()))).toList();
        }
        // Editors read everything: their search may look at every article's full text.
        return search.search(new Search.Request(q, null, null, null, null, null, SearchQuery.Order.RELEVANCE, 1, CHOICES),
                        EnumSet.allOf(AccessLevel.class)).results().stream()
                .map(r -> new EditorIssueView.Choice(r.id().value(), r.headline(), r.accessLevel().name(),
                        JapaneseDates.readable(r.publishedAt()))).toList();
    }

    private static String headers(RenderedMessage m) {
        StringBuilder out = new StringBuilder("From: " + m.fromName() + " <" + m.fromAddress() + ">\nTo: " + m.to()
                + "\nSubject: " + m.subject() + "\n");
        m.headers().forEach((name, value) -> out.append(name).append(": ").append(value).append("\n"));
        return out.toString();
    }

    private String msg(String key, Object... args) {
        return messages.get(key, args);
    }
}
