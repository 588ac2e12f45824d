package jp.kawaraban.member;

import java.util.List;
import java.util.Optional;

import jp.kawaraban.member.StaffRefusal.Problem;
import jp.kawaraban.member.internal.DeviceSessions;
import jp.kawaraban.member.internal.MemberMail;
import jp.kawaraban.member.internal.MemberRepository;
import jp.kawaraban.member.internal.MemberRepository.Account;
import jp.kawaraban.member.internal.StaffRepository;
import jp.kawaraban.member.internal.TokenLinks;
import jp.kawaraban.platform.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the customer desk needs of accounts while a reader is on the phone: find them by part
 * of their address, see their devices, send the verification mail again. Administrators only
 * (the pages that call it are under {@code /admin}); what it changes is audited.
 */
@Service
public class CustomerDesk {

    /** The most accounts one search lists: a desk narrows the address rather than paging. */
    public static final int MAX_RESULTS = 50;
    /** Fewer characters than this match too many addresses to be of use. */
    public static final int MIN_QUERY = 3;

    private final MemberRepository accounts;
    private final StaffRepository staff;
    private final DeviceSessions devices;
    private final TokenLinks links;
    private final MemberMail mail;
    private final ApplicationEventPublisher events;

    CustomerDesk(MemberRepository accounts, StaffRepository staff, DeviceSessions devices, TokenLinks links,
                 MemberMail mail, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.staff = staff;
        this.devices = devices;
        this.links = links;
        this.mail = mail;
        this.events = events;
    }

    /** Accounts whose address contains {@code part} (case-insensitive), at most {@link #MAX_RESULTS}; none for a shorter query than {@link #MIN_QUERY}. */
    public List<Member> search(String part) {
        String query = part == null ? "" : part.strip().toLowerCase(java.util.Locale.ROOT);
        if (query.length() < MIN_QUERY) {
            return List.of();
        }
        return staff.searchByEmail(query, MAX_RESULTS).stream()
                .map(accounts::find).flatMap(Optional::stream).map(Account::member).toList();
    }

    public Optional<StaffMember> find(MemberId id) {
        return accounts.find(id).map(account -> {
            var invitation = staff.invitationOf(id);
            return new StaffMember(account.member(), staff.disabledAt(id).orElse(null),
                    invitation.map(StaffRepository.Invitation::roles).orElse(java.util.Set.of()),
                    invitation.map(StaffRepository.Invitation::expiresAt).orElse(null));
        });
    }

    public List<Device> devices(MemberId id) {
        return devices.devices(id, null);
    }

    /** A new verification link to an account whose address is not confirmed; older links stop working. */
    @Transactional
    public void resendVerification(Audited.Actor by, MemberId id) {
        Member member = accounts.find(id).map(Account::member).orElseThrow(() -> new StaffRefusal(Problem.NO_SUCH_MEMBER));
        if (member.emailVerified()) {
            throw new StaffRefusal(Problem.ALREADY_VERIFIED);
        }
        mail.verifyEmail(member, links.issue(id, LinkPurpose.VERIFY_EMAIL, null));
        events.publishEvent(new Audited(by, "member.resend-verification", "member:" + id, null));
    }
}
