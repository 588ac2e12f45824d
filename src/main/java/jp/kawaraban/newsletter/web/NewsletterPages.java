package jp.kawaraban.newsletter.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.newsletter.EmailUnlocks;
import jp.kawaraban.newsletter.Newsletter;
import jp.kawaraban.newsletter.Newsletters;
import jp.kawaraban.newsletter.SignUp;
import jp.kawaraban.newsletter.SignUpOutcome;
import jp.kawaraban.platform.web.FormPage.Link;
import jp.kawaraban.platform.web.FormPage;
import jp.kawaraban.platform.web.FormPages;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
import jp.kawaraban.platform.web.PublicUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The reader's newsletter pages: the list with the sign-up form, one newsletter, the box the
 * article page loads on a click (htmx: the article page stays cacheable, token- and session-free), the
 * confirmation page, one-click unsubscribe (RFC 8058) and the manage page reached from any
 * message by a signed link, and the buttons of the account page's newsletter section
 * ({@link AccountNewsletterSection}).
 */
@Controller
class NewsletterPages {

    static final String HX_REQUEST = "HX-Request";

    private final Newsletters newsletters;
    private final EmailUnlocks unlocks;
    private final ArticleCatalog catalog;
    private final Messages msg;
    private final FormPages forms;
    private final PublicUrls urls;

    NewsletterPages(Newsletters newsletters, EmailUnlocks unlocks, ArticleCatalog catalog, Messages msg,
                    FormPages forms, PublicUrls urls) {
        this.newsletters = newsletters;
        this.unlocks = unlocks;
        this.catalog = catalog;
        this.msg = msg;
        this.forms = forms;
        this.urls = urls;
    }

    @GetMapping("/newsletters")
    ModelAndView list(CsrfToken csrf, @RequestParam(required = false) String article) {
        var all = newsletters.all();
        String source = ArticleId.isWellFormed(article == null ? "" : article) ? "article" : "page";
        return page(null, form(all, List.of(all.getFirst().code()), ownEmail(), source,
                "article".equals(source) ? article : null, null, false, csrf), HttpStatus.OK);
    }

    @GetMapping("/newsletters/{code}")
    ModelAndView one(@PathVariable String code, CsrfToken csrf) {
        Newsletter newsletter = newsletters.find(code).orElseThrow(() -> new PageNotFoundException("newsletter " + code));
        return page(newsletter, form(List.of(newsletter), List.of(code), ownEmail(), "page", null, null, false, csrf),
                HttpStatus.OK);
    }

    /** The article box's form, loaded by htmx so the article page carries no session or token. */
    @GetMapping("/newsletters/box")
    ModelAndView box(CsrfToken csrf, @RequestParam(defaultValue = "") String article) {
        var all = newsletters.all();
        return fragment(form(all, List.of(all.getFirst().code()), "", "article",
                ArticleId.isWellFormed(article) ? article : null, null, false, csrf), HttpStatus.OK);
    }

