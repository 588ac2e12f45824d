package jp.kawaraban.platform.settings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jp.kawaraban.platform.Audited;
import jp.kawaraban.platform.FromAnotherNode;
import jp.kawaraban.platform.NodeEventsMissed;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stored runtime settings, read through a cache every node keeps for a few seconds
 * ({@code kawaraban.settings.cache}, 5 s by default), because a page view must not cost a
 * query: a change made on one node is read again at once there (the cache is dropped after the
 * commit) and on the others as soon as they hear of the audited change, or within the cache's
 * lifetime should they not (docs/decisions/0030).
 */
@Component
public class Settings {

    private record Snapshot(Map<String, String> values, long readAtNanos) {
    }

    /** A snapshot's read time that no clock reading matches: read again before using it. */
    private static final long EXPIRED = Long.MIN_VALUE;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final long lifetimeNanos;
    private volatile Snapshot snapshot;

    Settings(JdbcClient jdbc, Clock clock, @Value("${kawaraban.settings.cache:5s}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetimeNanos = lifetime.toNanos();
    }

    /** The stored value, if an administrator (or setup) stored one. */
    public Optional<String> stored(Setting setting) {
        return Optional.ofNullable(current().get(setting.key()));
    }

    /** The stored value, else {@code fallback} (the module's property). */
    public String text(Setting setting, String fallback) {
        return stored(setting).orElse(fallback);
    }

    /**
     * The value as this node last read it, however old, without a query: for a page made while
     * the database is out of reach (the paper's own name, not the properties' default). Else
     * {@code fallback}, also before anything was read since the start.
     */
    public String lastRead(Setting setting, String fallback) {
        Snapshot last = snapshot;
        return last == null ? fallback : last.values().getOrDefault(setting.key(), fallback);
    }

    /** The stored number, else {@code fallback}; a stored value that is not a number counts as none. */
    public int number(Setting setting, int fallback) {
        return stored(setting).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException unreadable) {
                return fallback;
            }
        }).orElse(fallback);
    }

    /** Whether setup has made this installation's first administrator. */
    public boolean isSetUp() {
        return stored(Setting.SET_UP_AT).isPresent();
    }

    /**
     * The same question asked before the tables may exist (at start, to decide the demo
     * mode): a database not yet migrated has not been set up either.
     */
    public boolean isSetUpBeforeMigration() {
        try {
            return jdbc.sql("SELECT count(*) FROM platform_setting WHERE name = ?").param(Setting.SET_UP_AT.key())
                    .query(Long.class).single() > 0;
        } catch (DataAccessException noTableYet) {
            return false;
        }
    }

    /** Stores a value within the caller's transaction; every node reads it within the cache's lifetime. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void store(Setting setting, String value) {
        jdbc.sql("""
                        INSERT INTO platform_setting (name, value, changed_at) VALUES (?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at""")
                .params(setting.key(), value, Timestamp.from(clock.instant())).update();
        forgetAfterCommit();
    }

    /**
     * Stores a value only if none is stored yet, within the caller's transaction; concurrent
     * callers wait for each other and exactly one gets {@code true}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(Setting setting, String value) {
        boolean claimed = jdbc.sql("INSERT INTO platform_setting (name, value, changed_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")
                .params(setting.key(), value, Timestamp.from(clock.instant())).update() == 1;
        forgetAfterCommit();
        return claimed;
    }

    /**
     * Administrators' changes on another node (settings among them, always audited) and what
     * this node may have missed: read the settings again now rather than at the end of the
     * cache's lifetime. First among the listeners, so that pages cached anew after the drop
     * that follows are rendered with the new values (docs/decisions/0030).
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void forget(FromAnotherNode<Audited> changedElsewhere) {
        expire();
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void forget(NodeEventsMissed missed) {
        expire();
    }

    private void forgetAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                expire();
            }
        });
    }

    /** The next read queries again; until it succeeds, {@link #lastRead} still has the old values. */
    private void expire() {
        Snapshot last = snapshot;
        if (last != null) {
            snapshot = new Snapshot(last.values(), EXPIRED);
        }
    }

    private Map<String, String> current() {
        Snapshot now = snapshot;
        if (now == null || now.readAtNanos() == EXPIRED || System.nanoTime() - now.readAtNanos() > lifetimeNanos) {
            Map<String, String> values = new HashMap<>();
            jdbc.sql("SELECT name, value FROM platform_setting")
                    .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                    .forEach(row -> values.put(row.getKey(), row.getValue()));
            now = new Snapshot(Map.copyOf(values), System.nanoTime());
            snapshot = now;
        }
        return now.values();
    }
}
