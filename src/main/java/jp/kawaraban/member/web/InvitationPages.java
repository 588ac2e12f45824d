package jp.kawaraban.member.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jp.kawaraban.member.Role;
import jp.kawaraban.member.Staff;
import jp.kawaraban.member.StaffRefusal;
import jp.kawaraban.platform.web.FormPage;
import jp.kawaraban.platform.web.FormPage.Field;
import jp.kawaraban.platform.web.FormPage.Link;
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
 * {@code /invitation}: the page behind the link in a staff invitation. Opening it changes
 * nothing (mail scanners open links); the button does: a new account sets its name and
 * password there, an existing one confirms, and the roles are added.
 */
@Controller
class InvitationPages {

    private final Staff staff;
    private final FormPages forms;
    private final Messages msg;

    InvitationPages(Staff staff, FormPages forms, Messages msg) {
        this.staff = staff;
        this.forms = forms;
        this.msg = msg;
    }

    @GetMapping("/invitation")
    ModelAndView show(@RequestParam(defaultValue = "") String token, CsrfToken csrf) {
        return form(token, csrf, null, HttpStatus.OK);
    }

    @PostMapping("/invitation")
    ModelAndView accept(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                        @RequestParam(defaultValue = "") String name, CsrfToken csrf) {
        try {
            staff.accept(token, password, name);
        } catch (StaffRefusal refused) {
            if (refused.problem() == StaffRefusal.Problem.INVALID_LINK) {
                return invalid();
            }
            return form(token, csrf, msg.get(refused.messageKey(), refused.arguments()), HttpStatus.BAD_REQUEST);
        }
        return forms.show(FormPage.notice(msg.get("invitation.title"), msg.get("invitation.done"), false,
                List.of(new Link("/login", msg.get("invitation.login")))), HttpStatus.OK);
    }

    private ModelAndView form(String token, CsrfToken csrf, String error, HttpStatus status) {
        var invitation = staff.invitation(token);
        if (invitation.isEmpty()) {
            return invalid();
        }
        String roles = invitation.get().roles().stream().sorted().map(Role::name)
                .map(role -> msg.get("staff.role." + role)).collect(Collectors.joining("・"));
        List<Field> fields = new ArrayList<>(List.of(Field.hidden("token", token)));
        if (invitation.get().newAccount()) {
            fields.add(new Field("name", msg.get("account.signup.name"), "text", invitation.get().displayName(), "name", null));
            fields.add(new Field("password", msg.get("account.login.password"), "password", "", "new-password",
                    msg.get("account.signup.passwordHint")));
        }
        return forms.show(new FormPage(msg.get("invitation.title"),
                msg.get(invitation.get().newAccount() ? "invitation.introNew" : "invitation.introExisting",
                        invitation.get().email(), roles),
                error, error != null, "/invitation", fields, msg.get("invitation.submit"), List.of(), csrf), status);
    }

    private ModelAndView invalid() {
        return forms.notice("invitation.title", msg.get("staff.refusal.INVALID_LINK"), true, HttpStatus.BAD_REQUEST);
    }
}
