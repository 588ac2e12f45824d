package jp.kawaraban.member;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * A module's section of the member's own page ({@code /my/account}) — the plan, the
 * newsletters — rendered from the adding module's own template. The account page collects
 * every bean of this type (in {@code @Order}) and writes each section at its {@link Slot}, so
 * a module adds to the page without {@code member} depending on it.
 */
public interface AccountPageExtension {

    /** The places on the account page where other modules' sections go, in page order. */
    enum Slot {
        /** Under the member's name, before the email address: what the member has (the plan). */
        MEMBERSHIP,
        /** After the email address, before the devices: what the member receives by mail. */
        MAIL
    }

    Slot slot();

    /**
     * This module's section for {@code member}, or null for none.
     *
     * @param request the account page's request; a section's own forms come back to the page
     *                with their answer in its query
     * @param csrf    the token the section's forms carry
     */
    Content section(MemberPrincipal member, HttpServletRequest request, CsrfToken csrf);
}
