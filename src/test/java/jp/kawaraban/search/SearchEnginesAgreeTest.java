package jp.kawaraban.search;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.search.lucene.LuceneSearchIndex;
import jp.kawaraban.search.opensearch.OpenSearchClient;
import jp.kawaraban.search.opensearch.OpenSearchSearchIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same articles in both engines, the same searches and recommendations asked of both: the
 * same hits in the same order, the same totals, the same recommendations (decision 0036). The
 * articles are the demo edition's 43, read from their files (their keywords stand in for
 * entities, so the entity filter and boost are asked too); the index of each engine is fresh,
 * so both count the same words in the same articles.
 */
class SearchEnginesAgreeTest {

    private static final Set<AccessLevel> EVERYTHING = EnumSet.allOf(AccessLevel.class);

    @TempDir
    static Path luceneDir;
    static LuceneSearchIndex lucene;
    static OpenSearchSearchIndex openSearch;
    static List<IndexedArticle> articles;

    @BeforeAll
    static void bothEnginesHoldTheDemoArticles() throws IOException {
        articles = demoArticles();
        lucene = new LuceneSearchIndex(luceneDir);
        URI node = OpenSearchNode.shared().uri();
        String alias = "engines-agree-" + System.nanoTime();
        openSearch = new OpenSearchSearchIndex(new OpenSearchClient(new SearchProperties.OpenSearch(List.of(node), null, null,
                alias, Duration.ofSeconds(30)), JsonMapper.builder().build()), alias);
        lucene.indexAll(articles);
        openSearch.indexAll(articles);
    }

    @AfterAll
    static void close() throws IOException {
        lucene.close();
    }

    @Test
    void bothHoldEveryArticleAsSent() {
        assertThat(openSearch.size()).isEqualTo(lucene.size()).isEqualTo(articles.size());
        IndexedArticle first = articles.getFirst();
        assertThat(openSearch.find(first.id())).contains(lucene.find(first.id()).orElseThrow());
        assertThat(openSearch.find(ArticleId.derivedFrom("test:no-such-article"))).isEmpty();
    }

    @Test
    void everySearchFindsTheSameArticlesInTheSameOrder() {
        List<SearchQuery> searches = new ArrayList<>();
        for (String text : List.of("リヤド 外相", "ウィトコフ", "ウィットコフ", "プーチン", "停戦交渉", "関西国際空港", "最低賃金",
                "日銀 利上げ", "２０２５", "二千二十五年", "ウィットコフ 宇宙人", "宇宙人", "地銀再編、規模の先に問われるも", "AI 学校",
                "路線バス 撤退", "キエフ", "存在しない言葉ぬらりひょん", "人", "")) {
            searches.add(query(text, null, null, null, null, SearchQuery.Order.RELEVANCE, 1, 20));
            searches.add(query(text, null, null, null, null, SearchQuery.Order.NEWEST, 1, 5));
        }
        searches.add(query("協議", "world", null, null, null, SearchQuery.Order.RELEVANCE, 1, 20));
        searches.add(query("プーチン", null, null, Instant.parse("2025-03-01T00:00:00Z"), null, SearchQuery.Order.RELEVANCE, 1, 20));
        searches.add(query("プーチン", null, null, null, Instant.parse("2025-02-19T15:00:00Z"), SearchQuery.Order.RELEVANCE, 1, 20));
        searches.add(query("の", null, null, null, null, SearchQuery.Order.RELEVANCE, 2, 5));
        searches.add(query("", null, "ukraine-talks", null, null, SearchQuery.Order.RELEVANCE, 1, 20));
        searches.add(new SearchQuery("キエフ", List.of("キエフ"), null, null, null, null, null, SearchQuery.Order.RELEVANCE,
                1, 20, EVERYTHING));
        searches.add(new SearchQuery("", List.of(), null, null, "地方銀行", null, null, SearchQuery.Order.RELEVANCE, 1, 20,
                EVERYTHING));
        int withHits = 0;
        for (SearchQuery search : searches) {
            SearchHits expected = lucene.search(search);
            SearchHits actual = openSearch.search(search);
            assertThat(ids(actual)).as(search.toString()).isEqualTo(ids(expected));
            assertThat(actual.total()).as(search.toString()).isEqualTo(expected.total());
            assertThat(actual.partial()).as(search.toString()).isEqualTo(expected.partial());
            // The same hits to the last field, scores included: the same terms, statistics and query.
            assertThat(actual.hits()).as(search.toString()).isEqualTo(expected.hits());
            withHits += expected.hits().size() > 1 ? 1 : 0;
        }
        assertThat(withHits).as("searches whose order could differ").isGreaterThan(20);
    }

