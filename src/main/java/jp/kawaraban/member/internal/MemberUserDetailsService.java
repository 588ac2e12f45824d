package jp.kawaraban.member.internal;

import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.MemberPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Finds an account by email (the log-in form) or by member id ("remember this device" and
 * sessions, which name members by id so a change of email keeps them valid).
 */
@Component
class MemberUserDetailsService implements UserDetailsService {

    private final MemberRepository repository;
    private final StaffRepository staff;

    MemberUserDetailsService(MemberRepository repository, StaffRepository staff) {
        this.repository = repository;
        this.staff = staff;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = username != null && username.contains("@")
                ? repository.findByEmail(Emails.normalise(username))
                : MemberId.parse(username).flatMap(repository::find);
        return account.map(found -> new MemberPrincipal(found.member(), found.passwordHash(),
                        staff.disabledAt(found.member().id()).isPresent()))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
