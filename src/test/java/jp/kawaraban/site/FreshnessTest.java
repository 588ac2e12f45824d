package jp.kawaraban.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import jp.kawaraban.DeskForm;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestClock;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.editorial.AuditLog;
import jp.kawaraban.editorial.EditorsDesk;
import jp.kawaraban.editorial.Manuscript;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.awaitility.Awaitility.await;

/**
 * Issue 16: once the desk's answer (or the scheduler's run) is back, no reader is served the
 * article as it was for more than a second — whichever way they read it: anonymous pages from
 * the page cache, a paid member's page with its shared parts kept in memory, the JSON API, the
 * home page and the section list. Readers poll side by side over real HTTP, on their own
 * threads, while an editor changes the article through the desk.
 */
@KawarabanTest
class FreshnessTest {

    /** How long after the change's answer a reader may still be served what was there before. */
    private static final long ALLOWED_NANOS = Duration.ofSeconds(1).toNanos();
    /** How long readers keep polling after the answer, past the allowed second. */
    private static final long WATCHED_NANOS = Duration.ofMillis(1_500).toNanos();

    @LocalServerPort
    int port;
    @Autowired
    EditorsDesk desk;
    @Autowired
    TestClock clock;

    @Test
    void everyReaderSeesPublicationUpdateCorrectionAndWithdrawalWithinASecond() throws Exception {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        String first = "鮮度の試験、初版の見出し";
        HttpResponse<String> created = editor.submit("/editor/articles/new", "/editor/articles", manuscript(first, "初版の本文。"));
        assertThat(created.statusCode()).isEqualTo(302);
        String id = DeskForm.idFrom(created);
        String deskPath = "/editor/articles/" + id;

        Readers published = readers(id, page -> page.status == 200 && page.body.contains(first));
        long answered = published.change(() -> saved(editor.submit(deskPath, deskPath,
                with(manuscript(first, "初版の本文。"), "version", version(editor, deskPath), "action", "publish", "confirmed", "publish"))));
        published.assertFreshWithin("publication", answered);

        String second = "鮮度の試験、更新した見出し";
        Readers updated = readers(id, page -> page.status == 200 && page.body.contains(second) && !page.body.contains(first));
        answered = updated.change(() -> saved(editor.submit(deskPath, deskPath, with(manuscript(second, "更新した本文。"),
                "version", version(editor, deskPath), "action", "update", "note", "見出しを改めました。"))));
        updated.assertFreshWithin("update", answered);

        String third = "鮮度の試験、訂正した見出し";
        Readers corrected = readers(id, page -> page.status == 200 && page.body.contains(third) && !page.body.contains(second));
        answered = corrected.change(() -> saved(editor.submit(deskPath, deskPath, with(manuscript(third, "訂正した本文。"),
                "version", version(editor, deskPath), "action", "correct", "note", "見出しに誤りがありました。"))));
        corrected.assertFreshWithin("correction", answered);

        Readers withdrawn = readers(id, page -> !page.body.contains(third));
        answered = withdrawn.change(() -> saved(editor.submit(deskPath, deskPath + "/withdraw",
                Map.of("reason", "鮮度の試験を終えるため", "version", version(editor, deskPath), "confirmed", "withdraw"))));
        withdrawn.assertFreshWithin("withdrawal", answered);
    }

    /** The scheduler's path: no request, no desk answer; the job's own call returning is the change. */
    @Test
    void aScheduledPublicationReachesEveryReaderWithinASecondOfTheJob() throws Exception {
        String headline = "鮮度の試験、予約公開の見出し";
        AuditLog.Actor actor = new AuditLog.Actor("test", "試験 編集者");
        Manuscript text = new Manuscript(headline, "", "予約公開のリード。", "予約公開の本文。", "試験 記者", "society", "",
                "鮮度", AccessLevel.PAID, false, "", "", "");
        ArticleId id = desk.create(text, actor);
        desk.schedule(id, text, clock.instant().plusMillis(500), desk.article(id).version(), actor);
        clock.advance(Duration.ofSeconds(1)); // its time has come; the job has not run yet

        Readers readers = readers(id.value(), page -> page.status == 200 && page.body.contains(headline));
        long answered = readers.change(() -> assertThat(desk.publishDue()).contains(id));
        readers.assertFreshWithin("scheduled publication", answered);
    }

    // ---- readers -------------------------------------------------------------------------------