    @PostMapping("/newsletters/signup")
    ModelAndView signUp(HttpServletRequest request, CsrfToken csrf, @RequestParam(defaultValue = "") String email,
                        @RequestParam(name = "newsletter", required = false) List<String> codes,
                        @RequestParam(defaultValue = "page") String source,
                        @RequestParam(required = false) String article) {
        List<String> chosen = codes == null ? List.of() : codes;
        String from = List.of("page", "article", "account").contains(source) ? source : "page";
        SignUpOutcome outcome;
        try {
            outcome = newsletters.signUp(new SignUp(email, chosen, from, msg("newsletter.consent"),
                    MemberPrincipal.current().orElse(null), request.getRemoteAddr()));
        } catch (Newsletters.SignUpFailedException failed) {
            outcome = SignUpOutcome.FAILED;
        }
        boolean ok = outcome == SignUpOutcome.SENT || outcome == SignUpOutcome.ALREADY_SUBSCRIBED;
        String notice = msg("newsletter.answer." + outcome.name());
        if (outcome == SignUpOutcome.SENT && "article".equals(from) && MemberPrincipal.current().isEmpty()
                && Boolean.TRUE.equals(unlockable(article))) {
            try {
                if (unlocks.request(email, new ArticleId(article)) == EmailUnlocks.Outcome.SENT) {
                    notice = notice + " " + msg("newsletter.unlock.sent");
                }
            } catch (Newsletters.SignUpFailedException failed) {
                notice = notice + " " + msg("newsletter.unlock.failed");
            }
        }
        var all = newsletters.all();
        List<Newsletter> choices = chosen.size() == 1 && !"article".equals(from)
                ? newsletters.find(chosen.getFirst()).map(List::of).orElse(all) : all;
        String validArticle = article != null && ArticleId.isWellFormed(article) ? article : null;
        NewsletterForm form = form(choices, chosen, ok ? "" : email, from, validArticle, notice, !ok, csrf);
        HttpStatus status = status(outcome);
        if ("true".equals(request.getHeader(HX_REQUEST))) {
            return fragment(form, HttpStatus.OK); // htmx swaps 2xx answers only; the notice says what went wrong
        }
        if ("account".equals(from) && MemberPrincipal.current().isPresent()) {
            return new ModelAndView("redirect:/my/account?newsletter=" + outcome.name() + "#newsletters");
        }
        return page(choices.size() == 1 ? choices.getFirst() : null, form, status);
    }

    /** Opened from the confirmation mail: a button, so a scanner following the link subscribes no one. */
    @GetMapping("/newsletters/confirm")
    ModelAndView confirmPage(CsrfToken csrf, @RequestParam(defaultValue = "") String token) {
        var pending = newsletters.confirmationOf(token);
        if (pending.isEmpty()) {
            return forms.notice("newsletter.confirm.title", msg("newsletter.error.link"), true, HttpStatus.BAD_REQUEST);
        }
        return forms.show(new FormPage(msg("newsletter.confirm.title"), msg("newsletter.confirm.prompt", names(pending.get())),
                null, false, "/newsletters/confirm", List.of(FormPage.Field.hidden("token", token)),
                msg("newsletter.confirm.submit"), List.of(), csrf), HttpStatus.OK);
    }

    @PostMapping("/newsletters/confirm")
    ModelAndView confirm(HttpServletRequest request, @RequestParam(defaultValue = "") String token) {
        var confirmed = newsletters.confirm(token, request.getRemoteAddr());
        if (confirmed.isEmpty()) {
            return forms.notice("newsletter.confirm.title", msg("newsletter.error.link"), true, HttpStatus.BAD_REQUEST);
        }
        return forms.show(FormPage.notice(msg("newsletter.confirm.title"), msg("newsletter.confirm.done", names(confirmed.get())),
                false, List.of(new Link("/", msg("error.home")))), HttpStatus.OK);
    }

    /** From the message's footer: a page with one button (the mail program's one-click POST needs none). */
    @GetMapping("/newsletters/unsubscribe")
    ModelAndView unsubscribePage(CsrfToken csrf, @RequestParam(defaultValue = "") String token) {
        var target = newsletters.unsubscribeTarget(token);
        if (target.isEmpty()) {
            return forms.notice("newsletter.unsubscribe.title", msg("newsletter.error.link"), true, HttpStatus.BAD_REQUEST);
        }
        return forms.show(new FormPage(msg("newsletter.unsubscribe.title"),
                msg("newsletter.unsubscribe.prompt", target.get().newsletter().name(), target.get().email()), null, false,
                "/newsletters/unsubscribe", List.of(FormPage.Field.hidden("token", token)),
                msg("newsletter.unsubscribe.submit"), List.of(), csrf), HttpStatus.OK);
    }

