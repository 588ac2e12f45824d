package jp.kawaraban.member.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.LinkPurpose;
import jp.kawaraban.member.internal.VerifiedLogIn;
import jp.kawaraban.platform.web.LocalPaths;
import jp.kawaraban.platform.web.FormPage.Field;
import jp.kawaraban.platform.web.FormPage.Link;
import jp.kawaraban.platform.web.FormPage;
import jp.kawaraban.platform.web.FormPages;
import jp.kawaraban.platform.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Log-in, sign-up with email verification, and password reset: the pages a reader without
 * a session uses. Answers never tell whether an address is registered.
 */
@Controller
class AccountPages {

    private final Accounts accounts;
    private final FormPages forms;
    private final Messages msg;
    private final VerifiedLogIn verifiedLogIn;

    AccountPages(Accounts accounts, FormPages forms, Messages msg, VerifiedLogIn verifiedLogIn) {
        this.verifiedLogIn = verifiedLogIn;
        this.accounts = accounts;
        this.forms = forms;
        this.msg = msg;
    }

    @GetMapping("/login")
    ModelAndView login(HttpServletRequest request, CsrfToken csrf, @RequestParam(required = false) String next) {
        next = LocalPaths.safe(next);
        // Sent here from a page (an article's paywall): say why, before anything else is asked.
        String notice = next == null ? null : msg(next.startsWith("/articles/") ? "account.login.toContinue" : "account.login.toGoOn");
        boolean error = false;
        for (String reason : List.of("failed", "unverified", "loggedOut")) {
            if (request.getParameter(reason) != null) {
                notice = msg("account.login." + reason);
                error = !reason.equals("loggedOut");
            }
        }
        String wait = request.getParameter("wait");
        if (wait != null && wait.matches("[0-9]{1,6}")) {
            notice = msg("account.login.wait", waitInWords(Integer.parseInt(wait)));
        }
        List<Field> fields = new ArrayList<>(List.of(
                new Field("email", msg("account.login.email"), "email", "", "username", null),
                new Field("password", msg("account.login.password"), "password", "", "current-password", null),
                new Field("remember", msg("account.login.remember"), "checkbox", "", null, null)));
        if (next != null) {
            fields.add(Field.hidden("next", next));
        }
        return forms.show(new FormPage(msg("account.login.title"), null, notice, error, "/login", fields,
                msg("account.login.submit"),
                List.of(new Link("/signup" + withNext(next), msg("account.login.noAccount")),
                        new Link("/password/forgot", msg("account.login.forgot"))), csrf), HttpStatus.OK);
    }

    /** @param next the page the reader came from (an article): the verification mail leads back there */
    @GetMapping("/signup")
    ModelAndView signUpForm(CsrfToken csrf, @RequestParam(required = false) String next) {
        return signUp(csrf, null, "", "", LocalPaths.safe(next), HttpStatus.OK);
    }

    @PostMapping("/signup")
    ModelAndView signUp(CsrfToken csrf, HttpServletRequest request, @RequestParam(defaultValue = "") String email,
                        @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String name,
                        @RequestParam(required = false) String next) {
        String returnTo = LocalPaths.safe(next);
        Accounts.Outcome outcome = accounts.signUp(email, password, name, request.getRemoteAddr(), returnTo);
        if (outcome == Accounts.Outcome.OK) {
            return forms.notice("account.signup.title", msg(returnTo == null ? "account.signup.sent"
                    : withReturn("account.signup.sentWithReturn", returnTo), email.strip()), false);
        }
        return signUp(csrf, msg("account.error." + outcome.name()), email, name, returnTo, status(outcome));
    }

    private ModelAndView signUp(CsrfToken csrf, String error, String email, String name, String next, HttpStatus status) {
        List<Field> fields = new ArrayList<>(List.of(
                new Field("name", msg("account.signup.name"), "text", name, "nickname", null),
                new Field("email", msg("account.login.email"), "email", email, "email", null),
                new Field("password", msg("account.login.password"), "password", "", "new-password",
                        msg("account.signup.passwordHint"))));
        if (next != null) {
            fields.add(Field.hidden("next", next));
        }
        return forms.show(new FormPage(msg("account.signup.title"),
                msg(next == null ? "account.signup.intro" : withReturn("account.signup.introWithReturn", next)), error, error != null,
                "/signup", fields, msg("account.signup.submit"),
                List.of(new Link("/login" + withNext(next), msg("account.signup.haveAccount"))), csrf), status);
    }

    /**
     * The wording for a way back: most readers come from an article's paywall and are promised
     * "the article"; one who came from another page (the plans page's trial) is promised that page.
     */
    private static String withReturn(String key, String returnTo) {
        return returnTo.startsWith("/articles/") ? key : key + ".page";
    }

    /** {@code ?next=<path>} for a link, or "" when there is no page to return to. */
    private static String withNext(String next) {
        return LocalPaths.nextParameter(next).replaceFirst("^&", "?");
    }