    private Readers readers(String id, Predicate<Seen> isNew) {
        var member = WebSession.loggedIn(port, "paid@example.com", KawarabanTest.DEMO_PASSWORD);
        var anonymous = new WebSession(port);
        var apiClient = new WebSession(port);
        Map<String, Reader> readers = new LinkedHashMap<>();
        readers.put("anonymous article page (1)", new Reader(anonymous, "/articles/" + id));
        readers.put("anonymous article page (2)", new Reader(new WebSession(port), "/articles/" + id));
        readers.put("paid member's article page", new Reader(member, "/articles/" + id));
        readers.put("API", new Reader(apiClient, "/api/v1/articles/" + id));
        readers.put("home page", new Reader(new WebSession(port), "/"));
        readers.put("section list", new Reader(new WebSession(port), "/sections/society"));
        readers.put("paid member's section list", new Reader(member, "/sections/society"));
        return new Readers(readers, isNew);
    }

    /** One answer a reader got, with when its request left and its answer came back. */
    private record Seen(long sent, long received, int status, String body) {
    }

    private static final class Reader {

        final WebSession session;
        final String path;
        final List<Seen> seen = new CopyOnWriteArrayList<>();

        Reader(WebSession session, String path) {
            this.session = session;
            this.path = path;
        }

        void poll(AtomicBoolean running) {
            while (running.get()) {
                long sent = System.nanoTime();
                HttpResponse<String> answer = session.get(path);
                seen.add(new Seen(sent, System.nanoTime(), answer.statusCode(), answer.body()));
            }
        }
    }

    private static final class Readers {

        final Map<String, Reader> readers;
        final Predicate<Seen> isNew;

        Readers(Map<String, Reader> readers, Predicate<Seen> isNew) {
            this.readers = readers;
            this.isNew = isNew;
        }

        /**
         * Starts every reader, waits until each has been served the old version at least once
         * (so the caches hold it), makes the change, and lets them poll on for a while after its
         * answer. @return when the answer came back
         */
        long change(Runnable change) throws Exception {
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService threads = Executors.newFixedThreadPool(readers.size());
            List<Future<?>> polling = new ArrayList<>();
            try {
                readers.values().forEach(reader -> polling.add(threads.submit(() -> reader.poll(running))));
                await().atMost(Duration.ofSeconds(30)).until(() -> readers.values().stream()
                        .allMatch(reader -> reader.seen.stream().anyMatch(seen -> !isNew.test(seen))));
                change.run();
                long answered = System.nanoTime();
                await().atMost(Duration.ofSeconds(30)).until(() -> readers.values().stream().allMatch(reader ->
                        reader.seen.stream().anyMatch(seen -> seen.sent() - answered > WATCHED_NANOS)));
                return answered;
            } finally {
                running.set(false);
                for (Future<?> poll : polling) {
                    poll.get();
                }
                threads.shutdown();
            }
        }

        /**
         * Every answer to a request sent more than a second after the change's answer is the new
         * version; the old one was last served to each reader less than a second after it.
         */
        void assertFreshWithin(String change, long answered) {
            readers.forEach((name, reader) -> {
                List<Seen> late = reader.seen.stream().filter(seen -> seen.sent() - answered > ALLOWED_NANOS).toList();
                assertThat(late).as("%s: answers to requests sent more than 1 s after the %s", name, change).isNotEmpty();
                assertThat(late).as("%s still served the version before the %s more than 1 s after it", name, change)
                        .allMatch(isNew);
                long lastOld = reader.seen.stream().filter(seen -> !isNew.test(seen))
                        .mapToLong(seen -> seen.received() - answered).max().orElse(Long.MIN_VALUE);
                assertThat(lastOld).as("%s: the old version was served %d ms after the %s's answer", name,
                        lastOld / 1_000_000, change).isLessThanOrEqualTo(ALLOWED_NANOS);
            });
        }
    }

    // ---- the desk --------------------------------------------------------------------------------

    private static Map<String, String> manuscript(String headline, String body) {
        return DeskForm.manuscript(headline, "読者が古い版を見続けないかを確かめる記事。", body, "鮮度", "PAID");
    }

    private static Map<String, String> with(Map<String, String> form, String... pairs) {
        return DeskForm.with(form, pairs);
    }

    /** The desk answers a saved change with a redirect back to the article. */
    private static void saved(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("the desk's answer").isEqualTo(302);
    }

    private static String version(WebSession editor, String deskPath) {
        return editor.page(deskPath).selectFirst("#article-form input[name=version]").val();
    }
}
