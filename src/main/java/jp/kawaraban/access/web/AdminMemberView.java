package jp.kawaraban.access.web;

import java.util.List;

import jp.kawaraban.access.Membership;
import jp.kawaraban.access.PlanTerms;
import jp.kawaraban.access.SubscriptionDesk;
import jp.kawaraban.member.Device;
import jp.kawaraban.member.StaffMember;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * {@code /admin/members/{id}}: one member as the customer desk sees them.
 *
 * @param currentTerms the plan's terms on sale today (null when not on sale), beside the price the member pays
 */
public record AdminMemberView(StaffMember account, Membership membership, PlanTerms currentTerms,
                              List<SubscriptionDesk.Change> history, List<SubscriptionDesk.TrialTaken> trials,
                              List<Device> devices, int maxExtensionDays, String notice, CsrfToken csrf) {

    /** A search result: the member and their standing in words. */
    public record Found(jp.kawaraban.member.Member member, String standing) {
    }
}
