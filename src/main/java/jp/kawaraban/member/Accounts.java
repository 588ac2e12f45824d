package jp.kawaraban.member;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.kawaraban.member.internal.AccountMails;
import jp.kawaraban.member.internal.DeviceSessions;
import jp.kawaraban.member.internal.Emails;
import jp.kawaraban.member.internal.MemberMail;
import jp.kawaraban.member.internal.MemberRepository;
import jp.kawaraban.member.internal.MemberRepository.Account;
import jp.kawaraban.member.internal.Throttle;
import jp.kawaraban.member.internal.TokenLinks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything a member does with their account, and the look-ups other modules need.
 * No answer here tells a stranger whether an address has an account: sign-up, password
 * reset and change of email say "sent" either way, by the same path in the same time — the
 * request only queues its mail ({@link AccountMails}), which looks the address up and tells
 * the owner what happened after the answer has gone.
 */
@Service
public class Accounts {

    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_LENGTH = 128;
    public static final int MAX_NAME_LENGTH = 40;

    private final MemberRepository repository;
    private final PasswordEncoder passwords;
    private final TokenLinks links;
    private final MemberMail mail;
    private final Throttle throttle;
    private final AccountMails accountMails;
    private final DeviceSessions devices;
    private final List<MemberDataExport> exports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(MemberRepository repository, PasswordEncoder passwords, TokenLinks links, MemberMail mail,
             Throttle throttle, AccountMails accountMails, DeviceSessions devices, List<MemberDataExport> exports,
             ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.links = links;
        this.mail = mail;
        this.throttle = throttle;
        this.accountMails = accountMails;
        this.devices = devices;
        this.exports = exports;
        this.events = events;
        this.clock = clock;
    }

    public enum Outcome {
        /** Done, or (for sign-up and reset) a mail is on its way if the address can receive one. */
        OK,
        INVALID_EMAIL, WEAK_PASSWORD, INVALID_NAME, WRONG_PASSWORD, SAME_EMAIL,
        /** The link is unknown, used or expired. */
        INVALID_LINK,
        /** The address was taken by another account in the meantime. */
        EMAIL_TAKEN,
        /** Too many attempts; try again later. */
        THROTTLED
    }

    // --- look-ups for other modules ------------------------------------------------------

    public Optional<Member> find(MemberId id) {
        return repository.find(id).map(Account::member);
    }

    public Optional<Member> findByEmail(String email) {
        return repository.findByEmail(Emails.normalise(email)).map(Account::member);
    }

    // --- sign-up and verification --------------------------------------------------------

    @Transactional
    public Outcome signUp(String email, String password, String displayName, String clientAddress) {
        return signUp(email, password, displayName, clientAddress, null);
    }

    /**
     * A sign-up on the way to a page ({@code returnTo}, a local path of this site; anything
     * else is dropped): the verification mail's link leads back there.
     */
    @Transactional
    public Outcome signUp(String email, String password, String displayName, String clientAddress, String returnTo) {
        if (throttle.blocked(Throttle.Kind.SIGN_UP, clientAddress, null)) {
            return Outcome.THROTTLED;
        }
        Outcome invalid = invalidSignUp(email, password, displayName);
        if (invalid != null) {
            return invalid;
        }
        throttle.record(Throttle.Kind.SIGN_UP, clientAddress, null);
        String normalised = Emails.normalise(email);
        // The same work for a taken address as for a new one: the password is hashed and the
        // insert tried either way (a taken address leaves it undone); the mail says which.
        Member member = new Member(MemberId.random(), normalised, displayName.strip(), EnumSet.of(Role.MEMBER), null,
                clock.instant());
        repository.insert(member, passwords.encode(password));
        accountMails.request(AccountMails.Kind.SIGN_UP, normalised, member.id(), null, returnTo);
        return Outcome.OK;
    }

    /** Whether a verification link can still be used (the page asks before the click that uses it). */
    public boolean linkIsUsable(String token, LinkPurpose purpose) {
        return links.isUsable(token, purpose);
    }

    @Transactional
    public Outcome verifyEmail(String token) {
        return verifiedBy(token).isPresent() ? Outcome.OK : Outcome.INVALID_LINK;
    }

    /**
     * Uses a verification link: the member whose address it confirmed, or empty when the link
     * is unknown, used or expired. Whoever holds the link has read the mail, which is what a
     * password reset trusts too; the sign-up page uses it to log the new member in.
     */
    @Transactional
    public Optional<Member> verifiedBy(String token) {
        return links.use(token, LinkPurpose.VERIFY_EMAIL).flatMap(used -> {
            repository.markVerified(used.member(), clock.instant());
            return repository.find(used.member()).map(Account::member);
        });
    }

    /** Sends a new verification link to an unverified account; silent for anything else. */
    @Transactional
    public Outcome resendVerification(String email, String clientAddress) {
        if (throttle.blocked(Throttle.Kind.RESET, clientAddress, email)) {
            return Outcome.THROTTLED;
        }
        throttle.record(Throttle.Kind.RESET, clientAddress, email);
        accountMails.request(AccountMails.Kind.VERIFY_AGAIN, Emails.normalise(email), null, null);
        return Outcome.OK;
    }

    // --- password reset --------------------------------------------------------------

    @Transactional
    public Outcome requestPasswordReset(String email, String clientAddress) {
        if (!Emails.isPlausible(email)) {
            return Outcome.INVALID_EMAIL;
        }
        if (throttle.blocked(Throttle.Kind.RESET, clientAddress, email)) {
            return Outcome.THROTTLED;
        }
        throttle.record(Throttle.Kind.RESET, clientAddress, email);
        accountMails.request(AccountMails.Kind.RESET, Emails.normalise(email), null, null);
        return Outcome.OK;
    }

