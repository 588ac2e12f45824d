package jp.kawaraban.member.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.member.Role;
import jp.kawaraban.member.Staff;
import jp.kawaraban.member.StaffPageExtension;
import jp.kawaraban.member.StaffRefusal;
import jp.kawaraban.platform.Audited;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/staff} (administrators only, by the security chain): who works on the paper
 * and as what; invite by mail, grant and revoke roles, disable and enable accounts. Each
 * change goes through {@link Staff}, which audits it; a refused change is answered by the
 * site's refusal page with the reason in Japanese, and changes nothing.
 */
@Controller
class StaffPages {

    private static final Set<String> DONE = Set.of("invited", "granted", "revoked", "disabled", "enabled", "expert");

    private final Staff staff;
    private final Messages msg;
    private final List<StaffPageExtension> extensions;

    StaffPages(Staff staff, Messages msg, ObjectProvider<StaffPageExtension> extensions) {
        this.staff = staff;
        this.msg = msg;
        this.extensions = extensions.orderedStream().toList();
    }

    /** The administrator behind a request, as the audit log names them. */
    static Audited.Actor actor(MemberPrincipal admin) {
        return new Audited.Actor(admin.id().toString(), admin.displayName());
    }

    @GetMapping("/admin/staff")
    ModelAndView list(CsrfToken csrf, @RequestParam(required = false) String done) {
        var rows = staff.list().stream().map(member -> new StaffView.Row(member,
                member.invitedRoles().stream().sorted().map(role -> msg.get("staff.role." + role.name()))
                        .collect(java.util.stream.Collectors.joining("・")), extensions.stream()
                .map(extension -> extension.forStaff(member, csrf)).filter(Objects::nonNull).toList())).toList();
        String notice = done != null && DONE.contains(done) ? msg.get("admin.staff.done." + done) : null;
        return new ModelAndView("member/adminStaff", Map.of(
                "meta", PageMeta.hidden(msg.get("admin.staff.title")),
                "view", new StaffView(rows, notice, csrf)));
    }

    @PostMapping("/admin/staff/invite")
    String invite(@AuthenticationPrincipal MemberPrincipal admin, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role) {
        staff.invite(actor(admin), email, name, role(role));
        return "redirect:/admin/staff?done=invited";
    }

    @PostMapping("/admin/staff/{id}/grant")
    String grant(@AuthenticationPrincipal MemberPrincipal admin, @PathVariable String id,
                 @RequestParam(defaultValue = "") String role) {
        staff.grant(actor(admin), member(id), role(role));
        return "redirect:/admin/staff?done=granted";
    }

    @PostMapping("/admin/staff/{id}/revoke")
    String revoke(@AuthenticationPrincipal MemberPrincipal admin, @PathVariable String id,
                  @RequestParam(defaultValue = "") String role) {
        staff.revoke(actor(admin), member(id), role(role));
        return "redirect:/admin/staff?done=revoked";
    }

    @PostMapping("/admin/staff/{id}/disable")
    String disable(@AuthenticationPrincipal MemberPrincipal admin, @PathVariable String id) {
        staff.disable(actor(admin), member(id));
        return "redirect:/admin/staff?done=disabled";
    }

    @PostMapping("/admin/staff/{id}/enable")
    String enable(@AuthenticationPrincipal MemberPrincipal admin, @PathVariable String id) {
        staff.enable(actor(admin), member(id));
        return "redirect:/admin/staff?done=enabled";
    }

    private static MemberId member(String id) {
        return MemberId.parse(id).orElseThrow(() -> new PageNotFoundException("member " + id));
    }

    private static Role role(String name) {
        return Staff.STAFF_ROLES.stream().filter(role -> role.name().equals(name)).findFirst()
                .orElseThrow(() -> new StaffRefusal(StaffRefusal.Problem.NOT_A_STAFF_ROLE));
    }
}
