package jp.kawaraban.commentary.web;

import java.util.Map;

import gg.jte.Content;
import jp.kawaraban.commentary.Commentaries;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.member.Role;
import jp.kawaraban.member.StaffMember;
import jp.kawaraban.member.StaffPageExtension;
import jp.kawaraban.platform.Audited;
import jp.kawaraban.platform.web.Fragments;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageNotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The expert role on {@code /admin/staff}: it comes with the profile commentary is signed
 * with, which this module keeps, so the form to grant it (name and title) is this module's
 * part of each staff row, and {@code POST /admin/staff/{id}/expert} grants the role and saves
 * the profile together (administrators only, by the security chain).
 */
@Controller
class StaffExpertPart implements StaffPageExtension {

    private final Commentaries commentaries;
    private final Fragments fragments;
    private final Messages msg;

    StaffExpertPart(Commentaries commentaries, Fragments fragments, Messages msg) {
        this.commentaries = commentaries;
        this.fragments = fragments;
        this.msg = msg;
    }

    @Override
    public Content forStaff(StaffMember staff, CsrfToken csrf) {
        var member = staff.member();
        var profile = member.has(Role.EXPERT) ? commentaries.profileOrDefault(member.id()) : null;
        return fragments.of("commentary/tag/staffExpert", Map.of(
                "msg", msg,
                "memberId", member.id().toString(),
                "expert", member.has(Role.EXPERT),
                "name", profile != null ? profile.displayName() : member.displayName(),
                "title", profile != null ? profile.title() : "",
                "csrf", csrf));
    }

    @PostMapping("/admin/staff/{id}/expert")
    String appoint(@AuthenticationPrincipal MemberPrincipal admin, @PathVariable String id,
                   @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String title) {
        MemberId member = MemberId.parse(id).orElseThrow(() -> new PageNotFoundException("member " + id));
        // A refusal (a name too long, say) is answered by the site's refusal page, in Japanese.
        commentaries.appoint(new Audited.Actor(admin.id().toString(), admin.displayName()), member, name, title);
        return "redirect:/admin/staff?done=expert";
    }
}