    /**
     * RFC 8058 one-click unsubscribe, and the button of the page above. Authenticated by the
     * signed token alone (no session, so exempt from CSRF); answering it twice changes nothing.
     */
    @PostMapping("/newsletters/unsubscribe")
    ModelAndView unsubscribe(HttpServletRequest request, @RequestParam(defaultValue = "") String token) {
        var target = newsletters.unsubscribe(token, "one-click", request.getRemoteAddr());
        if (target.isEmpty()) {
            return forms.notice("newsletter.unsubscribe.title", msg("newsletter.error.link"), true, HttpStatus.BAD_REQUEST);
        }
        return forms.show(FormPage.notice(msg("newsletter.unsubscribe.title"),
                msg("newsletter.unsubscribe.done", target.get().newsletter().name()), false,
                List.of(new Link(newsletters.manageUrl(target.get().email()), msg("newsletter.manage.link")))), HttpStatus.OK);
    }

    @GetMapping("/newsletters/manage")
    ModelAndView managePage(CsrfToken csrf, @RequestParam(defaultValue = "") String token) {
        return manage(csrf, token, null, false, HttpStatus.OK);
    }

    @PostMapping("/newsletters/manage")
    ModelAndView manageChange(HttpServletRequest request, CsrfToken csrf, @RequestParam(defaultValue = "") String token,
                              @RequestParam(defaultValue = "") String newsletter, @RequestParam(defaultValue = "") String action) {
        var email = newsletters.manageEmail(token);
        if (email.isEmpty() || newsletters.find(newsletter).isEmpty()) {
            return manage(csrf, token, null, false, HttpStatus.BAD_REQUEST);
        }
        var change = change(email.get(), newsletter, action, "manage", request);
        return manage(csrf, token, change.notice(), change.error(), change.status());
    }

    /** The account page's buttons: a member stops or starts a newsletter for their own address. */
    @PostMapping("/my/account/newsletters")
    String accountChange(@AuthenticationPrincipal MemberPrincipal principal, HttpServletRequest request,
                         @RequestParam(defaultValue = "") String newsletter, @RequestParam(defaultValue = "") String action) {
        if (newsletters.find(newsletter).isEmpty()) {
            return "redirect:/my/account?newsletter=NO_NEWSLETTER#newsletters";
        }
        return "redirect:/my/account?newsletter=" + change(principal.email(), newsletter, action, "account", request).key()
                + "#newsletters";
    }

    private record Change(String key, String notice, boolean error, HttpStatus status) {
    }

    private Change change(String email, String newsletter, String action, String source, HttpServletRequest request) {
        if ("stop".equals(action)) {
            newsletters.stop(email, newsletter, source, request.getRemoteAddr());
            return new Change("STOPPED", msg("newsletter.answer.STOPPED"), false, HttpStatus.OK);
        }
        SignUpOutcome outcome;
        try {
            // The address is proven (signed link or logged-in owner), yet the confirmation mail still
            // decides: it shows the mailbox works again after a bounce.
            outcome = newsletters.signUp(new SignUp(email, List.of(newsletter), source, msg("newsletter.consent"),
                    MemberPrincipal.current().orElse(null), request.getRemoteAddr()));
        } catch (Newsletters.SignUpFailedException failed) {
            outcome = SignUpOutcome.FAILED;
        }
        boolean ok = outcome == SignUpOutcome.SENT || outcome == SignUpOutcome.ALREADY_SUBSCRIBED;
        return new Change(outcome.name(), msg("newsletter.answer." + outcome.name()), !ok, status(outcome));
    }

    private ModelAndView manage(CsrfToken csrf, String token, String notice, boolean error, HttpStatus status) {
        var subscriptions = newsletters.manage(token);
        if (subscriptions.isEmpty()) {
            return forms.notice("newsletter.manage.title", msg("newsletter.error.link"), true, HttpStatus.BAD_REQUEST);
        }
        ModelAndView view = new ModelAndView("newsletter/newsletterManage", Map.of(
                "meta", PageMeta.hidden(msg("newsletter.manage.title")),
                "list", new NewsletterList(subscriptions.get(), "/newsletters/manage", token, notice, error, csrf)));
        view.setStatus(status);
        return view;
    }

