package jp.kawaraban.site.web;

import java.util.List;
import jp.kawaraban.access.Membership;
import jp.kawaraban.member.Device;
import jp.kawaraban.member.Member;
import org.springframework.security.web.csrf.CsrfToken;

/** What the account page shows. {@code notice} reports the last action; {@code error} if it failed. */
public record AccountView(Member member, Membership membership, List<Device> devices, String notice, boolean error, CsrfToken csrf) {
}
