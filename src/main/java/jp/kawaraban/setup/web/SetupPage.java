package jp.kawaraban.setup.web;

import java.net.InetAddress;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.platform.Refusal;
import jp.kawaraban.platform.web.FormPage;
import jp.kawaraban.platform.web.FormPages;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageNotFoundException;
import jp.kawaraban.setup.PublicationSetup;
import jp.kawaraban.setup.SetupRefusal;
import jp.kawaraban.setup.internal.SetupCode;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /setup}: the first start in a browser, while no administrator exists — from this
 * machine, or elsewhere with the one-time code the site printed in its log. Once setup is
 * done the page is gone (404) for good.
 */
@Controller
class SetupPage {

    /** Headers a proxy adds: a request carrying one came through a proxy, whatever its address says. */
    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Real-IP");

    private final PublicationSetup setup;
    private final SetupCode code;
    private final FormPages forms;
    private final Messages msg;

    SetupPage(PublicationSetup setup, SetupCode code, FormPages forms, Messages msg) {
        this.setup = setup;
        this.code = code;
        this.forms = forms;
        this.msg = msg;
    }

    @GetMapping("/setup")
    ModelAndView form(HttpServletRequest request, CsrfToken csrf, @RequestParam(required = false) String code) {
        allow(request, code);
        String address = ServletUriComponentsBuilder.fromCurrentContextPath().replaceQuery(null).build().toUriString();
        return form(new PublicationSetup.Request("", address, "", "", PublicationSetup.starterList(), ""), code, null, csrf,
                HttpStatus.OK);
    }

    @PostMapping("/setup")
    ModelAndView submit(HttpServletRequest request, CsrfToken csrf, @RequestParam(required = false) String code,
                        @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String baseUrl,
                        @RequestParam(defaultValue = "") String adminEmail,
                        @RequestParam(defaultValue = "") String adminPassword,
                        @RequestParam(defaultValue = "") String sections,
                        @RequestParam(defaultValue = "") String postalAddress) {
        allow(request, code);
        var asked = new PublicationSetup.Request(name, baseUrl, adminEmail, adminPassword, sections, postalAddress);
        try {
            setup.setUp(asked);
        } catch (SetupRefusal refused) {
            if (refused.kind() != Refusal.Kind.INVALID) {
                throw refused;
            }
            return form(asked, code, msg.get(refused.messageKey(), refused.arguments()), csrf, HttpStatus.BAD_REQUEST);
        }
        return forms.show(FormPage.notice(msg.get("setup.title"), msg.get("setup.done", adminEmail.strip()), false,
                List.of(new FormPage.Link("/login?next=/admin", msg.get("setup.logIn")))), HttpStatus.OK);
    }

    /** Gone once set up; otherwise only for this machine or the holder of the code. */
    private void allow(HttpServletRequest request, String presented) {
        if (!setup.pending()) {
            throw new PageNotFoundException("set up already");
        }
        if (!fromThisMachine(request) && !code.accepts(presented)) {
            throw new SetupRefusal.NotHere();
        }
    }

    /**
     * The connection came in on this machine's loopback interface from a loopback address,
     * and no proxy forwarded it. The local address is the socket's own, which no header
     * changes; a proxy on this machine that adds no forwarding header looks local (the README says so).
     */
    static boolean fromThisMachine(HttpServletRequest request) {
        if (FORWARDING_HEADERS.stream().anyMatch(header -> request.getHeader(header) != null)) {
            return false;
        }
        return loopback(request.getLocalAddr()) && loopback(request.getRemoteAddr());
    }

    private static boolean loopback(String address) {
        // Literals only (digits, dots, colons), so that looking the address up never asks DNS.
        if (address == null || !address.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException notAnAddress) {
            return false;
        }
    }

    private ModelAndView form(PublicationSetup.Request values, String code, String notice, CsrfToken csrf, HttpStatus status) {
        List<FormPage.Field> fields = new java.util.ArrayList<>(List.of(
                new FormPage.Field("name", msg.get("setup.field.name"), "text", values.name(), "organization", null),
                new FormPage.Field("baseUrl", msg.get("setup.field.baseUrl"), "url", values.baseUrl(), "url",
                        msg.get("setup.hint.baseUrl")),
                new FormPage.Field("adminEmail", msg.get("setup.field.adminEmail"), "email", values.adminEmail(), "username", null),
                new FormPage.Field("adminPassword", msg.get("setup.field.adminPassword"), "password", "", "new-password",
                        msg.get("setup.hint.adminPassword", jp.kawaraban.member.Accounts.MIN_PASSWORD_LENGTH)),
                new FormPage.Field("sections", msg.get("setup.field.sections"), "text", values.sections(), "off",
                        msg.get("setup.hint.sections")),
                new FormPage.Field("postalAddress", msg.get("setup.field.postalAddress"), "text", values.postalAddress(),
                        "street-address", msg.get("setup.hint.postalAddress"))));
        if (code != null) {
            fields.add(FormPage.Field.hidden("code", code));
        }
        return forms.show(new FormPage(msg.get("setup.title"), msg.get("setup.intro"), notice, notice != null, "/setup", fields,
                msg.get("setup.submit"), List.of(), csrf), status);
    }
}