    /**
     * The link in the verification mail opens a page with a button; only the button's POST
     * uses the token, so a mail scanner that follows links does not use it up.
     */
    @GetMapping("/signup/verify")
    ModelAndView verifyPage(CsrfToken csrf, @RequestParam(defaultValue = "") String token,
                            @RequestParam(required = false) String next) {
        if (!accounts.linkIsUsable(token, LinkPurpose.VERIFY_EMAIL)) {
            return forms.notice("account.verify.title", msg("account.error.INVALID_LINK"), true, HttpStatus.BAD_REQUEST);
        }
        String returnTo = LocalPaths.safe(next);
        List<Field> fields = new ArrayList<>(List.of(Field.hidden("token", token)));
        if (returnTo != null) {
            fields.add(Field.hidden("next", returnTo));
        }
        return forms.show(new FormPage(msg("account.verify.title"),
                msg(returnTo == null ? "account.verify.prompt" : withReturn("account.verify.promptWithReturn", returnTo)), null, false,
                "/signup/verify", fields, msg(returnTo == null ? "account.verify.submit"
                        : withReturn("account.verify.submitWithReturn", returnTo)),
                List.of(), csrf), HttpStatus.OK);
    }

    /**
     * Confirms the address and logs the new member in on this browser, then back to the page
     * they signed up from (an article, whose paywall now offers the trial), or to their account.
     */
    @PostMapping("/signup/verify")
    ModelAndView verify(HttpServletRequest request, HttpServletResponse response,
                        @RequestParam(defaultValue = "") String token, @RequestParam(required = false) String next) {
        var member = accounts.verifiedBy(token);
        if (member.isEmpty()) {
            return forms.notice("account.verify.title", msg("account.error.INVALID_LINK"), true, HttpStatus.BAD_REQUEST);
        }
        String returnTo = LocalPaths.safe(next);
        if (verifiedLogIn.logIn(member.get(), request, response)) {
            return new ModelAndView("redirect:" + (returnTo == null ? "/my/account?verified" : returnTo));
        }
        return forms.show(FormPage.notice(msg("account.verify.title"), msg("account.verify.done"), false,
                List.of(new Link("/login" + withNext(returnTo), msg("nav.login")))), HttpStatus.OK);
    }

    @GetMapping("/password/forgot")
    ModelAndView forgotForm(CsrfToken csrf) {
        return forgot(csrf, null, "", HttpStatus.OK);
    }

    @PostMapping("/password/forgot")
    ModelAndView forgot(CsrfToken csrf, HttpServletRequest request, @RequestParam(defaultValue = "") String email) {
        Accounts.Outcome outcome = accounts.requestPasswordReset(email, request.getRemoteAddr());
        if (outcome == Accounts.Outcome.OK) {
            return forms.notice("account.forgot.title", msg("account.forgot.sent"), false);
        }
        return forgot(csrf, msg("account.error." + outcome.name()), email, status(outcome));
    }

    private ModelAndView forgot(CsrfToken csrf, String error, String email, HttpStatus status) {
        return forms.show(new FormPage(msg("account.forgot.title"), msg("account.forgot.intro"), error, error != null,
                "/password/forgot", List.of(new Field("email", msg("account.login.email"), "email", email, "email", null)),
                msg("account.forgot.submit"), List.of(new Link("/login", msg("nav.login"))), csrf), status);
    }

    @GetMapping("/password/reset")
    ModelAndView resetForm(CsrfToken csrf, @RequestParam(defaultValue = "") String token) {
        if (!accounts.linkIsUsable(token, LinkPurpose.RESET_PASSWORD)) {
            return forms.notice("account.reset.title", msg("account.error.INVALID_LINK"), true, HttpStatus.BAD_REQUEST);
        }
        return reset(csrf, token, null, HttpStatus.OK);
    }

    @PostMapping("/password/reset")
    ModelAndView reset(CsrfToken csrf, @RequestParam(defaultValue = "") String token,
                       @RequestParam(defaultValue = "") String password) {
        return switch (accounts.resetPassword(token, password)) {
            case OK -> forms.show(FormPage.notice(msg("account.reset.title"), msg("account.reset.done"), false,
                    List.of(new Link("/login", msg("nav.login")))), HttpStatus.OK);
            case WEAK_PASSWORD -> reset(csrf, token, msg("account.error.WEAK_PASSWORD"), HttpStatus.BAD_REQUEST);
            default -> forms.notice("account.reset.title", msg("account.error.INVALID_LINK"), true, HttpStatus.BAD_REQUEST);
        };
    }

    private ModelAndView reset(CsrfToken csrf, String token, String error, HttpStatus status) {
        return forms.show(new FormPage(msg("account.reset.title"), null, error, error != null, "/password/reset", List.of(
                Field.hidden("token", token),
                new Field("password", msg("account.reset.password"), "password", "", "new-password", null)),
                msg("account.reset.submit"), List.of(), csrf), status);
    }

    /** One button that uses a mailed link's token: also the account page's change of email. */
    ModelAndView confirm(String titleKey, String promptKey, String action, String token, String submitKey, CsrfToken csrf) {
        return forms.show(new FormPage(msg(titleKey), msg(promptKey), null, false, action, List.of(Field.hidden("token", token)),
                msg(submitKey), List.of(), csrf), HttpStatus.OK);
    }

    static HttpStatus status(Accounts.Outcome outcome) {
        return switch (outcome) {
            case OK -> HttpStatus.OK;
            case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    /** "30秒", "2分", "1時間": rounded up, so the reader is not turned away again. */
    private String waitInWords(int seconds) {
        if (seconds < 60) {
            return msg("account.login.wait.seconds", Math.max(1, seconds));
        }
        if (seconds < 3600) {
            return msg("account.login.wait.minutes", (seconds + 59) / 60);
        }
        return msg("account.login.wait.hours", (seconds + 3599) / 3600);
    }

    private String msg(String key, Object... args) {
        return msg.get(key, args);
    }

}
