package jp.kawaraban.member.web;

import java.util.List;

import gg.jte.Content;
import jp.kawaraban.member.StaffMember;
import org.springframework.security.web.csrf.CsrfToken;

/** {@code /admin/staff}: each staff member with the parts other modules add, and the last action's notice. */
public record StaffView(List<Row> rows, String notice, CsrfToken csrf) {

    /** @param invitedRoles the roles of a pending invitation, in words */
    public record Row(StaffMember staff, String invitedRoles, List<Content> extensions) {
    }
}
