package jp.kawaraban.member.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.kawaraban.member.Member;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts, one-use tokens and throttling attempts, in SQL. */
@Repository
public class MemberRepository {

    private static final String ACCOUNT_COLUMNS =
            "id, email, display_name, password_hash, roles, email_verified_at, created_at";

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account with its password hash: only the log-in needs the hash. */
    public record Account(Member member, String passwordHash) {
    }

    public Optional<Account> findByEmail(String normalisedEmail) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM member_account WHERE email = ?")
                .param(normalisedEmail).query(this::account).optional();
    }

    public Optional<Account> find(MemberId id) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM member_account WHERE id = ?")
                .param(id.value()).query(this::account).optional();
    }

    /** @return false when the email is taken */
    public boolean insert(Member member, String passwordHash) {
        return jdbc.sql("""
                        INSERT INTO member_account (id, email, display_name, password_hash, roles, email_verified_at, created_at)
                        VALUES (?, ?, ?, ?, ?::text[], ?, ?) ON CONFLICT (email) DO NOTHING""")
                .params(member.id().value(), member.email(), member.displayName(), passwordHash,
                        rolesLiteral(member.roles()), timestamp(member.emailVerifiedAt()), timestamp(member.createdAt()))
                .update() == 1;
    }

    public boolean anyWithRole(Role role) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM member_account WHERE ? = ANY(roles))").param(role.name())
                .query(Boolean.class).single();
    }

    public void markVerified(MemberId id, Instant at) {
        jdbc.sql("UPDATE member_account SET email_verified_at = COALESCE(email_verified_at, ?) WHERE id = ?")
                .params(timestamp(at), id.value()).update();
    }

    public void updatePassword(MemberId id, String passwordHash) {
        jdbc.sql("UPDATE member_account SET password_hash = ? WHERE id = ?").params(passwordHash, id.value()).update();
    }

    public void updateDisplayName(MemberId id, String displayName) {
        jdbc.sql("UPDATE member_account SET display_name = ? WHERE id = ?").params(displayName, id.value()).update();
    }

    /** @return false when another account has the address */
    public boolean updateEmail(MemberId id, String normalisedEmail, Instant verifiedAt) {
        return jdbc.sql("""
                        UPDATE member_account SET email = ?, email_verified_at = ?
                        WHERE id = ? AND NOT EXISTS (SELECT 1 FROM member_account WHERE email = ? AND id <> ?)""")
                .params(normalisedEmail, timestamp(verifiedAt), id.value(), normalisedEmail, id.value())
                .update() == 1;
    }

    public void delete(MemberId id) {
        jdbc.sql("DELETE FROM member_account WHERE id = ?").param(id.value()).update();
    }

    // --- one-use tokens -------------------------------------------------------------

    public record Token(MemberId member, String purpose, String newEmail, Instant expiresAt, Instant usedAt) {
    }

    public void insertToken(String hash, MemberId member, String purpose, String newEmail, Instant expiresAt) {
        jdbc.sql("INSERT INTO member_token (token_hash, member_id, purpose, new_email, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(hash, member.value(), purpose, newEmail, timestamp(expiresAt)).update();
    }

    /**
     * Marks a token used and answers it, in one statement, so two clicks on the same link
     * cannot both succeed.
     */
    public Optional<Token> useToken(String hash, String purpose, Instant now) {
        return jdbc.sql("""
                        UPDATE member_token SET used_at = ?
                        WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
                        RETURNING member_id, purpose, new_email, expires_at, used_at""")
                .params(timestamp(now), hash, purpose, timestamp(now))
                .query((rs, n) -> new Token(new MemberId(rs.getObject("member_id", UUID.class)), rs.getString("purpose"),
                        rs.getString("new_email"), instant(rs, "expires_at"), instant(rs, "used_at")))
                .optional();
    }

    public boolean tokenIsUsable(String hash, String purpose, Instant now) {
        return jdbc.sql("SELECT count(*) FROM member_token WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?")
                .params(hash, purpose, timestamp(now)).query(Long.class).single() > 0;
    }

    /** A new link replaces the older ones of the same purpose. */
    public void dropTokens(MemberId member, String purpose) {
        jdbc.sql("DELETE FROM member_token WHERE member_id = ? AND purpose = ?").params(member.value(), purpose).update();
    }

    // --- throttling -------------------------------------------------------------------

    public void recordAttempt(String bucket, Instant at) {
        jdbc.sql("INSERT INTO member_attempt (bucket, at) VALUES (?, ?)").params(bucket, timestamp(at)).update();
    }

    int attemptsSince(String bucket, Instant since) {
        return jdbc.sql("SELECT count(*) FROM member_attempt WHERE bucket = ? AND at > ?")
                .params(bucket, timestamp(since)).query(Integer.class).single();
    }

    public void forgetAttemptsBefore(Instant before) {
        jdbc.sql("DELETE FROM member_attempt WHERE at < ?").param(timestamp(before)).update();
    }

    // --- failed log-ins ----------------------------------------------------------------

    /** One count of failed log-ins: how many, the last one, and until when the next attempt waits. */
    public record LoginFailures(int failures, Instant lastAt, Instant waitUntil) {
    }

    Optional<LoginFailures> loginFailures(String key) {
        return jdbc.sql("SELECT failures, last_at, wait_until FROM member_login_failure WHERE key = ?").param(key)
                .query(MemberRepository::loginFailures).optional();
    }

    /**
     * The count, locked until the transaction ends (created empty when there is none), so that
     * attempts of one pair are let through one after the other.
     */
    LoginFailures lockLoginFailures(String key, Instant now) {
        jdbc.sql("""
                        INSERT INTO member_login_failure (key, failures, last_at, wait_until) VALUES (?, 0, ?, ?)
                        ON CONFLICT (key) DO NOTHING""")
                .params(key, timestamp(now), timestamp(now)).update();
        return jdbc.sql("SELECT failures, last_at, wait_until FROM member_login_failure WHERE key = ? FOR UPDATE")
                .param(key).query(MemberRepository::loginFailures).single();
    }

    void setLoginFailures(String key, int failures, Instant lastAt, Instant waitUntil) {
        jdbc.sql("UPDATE member_login_failure SET failures = ?, last_at = ?, wait_until = ? WHERE key = ?")
                .params(failures, timestamp(lastAt), timestamp(waitUntil), key).update();
    }

    /** Adds a failure (starting again when the last was before {@code forgetBefore}); @return the count now */
    int countLoginFailure(String key, Instant now, Instant forgetBefore) {
        return jdbc.sql("""
                        INSERT INTO member_login_failure AS f (key, failures, last_at, wait_until) VALUES (?, 1, ?, ?)
                        ON CONFLICT (key) DO UPDATE
                        SET failures = CASE WHEN f.last_at < ? THEN 1 ELSE f.failures + 1 END, last_at = EXCLUDED.last_at
                        RETURNING failures""")
                .params(key, timestamp(now), timestamp(now), timestamp(forgetBefore)).query(Integer.class).single();
    }

    void waitAfterLoginFailure(String key, Instant until) {
        jdbc.sql("UPDATE member_login_failure SET wait_until = GREATEST(wait_until, ?) WHERE key = ?")
                .params(timestamp(until), key).update();
    }

    void forgetLoginFailures(String key) {
        jdbc.sql("DELETE FROM member_login_failure WHERE key = ?").param(key).update();
    }

    void forgetLoginFailuresBefore(Instant before, Instant now) {
        jdbc.sql("DELETE FROM member_login_failure WHERE last_at < ? AND wait_until < ?")
                .params(timestamp(before), timestamp(now)).update();
    }

    private static LoginFailures loginFailures(ResultSet rs, int row) throws SQLException {
        return new LoginFailures(rs.getInt("failures"), instant(rs, "last_at"), instant(rs, "wait_until"));
    }

    // --- remember-me tokens -----------------------------------------------------------

    public void dropRememberedDevices(MemberId member) {
        jdbc.sql("DELETE FROM persistent_logins WHERE username = ?").param(member.toString()).update();
    }

    private Account account(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).forEach(parsed::add);
        return new Account(new Member(new MemberId(rs.getObject("id", UUID.class)), rs.getString("email"),
                rs.getString("display_name"), parsed, instant(rs, "email_verified_at"), instant(rs, "created_at")),
                rs.getString("password_hash"));
    }

    private static String rolesLiteral(Collection<Role> roles) {
        return "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}";
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
