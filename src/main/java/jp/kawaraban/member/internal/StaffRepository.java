package jp.kawaraban.member.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What administrators change about accounts, in SQL: roles, disabling, staff invitations, and
 * finding members by part of their address. Accounts themselves are {@link MemberRepository}'s.
 */
@Repository
public class StaffRepository {

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Members who have a staff role or a pending staff invitation, by address. */
    public List<MemberId> staff() {
        return jdbc.sql("""
                        SELECT a.id FROM member_account a
                        WHERE a.roles && ARRAY['EDITOR', 'EXPERT', 'ADMIN']
                           OR EXISTS (SELECT 1 FROM member_invitation i WHERE i.member_id = a.id)
                        ORDER BY a.email""")
                .query((rs, n) -> new MemberId(rs.getObject(1, UUID.class))).list();
    }

    /** Accounts whose address contains {@code part} (no wildcards of the asker's), by address. */
    public List<MemberId> searchByEmail(String part, int limit) {
        String escaped = part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql("SELECT id FROM member_account WHERE email LIKE ? ESCAPE '\\' ORDER BY email LIMIT ?")
                .params("%" + escaped + "%", limit)
                .query((rs, n) -> new MemberId(rs.getObject(1, UUID.class))).list();
    }

    public Optional<Instant> disabledAt(MemberId member) {
        return jdbc.sql("SELECT disabled_at FROM member_account WHERE id = ?").param(member.value())
                .query((rs, n) -> Optional.ofNullable(instant(rs, "disabled_at"))).optional().flatMap(d -> d);
    }

    public void setRoles(MemberId member, Collection<Role> roles) {
        jdbc.sql("UPDATE member_account SET roles = ?::text[] WHERE id = ?")
                .params(rolesLiteral(roles), member.value()).update();
    }

    public void setDisabled(MemberId member, Instant at) {
        jdbc.sql("UPDATE member_account SET disabled_at = ? WHERE id = ?").params(timestamp(at), member.value()).update();
    }

    /**
     * Takes the lock every change of who administers holds, until the transaction ends: two
     * administrators removing each other at once would otherwise each count the other and
     * leave nobody.
     */
    public void lockAdministrators() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('member_account:administrators', 0))")
                .query((rs, n) -> 0).list();
    }

    /** Administrators who can log in: verified and not disabled. */
    public int activeAdministrators() {
        return jdbc.sql("""
                        SELECT count(*) FROM member_account
                        WHERE 'ADMIN' = ANY (roles) AND disabled_at IS NULL AND email_verified_at IS NOT NULL""")
                .query(Integer.class).single();
    }

    // --- invitations --------------------------------------------------------------------

    /** A pending invitation: whose, which roles, and whether it made the account. */
    public record Invitation(MemberId member, Set<Role> roles, String invitedBy, Instant invitedAt, Instant expiresAt,
                             boolean newAccount) {
    }

    /**
     * Invites a member to roles and answers the link's token. An earlier invitation of theirs
     * is replaced (its link stops working) and its roles are kept with the new ones.
     */
    public String invite(MemberId member, Set<Role> roles, String invitedBy, Instant at, Instant expiresAt,
                         boolean newAccount) {
        String token = Tokens.create();
        jdbc.sql("""
                        INSERT INTO member_invitation (token_hash, member_id, roles, invited_by, invited_at, expires_at, new_account)
                        VALUES (?, ?, ?::text[], ?, ?, ?, ?)
                        ON CONFLICT (member_id) DO UPDATE SET token_hash = EXCLUDED.token_hash,
                          roles = ARRAY(SELECT DISTINCT r FROM unnest(member_invitation.roles || EXCLUDED.roles) r ORDER BY r),
                          invited_by = EXCLUDED.invited_by, invited_at = EXCLUDED.invited_at,
                          expires_at = EXCLUDED.expires_at,
                          new_account = member_invitation.new_account OR EXCLUDED.new_account""")
                .params(Tokens.hash(token), member.value(), rolesLiteral(roles), invitedBy, timestamp(at),
                        timestamp(expiresAt), newAccount)
                .update();
        return token;
    }

    public Optional<Invitation> invitation(String token, Instant now) {
        return jdbc.sql("SELECT * FROM member_invitation WHERE token_hash = ? AND expires_at > ?")
                .params(Tokens.hash(token), timestamp(now)).query(this::invitationRow).optional();
    }

    public Optional<Invitation> invitationOf(MemberId member) {
        return jdbc.sql("SELECT * FROM member_invitation WHERE member_id = ?").param(member.value())
                .query(this::invitationRow).optional();
    }

    /** Removes the invitation and answers it, in one statement, so a link works once. */
    public Optional<Invitation> take(String token, Instant now) {
        return jdbc.sql("DELETE FROM member_invitation WHERE token_hash = ? AND expires_at > ? RETURNING *")
                .params(Tokens.hash(token), timestamp(now)).query(this::invitationRow).optional();
    }

    private Invitation invitationRow(ResultSet rs, int row) throws SQLException {
        return new Invitation(new MemberId(rs.getObject("member_id", UUID.class)), roles(rs.getArray("roles")),
                rs.getString("invited_by"), instant(rs, "invited_at"), instant(rs, "expires_at"),
                rs.getBoolean("new_account"));
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(parsed::add);
        return parsed;
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
