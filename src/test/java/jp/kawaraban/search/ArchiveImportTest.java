package jp.kawaraban.search;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.editorial.AuditLog;
import jp.kawaraban.editorial.ImportMode;
import jp.kawaraban.editorial.ImportReport;
import jp.kawaraban.editorial.PartnerPages;
import jp.kawaraban.search.internal.RecommendationLists;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16: an archive import publishes many articles at once. They are indexed in batches
 * behind the import (decision 0029), every one becomes searchable, recommendation lists take
 * in the articles imported after them, and the connection pool never runs dry meanwhile.
 */
@KawarabanTest
class ArchiveImportTest {

    private static final AuditLog.Actor OPERATOR = AuditLog.Actor.OPERATOR;

    @LocalServerPort
    int port;
    @Autowired
    PartnerPages imports;
    @Autowired
    SearchIndex index;
    @Autowired
    IndexingBacklog backlog;
    @Autowired
    RecommendationLists recommendations;
    @Autowired
    DataSource dataSource;

    /**
     * A livedoor-format file (address, date, title, paragraphs), our own made-up text. Dated
     * 2001, older than anything else in the shared application, so these articles never push
     * another test's articles out of the latest lists.
     */
    private static byte[] page(String address, String date, String title, String... paragraphs) {
        return (address + "\n" + date + "\n" + title + "\n" + String.join("\n", paragraphs) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private ArticleId publish(String file, byte[] page) {
        ImportReport report = imports.report(file, page, ImportMode.PUBLISH, OPERATOR);
        assertThat(report.fields()).as(file).doesNotContainKey("error").containsKey("id");
        return new ArticleId((String) report.fields().get("id"));
    }

    private void awaitQueueEmpty() {
        await("the search queue is drained").atMost(Duration.ofSeconds(90))
                .until(() -> backlog.now().waiting() == 0);
    }

    private long hits(String text) {
        return index.search(new SearchQuery(text, List.of(), null, null, null, null, null, null, 1, 20,
                Set.of(AccessLevel.FREE))).total();
    }

    @Test
    void everyImportedArticleIsSearchableAndAnEarlierListTakesInTheArticlesImportedAfterIt() {
        // The first article of a story, imported and settled alone: its list can only name older articles.
        ArticleId first = publish("kirigamine-0.txt", page("https://kirigamine.example/news/0", "2001-02-01T09:00:00+0900",
                "霧ヶ峰町の星灯祭、今年は三日間に",
                "霧ヶ峰町の星灯祭は今年、三日間の日程で開かれる。町の観光協会が発表した。",
                "星灯祭では湖畔に灯籠が並び、町内の酒蔵も夜通し店を開ける。観光協会は来場者を二万人と見込む。",
                "霧ヶ峰町は灯籠の材料に地元の和紙を使い、酒蔵と組んで限定の酒も売り出す。"));
        awaitQueueEmpty();
        assertThat(recommendations.stored(first)).isPresent();

        // The rest of the story comes in one batch, with unrelated articles between them.
        String[] later = {
                "星灯祭の灯籠づくり、霧ヶ峰町の小学生が和紙をすく",
                "霧ヶ峰町の酒蔵、星灯祭に合わせて限定酒を仕込む",
                "星灯祭の来場者、霧ヶ峰町の観光協会が二万人を見込む",
                "湖畔の灯籠、霧ヶ峰町が星灯祭の夜に交通規制",
                "霧ヶ峰町の星灯祭、和紙の灯籠が湖畔を照らす"};
        List<ArticleId> story = new ArrayList<>();
        for (int i = 0; i < later.length; i++) {
            story.add(publish("kirigamine-" + (i + 1) + ".txt", page("https://kirigamine.example/news/" + (i + 1),
                    "2001-02-0" + (i + 2) + "T09:00:00+0900", later[i],
                    later[i] + "。霧ヶ峰町の観光協会が明らかにした。",
                    "星灯祭の期間中、湖畔には和紙の灯籠が並ぶ。酒蔵も店を開け、町は来場者を迎える準備を進める。",
                    "観光協会によると、灯籠は" + (i + 3) + "百基を用意する。霧ヶ峰町の酒蔵は限定の酒を売る。")));
            publish("filler-" + i + ".txt", page("https://filler.example/" + i, "2001-02-0" + (i + 2) + "T10:00:00+0900",
                    "県北の高校、ラグビー大会で" + (i + 2) + "年ぶりの決勝へ",
                    "県北の高校ラグビー部が準決勝に勝ち、決勝に進んだ。主将は「守りで粘れた」と話した。",
                    "決勝は来週の日曜日、県営グラウンドで行われる。"));
        }
        awaitQueueEmpty();

        for (int i = 0; i < story.size(); i++) {
            assertThat(index.find(story.get(i))).as("indexed: " + later[i]).isPresent();
        }
        assertThat(hits("星灯祭")).isGreaterThanOrEqualTo(6);
        assertThat(hits("ラグビー 決勝")).isGreaterThanOrEqualTo(5);
        List<ArticleId> firstList = recommendations.stored(first).orElseThrow().stream().map(Similar::id).toList();
        assertThat(firstList).as("the first article's list names the story's later articles").containsAnyElementsOf(story);
    }

    /**
     * Issue 19: an archive import stores its files in batches, and between two batches the queue
     * is idle for a moment. Lists computed then would see a part of the archive; held by the
     * import (decision 0044), they wait for its last batch and then name what came after.
     */
    @Test
    void listsHeldByABulkWaitForItsLastBatchAndThenNameTheArticlesImportedAfter() {
        ArticleId first;
        List<ArticleId> story = new ArrayList<>();
        try (var held = backlog.holdListsUntilClosed()) {
            first = publish("yukimi-0.txt", page("https://yukimi.example/news/0", "2001-03-01T09:00:00+0900",
                    "雪見峠の氷瀑まつり、今年は竹灯りを倍に",
                    "雪見峠の氷瀑まつりは今年、竹灯りを倍の数に増やす。峠の茶屋組合が発表した。",
                    "氷瀑は夜に竹灯りで照らされ、茶屋は甘酒を振る舞う。組合は来場者を五千人と見込む。"));
            await("the first batch indexed").atMost(Duration.ofSeconds(60)).until(() -> index.find(first).isPresent());
            // The queue is idle now, as between two batches of an import: no list is computed meanwhile.
            await("no list while the bulk holds them").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> recommendations.stored(first).isEmpty());
            String[] later = {
                    "竹灯りづくり、雪見峠の茶屋組合が子どもと",
                    "氷瀑の夜、峠道に臨時バスを走らせる",
                    "甘酒の振る舞い、茶屋が米麹から仕込む",
                    "来場者五千人へ、組合が駐車場を広げる"};
            // Bodies of their own: two texts alike in most of their wording are one story, left out of lists.
            String[] bodies = {
                    "子どもたちは竹を切り、灯りを入れる穴を開けた。茶屋組合の職人が手ほどきをし、氷瀑の前に並べる。",
                    "臨時バスは峠の茶屋と氷瀑の駐車場を結ぶ。甘酒の屋台が並ぶ夜は道が混むため、組合が町に求めていた。",
                    "甘酒は峠の茶屋が米麹から仕込み、竹灯りの下で振る舞う。氷瀑まつりの名物として組合が続けてきた。",
                    "駐車場は雪見峠の茶屋の裏に広げる。組合は竹灯りと氷瀑を目当てに来る客が増えるとみる。"};
            for (int i = 0; i < later.length; i++) {
                story.add(publish("yukimi-" + (i + 1) + ".txt", page("https://yukimi.example/news/" + (i + 1),
                        "2001-03-0" + (i + 2) + "T09:00:00+0900", later[i],
                        later[i] + "。雪見峠の氷瀑まつりに向けた準備だ。", bodies[i])));
            }
        }
        awaitQueueEmpty();
        List<ArticleId> firstList = recommendations.stored(first).orElseThrow().stream().map(Similar::id).toList();
        assertThat(firstList).as("computed after the bulk, the first article's list names the later ones").containsAnyElementsOf(story);
    }

    @Test
    void aReadersPageAnswersWhileABulkImportRunsAndNothingWaitsForAConnection() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        int articles = 150;
        CompletableFuture<Void> bulk = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < articles; i++) {
                publish("bulk-" + i + ".txt", page("https://bulk.example/archive/" + i, "2001-11-01T08:00:00+0900",
                        "古い記事の移行その" + i + "　市議会が予算案を可決",
                        "市議会は本会議で来年度の予算案を賛成多数で可決した。第" + i + "号議案として審議された。",
                        "予算の総額は前年度を上回り、子育て支援と道路の補修に重点を置く。",
                        "反対した会派は「財源の見通しが甘い」と述べた。"));
            }
        }, Thread::startVirtualThread);
        AtomicInteger mostWaiting = new AtomicInteger();
        Thread sampler = Thread.startVirtualThread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                mostWaiting.accumulateAndGet(pool.getHikariPoolMXBean().getThreadsAwaitingConnection(), Math::max);
                LockSupport.parkNanos(2_000_000);
            }
        });
        WebSession reader = new WebSession(port);
        AtomicInteger pages = new AtomicInteger();
        try {
            while (!bulk.isDone() || backlog.now().waiting() > 0) {
                HttpResponse<String> home = reader.get("/");
                assertThat(home.statusCode()).as("the home page during the import").isEqualTo(200);
                pages.incrementAndGet();
            }
            bulk.get();
        } finally {
            sampler.interrupt();
        }
        assertThat(pages.get()).isPositive();
        assertThat(mostWaiting.get()).as("threads waiting for a database connection at any moment of the import").isZero();
        assertThat(hits("移行その149")).isEqualTo(1);
    }
}
