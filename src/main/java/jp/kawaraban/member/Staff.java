package jp.kawaraban.member;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.kawaraban.member.StaffRefusal.Problem;
import jp.kawaraban.member.internal.DeviceSessions;
import jp.kawaraban.member.internal.Emails;
import jp.kawaraban.member.internal.MemberMail;
import jp.kawaraban.member.internal.MemberRepository;
import jp.kawaraban.member.internal.MemberRepository.Account;
import jp.kawaraban.member.internal.StaffRepository;
import jp.kawaraban.platform.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The staff, as administrators manage it: invitations by mail, granting and revoking the
 * staff roles, disabling accounts. Every change is told to the audit log ({@link Audited}) in
 * its transaction, and reaches the member's sessions at once: a revoked editor is refused on
 * their next request, a disabled account is logged out everywhere. No change may leave the
 * site without an administrator who can log in.
 */
@Service
public class Staff {

    /** The roles administrators grant; every account is a {@link Role#MEMBER} anyway. */
    public static final Set<Role> STAFF_ROLES = EnumSet.of(Role.EDITOR, Role.EXPERT, Role.ADMIN);

    private final MemberRepository accounts;
    private final StaffRepository repository;
    private final DeviceSessions sessions;
    private final MemberMail mail;
    private final PasswordEncoder passwords;
    private final MemberProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Staff(MemberRepository accounts, StaffRepository repository, DeviceSessions sessions, MemberMail mail,
          PasswordEncoder passwords, MemberProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.repository = repository;
        this.sessions = sessions;
        this.mail = mail;
        this.passwords = passwords;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Everyone with a staff role or a pending invitation, by address. */
    public List<StaffMember> list() {
        return repository.staff().stream().map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<StaffMember> find(MemberId id) {
        return accounts.find(id).map(account -> {
            var invitation = repository.invitationOf(id);
            return new StaffMember(account.member(), repository.disabledAt(id).orElse(null),
                    invitation.map(StaffRepository.Invitation::roles).orElse(Set.of()),
                    invitation.map(StaffRepository.Invitation::expiresAt).orElse(null));
        });
    }

    // --- invitations ----------------------------------------------------------------------

    /**
     * Invites {@code email} to {@code role}. A new address gets an account without a password
     * and a mail whose link sets one; an existing account gets a mail whose link confirms.
     * Either way the role is added only when the link is followed.
     */
    @Transactional
    public void invite(Audited.Actor by, String email, String name, Role role) {
        requireStaffRole(role);
        if (!Emails.isPlausible(email)) {
            throw new StaffRefusal(Problem.INVALID_EMAIL);
        }
        String normalised = Emails.normalise(email);
        Optional<Account> existing = accounts.findByEmail(normalised);
        Member member;
        boolean created = existing.isEmpty();
        if (created) {
            String displayName = name == null ? "" : name.strip();
            if (displayName.isEmpty() || displayName.length() > Accounts.MAX_NAME_LENGTH) {
                throw new StaffRefusal(Problem.INVALID_NAME);
            }
            member = new Member(MemberId.random(), normalised, displayName, EnumSet.of(Role.MEMBER), null, clock.instant());
            // A password nobody knows: the account cannot log in before its owner sets one through the link.
            if (!accounts.insert(member, passwords.encode(java.util.UUID.randomUUID() + "" + java.util.UUID.randomUUID()))) {
                throw new IllegalStateException("The address was registered in the meantime");
            }
        } else {
            member = existing.get().member();
        }
        Instant now = clock.instant();
        String token = repository.invite(member.id(), Set.of(role), by.name(), now,
                now.plus(properties.verifyLinkLifetime()), created);
        mail.invitation(member.email(), member.displayName(), role, by.name(), token);
        audit(by, "staff.invite", member, role.name() + " " + member.email());
    }

    /** A pending invitation as its link's page shows it: to whom, which roles, whether a password is to be set. */
    public record Invitation(String email, String displayName, Set<Role> roles, boolean newAccount) {
    }

    public Optional<Invitation> invitation(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return repository.invitation(token, clock.instant()).flatMap(invitation -> accounts.find(invitation.member())
                .map(account -> new Invitation(account.member().email(), account.member().displayName(),
                        invitation.roles(), invitation.newAccount())));
    }

    /**
     * Follows an invitation link: sets the password of an account the invitation made (with
     * the name its owner chose), confirms the address and adds the roles. Works once.
     */
    @Transactional
    public Member accept(String token, String password, String name) {
        var pending = invitation(token).orElseThrow(() -> new StaffRefusal(Problem.INVALID_LINK));
        String displayName = name == null || name.isBlank() ? pending.displayName() : name.strip();
        if (pending.newAccount()) {
            if (!Accounts.strongEnough(password)) {
                throw new StaffRefusal(Problem.WEAK_PASSWORD);
            }
            if (displayName.length() > Accounts.MAX_NAME_LENGTH) {
                throw new StaffRefusal(Problem.INVALID_NAME);
            }
        }
        var invitation = repository.take(token, clock.instant()).orElseThrow(() -> new StaffRefusal(Problem.INVALID_LINK));
        MemberId id = invitation.member();
        if (invitation.newAccount()) {
            accounts.updatePassword(id, passwords.encode(password));
            accounts.updateDisplayName(id, displayName);
        }
        accounts.markVerified(id, clock.instant());
        Member before = accounts.find(id).orElseThrow().member();
        EnumSet<Role> roles = EnumSet.copyOf(before.roles());
        roles.addAll(invitation.roles());
        Member after = changeRoles(before, roles);
        audit(new Audited.Actor(id.toString(), after.displayName()), "staff.accept", after,
                String.join(",", invitation.roles().stream().map(Role::name).sorted().toList()));
        return after;
    }

    // --- roles and disabling ----------------------------------------------------------------

    @Transactional
    public Member grant(Audited.Actor by, MemberId id, Role role) {
        requireStaffRole(role);
        Member before = member(id);
        if (before.has(role)) {
            return before;
        }
        EnumSet<Role> roles = EnumSet.copyOf(before.roles());
        roles.add(role);
        Member after = changeRoles(before, roles);
        audit(by, "staff.grant", after, role.name());
        return after;
    }

    @Transactional
    public Member revoke(Audited.Actor by, MemberId id, Role role) {
        requireStaffRole(role);
        Member before = member(id);
        if (!before.has(role)) {
            return before;
        }
        if (role == Role.ADMIN) {
            requireAnotherAdministrator(before);
        }
        EnumSet<Role> roles = EnumSet.copyOf(before.roles());
        roles.remove(role);
        Member after = changeRoles(before, roles);
        audit(by, "staff.revoke", after, role.name());
        return after;
    }

    /** The account can no longer log in; its sessions and remembered devices end now. */
    @Transactional
    public void disable(Audited.Actor by, MemberId id) {
        Member member = member(id);
        if (repository.disabledAt(id).isPresent()) {
            return;
        }
        if (member.has(Role.ADMIN)) {
            requireAnotherAdministrator(member);
        }
        repository.setDisabled(id, clock.instant());
        accounts.dropRememberedDevices(id);
        // Once the account is locked for everyone: a log-in racing this change finds it locked, or its session ends here.
        afterCommit(() -> sessions.logOutEverywhere(id));
        audit(by, "staff.disable", member, null);
    }

    @Transactional
    public void enable(Audited.Actor by, MemberId id) {
        Member member = member(id);
        if (repository.disabledAt(id).isEmpty()) {
            return;
        }
        repository.setDisabled(id, null);
        audit(by, "staff.enable", member, null);
    }

    private Member member(MemberId id) {
        return accounts.find(id).map(Account::member).orElseThrow(() -> new StaffRefusal(Problem.NO_SUCH_MEMBER));
    }

    /** Refuses to take {@code admin} away from the administrators when nobody else could log in as one. */
    private void requireAnotherAdministrator(Member admin) {
        repository.lockAdministrators();
        boolean counts = admin.emailVerified() && repository.disabledAt(admin.id()).isEmpty();
        if (counts && repository.activeAdministrators() <= 1) {
            throw new StaffRefusal(Problem.LAST_ADMINISTRATOR);
        }
    }

    private Member changeRoles(Member before, Set<Role> roles) {
        repository.setRoles(before.id(), roles);
        Member after = new Member(before.id(), before.email(), before.displayName(), roles, before.emailVerifiedAt(),
                before.createdAt());
        // Logged-in devices get the new roles on their next request; a remembered device reads them at log-in.
        // After the commit: sessions are written in transactions of their own, so doing it here would show
        // roles that might still roll back, and take a second connection while holding the administrators' lock.
        MemberPrincipal principal = new MemberPrincipal(after, null);
        afterCommit(() -> sessions.replacePrincipal(after.id(), principal));
        return after;
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private static void requireStaffRole(Role role) {
        if (role == null || !STAFF_ROLES.contains(role)) {
            throw new StaffRefusal(Problem.NOT_A_STAFF_ROLE);
        }
    }

    private void audit(Audited.Actor by, String action, Member member, String detail) {
        events.publishEvent(new Audited(by, action, "member:" + member.id(), detail));
    }
}
