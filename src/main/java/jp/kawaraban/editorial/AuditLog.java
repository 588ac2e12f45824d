package jp.kawaraban.editorial;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who changed what at the desk, and when. A record joins the transaction of the change it
 * describes (callers are transactional), so a change that rolls back leaves no record and a
 * change that commits always has one.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who acts: the member's id and the name editors know them by. */
    public record Actor(String id, String name) {

        public static final Actor OPERATOR = new Actor("operator", "オペレーター（コマンド）");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String subject, String detail) {
        jdbc.sql("""
                        insert into editorial_audit (at, actor, actor_name, action, subject, detail)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(java.sql.Timestamp.from(clock.instant()), actor.id(), actor.name(), action, subject, detail)
                .update();
    }

    /** Newest first; {@code subject} {@code null} for every subject. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(String subject, int limit, int offset) {
        return jdbc.sql("""
                        select id, at, actor, actor_name, action, subject, detail from editorial_audit
                        where (cast(? as text) is null or subject = ?)
                        order by at desc, id desc limit ? offset ?
                        """)
                .params(subject, subject, limit, offset)
                .query((rs, i) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("actor_name"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("detail")))
                .list();
    }
}
