package jp.kawaraban.newsletter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jp.kawaraban.ChildNode;
import jp.kawaraban.TestDatabase;
import jp.kawaraban.Waiting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jobs on several nodes (issue 18) and an application killed with SIGKILL in the middle of a
 * newsletter issue (issue 14, item 3). The nodes are real processes (the application's main
 * class in child JVMs on the test class path, each with its own data directory, all on one
 * fresh database, every job's scheduler running), sending to a GreenMail server of this
 * test's own:
 * <ol start="0">
 * <li>with both nodes running, work both see come due at once is done once: a scheduled
 *     article is published once (one revision, one audit line, each listener of
 *     {@code ArticlePublished} called once), a trial ends with one mail, and a small issue
 *     reaches each subscriber once;</li>
 * <li>two nodes run side by side; the one running the delivery is killed: the other takes
 *     the job over within a minute of the kill (heartbeats, short outbox leases);</li>
 * <li>that one is killed too and started again on its port: delivery resumes within a minute
 *     of it being up again (it frees the job its previous life held);</li>
 * <li>in the end every subscriber has the issue once and nobody is missed.</li>
 * </ol>
 * The issue and its subscribers are written with SQL (a scheduled issue, queued by the
 * delivery job itself): the child nodes have no editors' accounts.
 *
 * <p>About two to three minutes on a busy 2-core machine, most of it waiting for two rounds of
 * application start-ups; it runs beside the application tests (it shares nothing with them
 * but the PostgreSQL server).
 */
@ExtendWith(Waiting.class)
@ResourceLock(ChildNode.CORES)
class DeliveryAfterCrashTest {

    private static final int RECIPIENTS = 600;
    private static final int MESSAGES_PER_SECOND = 20;
    private static final int CONNECTIONS = 4; // the application's default: what may be in flight at a kill
    private static final Duration RESUME_WITHIN = Duration.ofSeconds(60);

    private static final int SMALL_ISSUE = 40;

    private final List<ChildNode> nodes = new ArrayList<>();
    private GreenMail mail;
    /** Messages of part 0, left out of the counts of the kills' parts. */
    private int earlier;

    @AfterEach
    void stopEverything() {
        nodes.forEach(ChildNode::kill);
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void jobsRunOnceAcrossNodesAndAKilledNodesDeliveryIsTakenOverByAnotherNodeWithNobodyMissedOrMailedTwice() throws Exception {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        String database = TestDatabase.newDatabase();
        Path work = Files.createDirectories(Path.of("target", "crash-test")).toAbsolutePath();

        // Two nodes on one database, the second started once the first has created the tables
        // (two Flyways migrating one empty database at the same moment is another story).
        ChildNode a = start("a", ChildNode.freePort(), database, work);
        a.awaitMigrated();
        ChildNode b = start("b", ChildNode.freePort(), database, work);
        a.awaitUp();
        b.awaitUp();

        // 0. Due at once for both nodes: each thing done once.
        JobsDue due = seedJobsDue(database);
        await("the scheduled article published").atMost(Duration.ofMinutes(1))
                .until(() -> status(database, due.article()).equals("PUBLISHED"));
        await("the small issue delivered").atMost(Duration.ofMinutes(1))
                .until(() -> received() >= SMALL_ISSUE + 1 && queued(database) == 0);
        Map<String, Integer> early = perRecipient();
        assertThat(early).as("the trial's end mailed once").containsEntry(due.trialMember(), 1);
        assertThat(due.smallIssue()).as("the small issue once each")
                .allSatisfy(recipient -> assertThat(early).containsEntry(recipient, 1));
        assertThat(count(database, "SELECT count(*) FROM article_revision WHERE article_id = ? AND kind = 'PUBLISH'",
                due.article())).as("published once").isEqualTo(1);
        assertThat(count(database, "SELECT count(*) FROM editorial_audit WHERE subject = ? AND action = 'article.publish'",
                "article:" + due.article())).as("one audit line").isEqualTo(1);
        assertThat(articlePublishedPerListener(database, due.article())).as("ArticlePublished once per listener")
                .isNotEmpty().allSatisfy((listener, times) -> assertThat(times).as(listener).isEqualTo(1));
        assertThat(count(database, "SELECT count(*) FROM access_subscription_audit WHERE member_id = ?::uuid AND source = 'scheduler'",
                due.trialMemberId())).as("the trial ended once").isEqualTo(1);
        earlier = mail.getReceivedMessages().length;

        List<String> recipients = seedScheduledIssue(database);

        // 1. The node running the delivery is killed: the other one takes it over.
        await().atMost(Duration.ofMinutes(2)).until(() -> received() >= RECIPIENTS / 10);
        ChildNode running = runningTheDelivery(database, a, b);
        ChildNode other = running == a ? b : a;
        int atFirstKill = kill(running);
        Instant killed = Instant.now();
        assertThat(atFirstKill).as("killed mid-issue").isLessThan(RECIPIENTS / 2);
        await("another node takes the delivery over").atMost(RESUME_WITHIN)
                .until(() -> received() > atFirstKill + CONNECTIONS);
        System.out.printf("takeover: %d messages before the kill, resumed by the other node %d s after it%n",
                atFirstKill, Duration.between(killed, Instant.now()).toSeconds());

        // 2. That one is killed too, alone now, and started again on its port.
        await().atMost(Duration.ofMinutes(1)).until(() -> received() >= atFirstKill + RECIPIENTS / 10);
        int atSecondKill = kill(other);
        assertThat(atSecondKill).as("killed mid-issue").isLessThan(RECIPIENTS - RECIPIENTS / 4);
        ChildNode again = start(other.name() + "-again", other.port(), database, work);
        Instant up = again.awaitUp();
        await("delivery resumes after the restart").atMost(RESUME_WITHIN)
                .until(() -> received() > atSecondKill + CONNECTIONS);
        System.out.printf("restart: %d messages before the kill, delivery resumed %d s after the node was up again%n",
                atSecondKill, Duration.between(up, Instant.now()).toSeconds());

        // 3. Everybody once.
        await("the whole issue").atMost(Duration.ofMinutes(2)).until(() -> received() >= RECIPIENTS);
        await("the outbox is done").until(() -> queued(database) == 0);
        Map<String, Integer> everyone = perRecipient();
        Map<String, Integer> perRecipient = new HashMap<>(everyone);
        perRecipient.keySet().removeIf(address -> !address.endsWith("@crash.example.org"));
        List<String> missed = recipients.stream().filter(r -> !perRecipient.containsKey(r)).toList();
        long twice = perRecipient.values().stream().mapToInt(n -> n - 1).sum();
        assertThat(everyone).as("the trial's end still mailed once, after the kills and restart")
                .containsEntry(due.trialMember(), 1);
        System.out.printf("issue of %d: missed %d, mailed twice %d%n", RECIPIENTS, missed.size(), twice);
        assertThat(missed).as("nobody missed").isEmpty();
        assertThat(perRecipient.keySet()).as("nobody else mailed").containsExactlyInAnyOrderElementsOf(recipients);
        // A message the server accepted just before the kill, whose "sent" mark the killed node
        // never wrote, goes out again: SMTP cannot close that gap (one per connection at most).
        assertThat(twice).as("mailed twice: only what was in flight at the two kills").isLessThanOrEqualTo(2L * CONNECTIONS);
    }

    /** The node whose scheduler holds the delivery job now (db-scheduler's picked_by: host:port). */
    private static ChildNode runningTheDelivery(String database, ChildNode... nodes) throws Exception {
        String[] picker = new String[1];
        await("a node runs the delivery").until(() -> {
            try (Connection db = DriverManager.getConnection(database, "postgres", "");
                 var picked = db.createStatement().executeQuery(
                         "SELECT picked_by FROM scheduled_tasks WHERE task_name = 'newsletter-deliver' AND picked")) {
                picker[0] = picked.next() ? picked.getString(1) : null;
                return picker[0] != null;
            }
        });
        for (ChildNode node : nodes) {
            if (picker[0].endsWith(":" + node.port())) {
                return node;
            }
        }
        throw new AssertionError("No node of ours runs the delivery: " + picker[0]);
    }

    // --- the nodes -------------------------------------------------------------------

    private ChildNode start(String name, int port, String database, Path work) throws IOException {
        ChildNode node = ChildNode.start(name, port, work, List.of(
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--kawaraban.newsletter.messages-per-second=" + MESSAGES_PER_SECOND,
                "--kawaraban.newsletter.connections=" + CONNECTIONS,
                // Jobs look often, so part 0 waits seconds, not their production minute.
                "--kawaraban.access.settle-every=PT5S", "--kawaraban.editorial.schedule-check=PT5S"), Map.of());
        nodes.add(node);
        return node;
    }

    /** SIGKILL, as the kernel or an operator's {@code kill -9} would. @return messages received at the kill */
    private int kill(ChildNode node) {
        node.kill();
        return received();
    }

    // --- data and mail ---------------------------------------------------------------

    /** What part 0 made due: an article, a trial and a small issue of another newsletter. */
    private record JobsDue(String article, String trialMember, String trialMemberId, List<String> smallIssue) {
    }

    private static JobsDue seedJobsDue(String database) throws SQLException {
        String article = "jobsonce" + Long.toString(System.nanoTime() % 10_000, 36);
        article = (article + "0000").substring(0, 12);
        String memberId = java.util.UUID.randomUUID().toString();
        String trialMember = "trial@jobs.example.org";
        List<String> smallIssue = new ArrayList<>();
        for (int i = 0; i < SMALL_ISSUE; i++) {
            smallIssue.add("once-" + i + "@jobs.example.org");
        }
        try (Connection db = DriverManager.getConnection(database, "postgres", "")) {
            db.setAutoCommit(false);
            try (var statement = db.createStatement()) {
                statement.executeUpdate("""
                        INSERT INTO article_section (code, name, position) VALUES ('world', '国際', 1)
                        ON CONFLICT DO NOTHING""");
            }
            try (var scheduled = db.prepareStatement("""
                    INSERT INTO article (id, headline, lead, body, bylines, section_code, access_level, status,
                                         scheduled_at, created_at, edited_at)
                    VALUES (?, '二つのノードが同時に見る予約記事', '予約の時刻が来た記事。',
                            '[{"type": "paragraph", "text": "予約の時刻が来た記事。"}]'::jsonb,
                            ARRAY['テスト 記者'], 'world', 'FREE', 'SCHEDULED', now(), now(), now())""");
                 var member = db.prepareStatement("""
                    INSERT INTO member_account (id, email, display_name, password_hash, email_verified_at, created_at)
                    VALUES (?::uuid, ?, '試用 終子', '{noop}unused', now(), now())""");
                 var trial = db.prepareStatement("""
                    INSERT INTO access_subscription (member_id, plan, state, trial_ends_at, updated_at)
                    VALUES (?::uuid, 'MONTHLY', 'TRIALING', now(), now())""");
                 var subscribe = db.prepareStatement("""
                    INSERT INTO newsletter_subscription (email, newsletter_code, state, created_at, confirmed_at, changed_at)
                    SELECT 'once-' || n || '@jobs.example.org', 'weekly', 'CONFIRMED', now(), now(), now()
                    FROM generate_series(0, ? - 1) AS n""");
                 var issue = db.prepareStatement("""
                    INSERT INTO newsletter_issue (newsletter_code, subject, state, send_at, created_at)
                    VALUES ('weekly', '二つのノードの週末', 'SCHEDULED', now(), now())""")) {
                scheduled.setString(1, article);
                scheduled.executeUpdate();
                member.setString(1, memberId);
                member.setString(2, trialMember);
                member.executeUpdate();
                trial.setString(1, memberId);
                trial.executeUpdate();
                subscribe.setInt(1, SMALL_ISSUE);
                subscribe.executeUpdate();
                issue.executeUpdate();
            }
            db.commit();
        }
        return new JobsDue(article, trialMember, memberId, smallIssue);
    }

    private static String status(String database, String article) throws SQLException {
        try (Connection db = DriverManager.getConnection(database, "postgres", "");
             var query = db.prepareStatement("SELECT status FROM article WHERE id = ?")) {
            query.setString(1, article);
            try (var row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static long count(String database, String sql, String parameter) throws SQLException {
        try (Connection db = DriverManager.getConnection(database, "postgres", "");
             var query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (var row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** How often each listener was handed this article's ArticlePublished (Spring Modulith's registry). */
    private static Map<String, Integer> articlePublishedPerListener(String database, String article) throws SQLException {
        Map<String, Integer> times = new HashMap<>();
        try (Connection db = DriverManager.getConnection(database, "postgres", "");
             var query = db.prepareStatement("""
                     SELECT listener_id, count(*) FROM event_publication
                     WHERE event_type LIKE '%.ArticlePublished' AND serialized_event LIKE ?
                     GROUP BY listener_id""")) {
            query.setString(1, "%" + article + "%");
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    times.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return times;
    }

    private List<String> seedScheduledIssue(String database) throws SQLException {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            recipients.add("reader-" + i + "@crash.example.org");
        }
        try (Connection db = DriverManager.getConnection(database, "postgres", "")) {
            db.setAutoCommit(false);
            try (var subscribe = db.prepareStatement("""
                    INSERT INTO newsletter_subscription (email, newsletter_code, state, created_at, confirmed_at, changed_at)
                    SELECT 'reader-' || n || '@crash.example.org', 'five-today', 'CONFIRMED', now(), now(), now()
                    FROM generate_series(0, ? - 1) AS n""");
                 var issue = db.prepareStatement("""
                    INSERT INTO newsletter_issue (newsletter_code, subject, state, send_at, created_at)
                    VALUES ('five-today', '停電明けの朝刊', 'SCHEDULED', now(), now())""")) {
                subscribe.setInt(1, RECIPIENTS);
                subscribe.executeUpdate();
                issue.executeUpdate();
            }
            db.commit();
        }
        return recipients;
    }

    private static long queued(String database) throws SQLException {
        try (Connection db = DriverManager.getConnection(database, "postgres", "");
             var count = db.createStatement().executeQuery("SELECT count(*) FROM newsletter_outbox WHERE state = 'QUEUED'")) {
            count.next();
            return count.getLong(1);
        }
    }

    private int received() {
        return mail.getReceivedMessages().length - earlier;
    }

    private Map<String, Integer> perRecipient() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                counts.merge(to.toString(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