    /** Sets a new password and logs the account out everywhere: whoever knew the old one is out. */
    @Transactional
    public Outcome resetPassword(String token, String newPassword) {
        if (!strongEnough(newPassword)) {
            return links.isUsable(token, LinkPurpose.RESET_PASSWORD) ? Outcome.WEAK_PASSWORD : Outcome.INVALID_LINK;
        }
        return links.use(token, LinkPurpose.RESET_PASSWORD).map(used -> {
            repository.updatePassword(used.member(), passwords.encode(newPassword));
            // Following a mailed link proves the address, too.
            repository.markVerified(used.member(), clock.instant());
            logOutEverywhere(used.member());
            return Outcome.OK;
        }).orElse(Outcome.INVALID_LINK);
    }

    // --- change of email -----------------------------------------------------------------

    @Transactional
    public Outcome requestEmailChange(MemberId id, String currentPassword, String newEmail) {
        Account account = repository.find(id).orElseThrow();
        if (!passwords.matches(currentPassword == null ? "" : currentPassword, account.passwordHash())) {
            return Outcome.WRONG_PASSWORD;
        }
        if (!Emails.isPlausible(newEmail)) {
            return Outcome.INVALID_EMAIL;
        }
        String normalised = Emails.normalise(newEmail);
        if (normalised.equals(account.member().email())) {
            return Outcome.SAME_EMAIL;
        }
        // Whether another account has the address is the mail's business, after the answer.
        accountMails.request(AccountMails.Kind.CHANGE_EMAIL, account.member().email(), id, normalised);
        return Outcome.OK;
    }

    @Transactional
    public Outcome confirmEmailChange(String token) {
        Optional<TokenLinks.Used> used = links.use(token, LinkPurpose.CHANGE_EMAIL);
        if (used.isEmpty()) {
            return Outcome.INVALID_LINK;
        }
        Member before = repository.find(used.get().member()).map(Account::member).orElse(null);
        if (before == null) {
            return Outcome.INVALID_LINK;
        }
        if (!repository.updateEmail(before.id(), used.get().newEmail(), clock.instant())) {
            return Outcome.EMAIL_TAKEN;
        }
        mail.emailChanged(before, used.get().newEmail());
        return Outcome.OK;
    }

    // --- devices --------------------------------------------------------------------------

    public List<Device> devices(MemberId id, String currentSessionId) {
        return devices.devices(id, currentSessionId);
    }

    public boolean logOutDevice(MemberId id, String handle) {
        return devices.logOut(id, handle);
    }

    @Transactional
    public void logOutEverywhere(MemberId id) {
        devices.logOutEverywhere(id);
        repository.dropRememberedDevices(id);
    }

    // --- export and deletion ----------------------------------------------------------

    /** The member's own data from every module that keeps some, for download before deleting. */
    public Map<String, Object> export(MemberId id) {
        Member member = find(id).orElseThrow();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", clock.instant().toString());
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", member.id().toString());
        account.put("email", member.email());
        account.put("displayName", member.displayName());
        account.put("roles", member.roles().stream().map(Role::name).sorted().toList());
        account.put("emailVerifiedAt", member.emailVerifiedAt() == null ? null : member.emailVerifiedAt().toString());
        account.put("createdAt", member.createdAt().toString());
        export.put("account", account);
        for (MemberDataExport part : exports) {
            export.put(part.part(), part.export(id));
        }
        return export;
    }

    @Transactional
    public Outcome delete(MemberId id, String password) {
        Account account = repository.find(id).orElseThrow();
        if (!passwords.matches(password == null ? "" : password, account.passwordHash())) {
            return Outcome.WRONG_PASSWORD;
        }
        logOutEverywhere(id);
        repository.delete(id);
        events.publishEvent(new MemberDeleted(id));
        mail.accountDeleted(account.member());
        return Outcome.OK;
    }

    // --- administration ------------------------------------------------------------------

    /** Creates a verified account directly: demo accounts and operators' first administrator. */
    @Transactional
    public Member createVerified(String email, String password, String displayName, Set<Role> roles) {
        EnumSet<Role> all = EnumSet.of(Role.MEMBER);
        all.addAll(roles);
        Instant now = clock.instant();
        Member member = new Member(MemberId.random(), Emails.normalise(email), displayName, all, now, now);
        if (!repository.insert(member, passwords.encode(password))) {
            throw new IllegalStateException("An account with that address exists");
        }
        return member;
    }

    /** Whether any account is an administrator: setup is offered only while none is. */
    public boolean hasAdministrator() {
        return repository.anyWithRole(Role.ADMIN);
    }

    /** Whether an address is one an account could have (the same test as sign-up's). */
    public static boolean plausibleEmail(String email) {
        return Emails.isPlausible(email);
    }

    public static boolean strongEnough(String password) {
        return password != null && password.length() >= MIN_PASSWORD_LENGTH && password.length() <= MAX_PASSWORD_LENGTH
                && !password.isBlank();
    }

    private static Outcome invalidSignUp(String email, String password, String displayName) {
        if (!Emails.isPlausible(email)) {
            return Outcome.INVALID_EMAIL;
        }
        if (!strongEnough(password)) {
            return Outcome.WEAK_PASSWORD;
        }
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > MAX_NAME_LENGTH) {
            return Outcome.INVALID_NAME;
        }
        return null;
    }
}