    private ModelAndView page(Newsletter focus, NewsletterForm form, HttpStatus status) {
        String title = focus == null ? msg("newsletter.page.title") : focus.name();
        String path = focus == null ? "/newsletters" : "/newsletters/" + focus.code();
        var meta = PageMeta.website(title, focus == null ? msg("newsletter.page.intro") : focus.description(),
                urls.url(path));
        ModelAndView view = new ModelAndView("newsletter/newsletters", Map.of(
                "meta", meta,
                "view", new NewslettersView(newsletters.all(), focus, form)));
        view.setStatus(status);
        return view;
    }

    private ModelAndView fragment(NewsletterForm form, HttpStatus status) {
        ModelAndView view = new ModelAndView("newsletter/newsletterBoxForm", Map.of("msg", msg, "form", form));
        view.setStatus(status);
        return view;
    }

    private NewsletterForm form(List<Newsletter> choices, List<String> checked, String email, String source,
                                String article, String notice, boolean error, CsrfToken csrf) {
        return new NewsletterForm(choices, checked, email == null ? "" : email, source, article, notice, error, csrf,
                MemberPrincipal.current().isPresent() ? null : unlockable(article));
    }

    /** For a paid or members-only article: whether it may be unlocked by email; null otherwise. */
    private Boolean unlockable(String article) {
        if (article == null || !ArticleId.isWellFormed(article)) {
            return null;
        }
        return catalog.find(article).filter(a -> !a.accessLevel().isFree())
                .map(a -> unlocks.isEligible(a.id())).orElse(null);
    }

    /** Opened from the unlock mail: a button, so a scanner following the link uses nothing up. */
    @GetMapping("/newsletters/unlock")
    ModelAndView unlockPage(CsrfToken csrf, @RequestParam(defaultValue = "") String token) {
        var target = unlocks.linkTarget(token);
        if (target.isEmpty()) {
            return forms.notice("newsletter.unlock.title", msg("newsletter.error.link"), true, HttpStatus.BAD_REQUEST);
        }
        String headline = catalog.find(target.get().value()).map(a -> a.headline()).orElse("");
        return forms.show(new FormPage(msg("newsletter.unlock.title"), msg("newsletter.unlock.prompt", headline), null, false,
                "/newsletters/unlock", List.of(FormPage.Field.hidden("token", token)), msg("newsletter.unlock.submit"),
                List.of(), csrf), HttpStatus.OK);
    }

    /** Uses the link and gives this browser a cookie that names the article and is sent only to its pages. */
    @PostMapping("/newsletters/unlock")
    ModelAndView unlock(HttpServletRequest request, HttpServletResponse response, @RequestParam(defaultValue = "") String token) {
        var unlock = unlocks.use(token);
        if (unlock.isEmpty()) {
            return forms.notice("newsletter.unlock.title", msg("newsletter.error.link"), true, HttpStatus.BAD_REQUEST);
        }
        ResponseCookie cookie = ResponseCookie.from(EmailUnlocks.COOKIE, unlock.get().cookieValue())
                .path(unlock.get().cookiePath()).maxAge(unlock.get().maxAgeSeconds()).httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax").build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return new ModelAndView("redirect:" + unlock.get().cookiePath());
    }

    private static String ownEmail() {
        return MemberPrincipal.current().map(MemberPrincipal::email).orElse("");
    }

    static HttpStatus status(SignUpOutcome outcome) {
        return switch (outcome) {
            case SENT, ALREADY_SUBSCRIBED -> HttpStatus.OK;
            case THROTTLED, CLIENT_THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            case FAILED -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    private static String names(List<Newsletter> list) {
        return list.stream().map(Newsletter::name).map(n -> "「" + n + "」").collect(Collectors.joining());
    }

    private String msg(String key, Object... args) {
        return msg.get(key, args);
    }
}
