package jp.kawaraban.member;

import java.io.Serial;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in member, as kept in the session. Its name is the member id, not the email,
 * so changing the email keeps every device logged in and listed.
 */
public final class MemberPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final MemberId id;
    private final String email;
    private final String displayName;
    private final Set<Role> roles;
    private final boolean emailVerified;
    /** Disabled by an administrator: the account cannot log in (a field added later reads false from older sessions). */
    private final boolean disabled;
    private String passwordHash;

    public MemberPrincipal(Member member, String passwordHash) {
        this(member, passwordHash, false);
    }

    public MemberPrincipal(Member member, String passwordHash, boolean disabled) {
        this.disabled = disabled;
        this.id = member.id();
        this.email = member.email();
        this.displayName = member.displayName();
        this.roles = Set.copyOf(member.roles());
        this.emailVerified = member.emailVerified();
        this.passwordHash = passwordHash;
    }

    /** The member behind a request's authentication, if it is a member (not anonymous). */
    public static Optional<MemberPrincipal> of(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof MemberPrincipal principal
                ? Optional.of(principal) : Optional.empty();
    }

    /** The member of the current request, if logged in. */
    public static Optional<MemberPrincipal> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public MemberId id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return id.toString();
    }

    /** Unverified accounts cannot log in until the link in the verification mail is used. */
    @Override
    public boolean isEnabled() {
        return emailVerified;
    }

    /** Accounts an administrator disabled cannot log in, by form or by "remember this device". */
    @Override
    public boolean isAccountNonLocked() {
        return !disabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
