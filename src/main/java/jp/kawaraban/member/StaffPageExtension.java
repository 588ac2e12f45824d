package jp.kawaraban.member;

import gg.jte.Content;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * A module's part of a staff member's row on {@code /admin/staff} — the expert profile, which
 * {@code commentary} keeps — rendered from the adding module's own template and posting to its
 * own handler. The staff page collects every bean of this type (in {@code @Order}).
 */
public interface StaffPageExtension {

    /** This module's part for {@code staff}, or null for none. */
    Content forStaff(StaffMember staff, CsrfToken csrf);
}
