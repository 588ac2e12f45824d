package jp.kawaraban.platform.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import jp.kawaraban.platform.FromAnotherNode;
import jp.kawaraban.platform.NodeEventsHeard;
import jp.kawaraban.platform.NodeEventsMissed;
import jp.kawaraban.platform.NodeWideEvent;
import jp.kawaraban.platform.ThisNode;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Node-wide events over PostgreSQL's {@code LISTEN/NOTIFY}: no broker of our own, only the
 * database every node already shares (docs/decisions/0030).
 * <ul>
 * <li><b>Sending.</b> A {@link NodeWideEvent} published in a transaction becomes a
 *     {@code pg_notify} in that same transaction, just before it commits: PostgreSQL delivers
 *     it to the listeners when, and only when, the transaction commits, so no other node hears
 *     of a change that rolled back, and a crash right after the commit loses nothing.</li>
 * <li><b>Listening.</b> One connection of its own, not from the pool (a pooled connection is
 *     handed to others and reset; a listening one must stay), on one thread. Each notification
 *     from another node is republished here as {@link FromAnotherNode}. When the connection is
 *     lost (the database restarted, decision 0019), the thread tries again after half a
 *     second, then doubling up to {@code reconnect-max}; on each (re)connection it publishes
 *     {@link NodeEventsMissed}, so node-local state catches up with what was said meanwhile.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(NodeEventsProperties.class)
class NodeEvents {

    private static final Logger log = LoggerFactory.getLogger(NodeEvents.class);
    /** PostgreSQL refuses a notification payload of 8000 bytes or more. */
    private static final int PAYLOAD_LIMIT = 7900;

    private final NodeEventsProperties properties;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String node = ThisNode.name();
    private volatile Thread listener;
    private volatile boolean running;

    NodeEvents(NodeEventsProperties properties, JdbcClient jdbc, DataSource dataSource, ApplicationEventPublisher publisher) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.publisher = publisher;
    }

    /** This node's name in the notifications it sends: host, process and a random part. */
    String node() {
        return node;
    }

    // --- sending ---------------------------------------------------------------------

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void send(NodeWideEvent event) {
        if (!properties.enabled()) {
            return;
        }
        ObjectNode message = json.createObjectNode().put("node", node).put("type", event.getClass().getName());
        message.set("event", json.valueToTree(event));
        String payload = json.writeValueAsString(message);
        if (payload.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_LIMIT) {
            // The others cannot be told what changed in one notification: they catch up from the database.
            payload = json.writeValueAsString(json.createObjectNode().put("node", node).putNull("type"));
        }
        jdbc.sql("select pg_notify(?, ?)").params(properties.channel(), payload).query((rs, row) -> 1).list();
    }

    // --- listening -------------------------------------------------------------------

    @EventListener(ApplicationReadyEvent.class)
    synchronized void startListening() {
        if (!properties.enabled() || listener != null) {
            return;
        }
        running = true;
        listener = Thread.ofPlatform().daemon().name("node-events").start(this::listen);
    }

    @PreDestroy
    synchronized void stopListening() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener = null;
        }
    }

    private void listen() {
        Duration wait = Duration.ofMillis(500);
        boolean listenedBefore = false;
        boolean outageLogged = false;
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + properties.channel());
                if (outageLogged) {
                    log.info("Listening to the other nodes again");
                }
                publishSafely(new NodeEventsMissed(listenedBefore
                        ? NodeEventsMissed.Reason.RECONNECTED : NodeEventsMissed.Reason.STARTED_LISTENING));
                listenedBefore = true;
                outageLogged = false;
                wait = Duration.ofMillis(500);
                receive(connection, statement);
            } catch (SQLException | RuntimeException lost) {
                if (!running) {
                    return;
                }
                if (!outageLogged) {
                    log.warn("Not listening to the other nodes ({}): trying again, and catching up once listening",
                            lost.getMessage());
                    outageLogged = true;
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException stopped) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(properties.reconnectMax()) > 0 ? properties.reconnectMax() : wait.multipliedBy(2);
            }
        }
    }

    private void receive(Connection connection, Statement statement) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        long heardAt = System.nanoTime();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(1000);
            if (notifications != null && notifications.length > 0) {
                quietSince = System.nanoTime();
                deliverAll(notifications);
            } else if (System.nanoTime() - quietSince > properties.checkEvery().toNanos()) {
                statement.execute("select 1"); // a dead connection fails here
                quietSince = System.nanoTime();
            }
            if (System.nanoTime() - heardAt > properties.heardEvery().toNanos()) {
                tellHowFarHeard(postgres, statement);
                heardAt = System.nanoTime();
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /**
     * Reads the database's clock on the listening connection itself, hands over what arrived
     * meanwhile, then says every notification committed before that time was heard. A commit
     * signalled just as the clock was read may arrive a moment later; the search index's
     * catch-up margin (minutes) covers that, as it covers transactions still open.
     */
    private void tellHowFarHeard(PGConnection postgres, Statement statement) throws SQLException {
        Instant upTo;
        try (ResultSet now = statement.executeQuery("select statement_timestamp()")) {
            now.next();
            upTo = now.getTimestamp(1).toInstant();
        }
        PGNotification[] arrived = postgres.getNotifications();
        if (arrived != null) {
            deliverAll(arrived);
        }
        publishSafely(new NodeEventsHeard(upTo));
    }

    private void deliverAll(PGNotification[] notifications) {
        for (PGNotification notification : notifications) {
            deliver(notification.getParameter());
        }
    }

    /** Republishes what another node said; a message that cannot be read is logged and left. */
    void deliver(String payload) {
        try {
            JsonNode message = json.readTree(payload);
            String from = message.path("node").asString("?");
            if (node.equals(from)) {
                return;
            }
            JsonNode type = message.get("type");
            if (type == null || type.isNull()) {
                publishSafely(new NodeEventsMissed(NodeEventsMissed.Reason.TOO_LARGE_TO_SEND));
                return;
            }
            Class<?> eventType = Class.forName(type.asString(), false, NodeEvents.class.getClassLoader());
            // Only our own node-wide events are made from what arrives on the channel.
            if (!NodeWideEvent.class.isAssignableFrom(eventType)) {
                log.warn("Ignored a notification from {} of a type that is not node-wide: {}", from, eventType.getName());
                return;
            }
            NodeWideEvent event = (NodeWideEvent) json.treeToValue(message.get("event"), eventType);
            publishSafely(new FromAnotherNode<>(event, from));
        } catch (JacksonException | ClassNotFoundException | IllegalArgumentException unreadable) {
            // A node of another version may send what this one does not know: it is left, the rest goes on.
            log.warn("Ignored a notification from another node that this node cannot read ({}): {}",
                    unreadable.getMessage(), payload.length() > 300 ? payload.substring(0, 300) + "…" : payload);
        }
    }

    private void publishSafely(Object event) {
        try {
            publisher.publishEvent(event);
        } catch (RuntimeException failed) {
            // One listener's failure must not stop this node from hearing the next change.
            log.error("A listener failed on {}", event, failed);
        }
    }

    private Connection connect() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties settings = new Properties();
        if (pool.getDataSourceProperties() != null) {
            settings.putAll(pool.getDataSourceProperties());
        }
        if (pool.getUsername() != null) {
            settings.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            settings.setProperty("password", pool.getPassword());
        }
        settings.setProperty("ApplicationName", "kawaraban node events");
        settings.setProperty("connectTimeout", "5");
        settings.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(pool.getJdbcUrl(), settings);
    }

}