    @Test
    void everyArticleGetsTheSameRecommendations() {
        for (IndexedArticle article : articles) {
            List<Similar> expected = lucene.similar(article, 8);
            List<Similar> actual = openSearch.similar(article, 8);
            assertThat(actual.stream().map(similar -> similar.id().value()).toList()).as(article.headline())
                    .isEqualTo(expected.stream().map(similar -> similar.id().value()).toList());
            assertThat(actual).as("scores and reasons of " + article.headline()).isEqualTo(expected);
        }
        assertThat(lucene.similar(articles.getFirst(), 8)).isNotEmpty();
    }

    @Test
    void equalScoresComeNewestFirstInBothEngines(@TempDir Path otherDir) throws IOException {
        // Three copies of one text: equal scores for any word of it. Each engine gets them in an
        // order of its own, so neither can return them newest first by the order it was sent.
        List<IndexedArticle> copies = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            copies.add(new IndexedArticle(ArticleId.derivedFrom("test:copy-" + day), "港の朝市、今年も始まる",
                    "港の朝市が今年も始まった。", "港の朝市には近くの漁港から魚が並ぶ。", "港の朝市には", "society", null,
                    AccessLevel.FREE, Instant.parse("2025-04-0" + day + "T00:00:00Z"), List.of(), List.of(), null));
        }
        List<String> newestFirst = List.of(copies.get(2).id().value(), copies.get(1).id().value(), copies.get(0).id().value());
        try (LuceneSearchIndex oldestSent = new LuceneSearchIndex(otherDir)) {
            oldestSent.indexAll(copies);
            String alias = "equal-scores-" + System.nanoTime();
            var newestSent = new OpenSearchSearchIndex(new OpenSearchClient(new SearchProperties.OpenSearch(
                    List.of(OpenSearchNode.shared().uri()), null, null, alias, Duration.ofSeconds(30)),
                    JsonMapper.builder().build()), alias);
            newestSent.indexAll(copies.reversed());
            SearchQuery search = query("朝市", null, null, null, null, SearchQuery.Order.RELEVANCE, 1, 10);
            SearchHits fromLucene = oldestSent.search(search);
            assertThat(fromLucene.hits()).as("the copies score the same").hasSize(3)
                    .extracting(SearchHit::score).containsOnly(fromLucene.hits().getFirst().score());
            assertThat(ids(fromLucene)).isEqualTo(newestFirst);
            assertThat(ids(newestSent.search(search))).isEqualTo(newestFirst);
            // Page 2 of one a page continues page 1.
            assertThat(ids(oldestSent.search(query("朝市", null, null, null, null, SearchQuery.Order.RELEVANCE, 2, 1))))
                    .containsExactly(newestFirst.get(1));
        }
    }

    private static SearchQuery query(String text, String section, String series, Instant from, Instant until,
                                     SearchQuery.Order order, int page, int size) {
        return new SearchQuery(text, List.of(), section, series, null, from, until, order, page, size,
                Set.of(AccessLevel.FREE));
    }

    private static List<String> ids(SearchHits hits) {
        return hits.hits().stream().map(hit -> hit.id().value()).toList();
    }

    /** The demo edition's articles as the index would hold them; front matter read line by line. */
    static List<IndexedArticle> demoArticles() throws IOException {
        List<IndexedArticle> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/demo/articles"))) {
            for (Path file : files.sorted().toList()) {
                String[] parts = Files.readString(file).split("(?m)^---\\s*$", 3);
                String front = parts[1];
                String body = parts[2].replaceAll("(?m)^#+ ", "").strip();
                List<String> keywords = Arrays.stream(field(front, "keywords").replaceAll("[\\[\\]]", "").split(","))
                        .map(String::strip).filter(keyword -> !keyword.isEmpty()).toList();
                AccessLevel access = AccessLevel.valueOf(field(front, "access").toUpperCase());
                String slug = file.getFileName().toString().replace(".md", "");
                String series = field(front, "series");
                articles.add(new IndexedArticle(ArticleId.derivedFrom("demo:" + slug), field(front, "headline"),
                        field(front, "lead"), body, body.substring(0, Math.min(200, body.length())), field(front, "section"),
                        series.isEmpty() ? null : series, access, OffsetDateTime.parse(field(front, "publishedAt")).toInstant(),
                        keywords, keywords, slug.startsWith("hokuyo-") ? "partner:" + slug.substring(7, 11) : null));
            }
        }
        return articles;
    }

    private static String field(String front, String name) {
        return front.lines().filter(line -> line.startsWith(name + ":")).findFirst()
                .map(line -> line.substring(name.length() + 1).strip()).orElse("");
    }
}
