package jp.kawaraban.member.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jp.kawaraban.member.AccountPageExtension;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.LinkPurpose;
import jp.kawaraban.member.Member;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.FormPages;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The member's own page: logged-in devices, change of email, data export and deletion, and
 * the sections other modules add (the plan, newsletters) through {@link AccountPageExtension}.
 * Everything under {@code /my/} needs a log-in.
 */
@Controller
class MyAccountPages {

    private final Accounts accounts;
    private final Messages msg;
    private final FormPages forms;
    private final AccountPages accountPages;
    private final List<AccountPageExtension> extensions;

    MyAccountPages(Accounts accounts, Messages msg, FormPages forms, AccountPages accountPages,
                   ObjectProvider<AccountPageExtension> extensions) {
        this.accounts = accounts;
        this.msg = msg;
        this.forms = forms;
        this.accountPages = accountPages;
        this.extensions = extensions.orderedStream().toList();
    }

    @GetMapping("/my/account")
    ModelAndView account(@AuthenticationPrincipal MemberPrincipal principal, HttpServletRequest request, CsrfToken csrf) {
        String notice = null;
        for (String done : List.of("paid", "verified", "deviceDone", "changeEmailSent", "emailChanged")) {
            if (request.getParameter(done) != null) {
                notice = msg.get("account.page." + done);
            }
        }
        return page(principal, request, csrf, notice, false, HttpStatus.OK);
    }

    @PostMapping("/my/account/devices/logout")
    String logOutDevice(@AuthenticationPrincipal MemberPrincipal principal, @RequestParam(defaultValue = "") String device) {
        accounts.logOutDevice(principal.id(), device);
        return "redirect:/my/account?deviceDone";
    }

    @PostMapping("/my/account/logout-everywhere")
    String logOutEverywhere(@AuthenticationPrincipal MemberPrincipal principal, HttpSession session) {
        accounts.logOutEverywhere(principal.id());
        session.invalidate();
        return "redirect:/login?loggedOut";
    }

    @PostMapping("/my/account/email")
    ModelAndView changeEmail(@AuthenticationPrincipal MemberPrincipal principal, HttpServletRequest request,
                             CsrfToken csrf, @RequestParam(defaultValue = "") String email,
                             @RequestParam(defaultValue = "") String password) {
        Accounts.Outcome outcome = accounts.requestEmailChange(principal.id(), password, email);
        if (outcome == Accounts.Outcome.OK) {
            return new ModelAndView("redirect:/my/account?changeEmailSent");
        }
        return page(principal, request, csrf, msg.get("account.error." + outcome.name()), true,
                AccountPages.status(outcome));
    }

    /** Opened from the mail: a button, so that a scanner following the link changes nothing. */
    @GetMapping("/my/account/email/confirm")
    ModelAndView confirmEmailPage(CsrfToken csrf, @RequestParam(defaultValue = "") String token) {
        if (!accounts.linkIsUsable(token, LinkPurpose.CHANGE_EMAIL)) {
            return forms.notice("account.page.changeEmail", msg.get("account.error.INVALID_LINK"), true,
                    HttpStatus.BAD_REQUEST);
        }
        return accountPages.confirm("account.page.changeEmail", "account.verify.prompt", "/my/account/email/confirm", token,
                "account.verify.submit", csrf);
    }

    @PostMapping("/my/account/email/confirm")
    ModelAndView confirmEmail(@RequestParam(defaultValue = "") String token) {
        Accounts.Outcome outcome = accounts.confirmEmailChange(token);
        if (outcome == Accounts.Outcome.OK) {
            return new ModelAndView("redirect:/my/account?emailChanged");
        }
        return forms.notice("account.page.changeEmail", msg.get("account.error." + outcome.name()), true,
                HttpStatus.BAD_REQUEST);
    }

    @GetMapping(path = "/my/account/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> export(@AuthenticationPrincipal MemberPrincipal principal) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kawaraban-account.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(accounts.export(principal.id()));
    }

    @PostMapping("/my/account/delete")
    ModelAndView delete(@AuthenticationPrincipal MemberPrincipal principal, HttpServletRequest request, CsrfToken csrf,
                        @RequestParam(defaultValue = "") String password) {
        Accounts.Outcome outcome = accounts.delete(principal.id(), password);
        if (outcome != Accounts.Outcome.OK) {
            return page(principal, request, csrf, msg.get("account.error." + outcome.name()), true,
                    HttpStatus.BAD_REQUEST);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        return forms.notice("account.page.delete", msg.get("account.deleted"), false);
    }

    private ModelAndView page(MemberPrincipal principal, HttpServletRequest request, CsrfToken csrf, String notice,
                              boolean error, HttpStatus status) {
        Member member = accounts.find(principal.id()).orElseThrow();
        HttpSession session = request.getSession(false);
        var view = new AccountView(member, accounts.devices(member.id(), session == null ? null : session.getId()),
                notice, error, csrf, sections(principal, request, csrf));
        ModelAndView page = new ModelAndView("member/myAccount", Map.of(
                "meta", PageMeta.hidden(msg.get("account.page.title")),
                "account", view));
        page.setStatus(status);
        return page;
    }

    /** Each other module's section of the page, by slot, in the extensions' order. */
    private Map<AccountPageExtension.Slot, List<Content>> sections(MemberPrincipal principal, HttpServletRequest request,
                                                                    CsrfToken csrf) {
        Map<AccountPageExtension.Slot, List<Content>> sections = new EnumMap<>(AccountPageExtension.Slot.class);
        for (AccountPageExtension extension : extensions) {
            Content section = extension.section(principal, request, csrf);
            if (section != null) {
                sections.computeIfAbsent(extension.slot(), slot -> new ArrayList<>()).add(section);
            }
        }
        return sections;
    }
}
