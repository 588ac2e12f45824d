package jp.kawaraban.search.opensearch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.SearchEngineUnavailableException;
import jp.kawaraban.search.SearchHit;
import jp.kawaraban.search.SearchHits;
import jp.kawaraban.search.SearchIndex;
import jp.kawaraban.search.SearchQuery;
import jp.kawaraban.search.Similar;
import jp.kawaraban.search.query.ArticleQueries;
import jp.kawaraban.search.ranking.Fingerprint;
import jp.kawaraban.search.ranking.Recommendations;
import jp.kawaraban.search.ranking.WordVector;
import jp.kawaraban.text.JapaneseAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static jp.kawaraban.search.query.ArticleQueries.ACCESS;
import static jp.kawaraban.search.query.ArticleQueries.BIGRAMS;
import static jp.kawaraban.search.query.ArticleQueries.BODY;
import static jp.kawaraban.search.query.ArticleQueries.DUPLICATE;
import static jp.kawaraban.search.query.ArticleQueries.ENTITY;
import static jp.kawaraban.search.query.ArticleQueries.HEADLINE;
import static jp.kawaraban.search.query.ArticleQueries.ID;
import static jp.kawaraban.search.query.ArticleQueries.KEYWORD;
import static jp.kawaraban.search.query.ArticleQueries.LEAD;
import static jp.kawaraban.search.query.ArticleQueries.NUMBERS;
import static jp.kawaraban.search.query.ArticleQueries.PUBLISHED;
import static jp.kawaraban.search.query.ArticleQueries.SECTION;
import static jp.kawaraban.search.query.ArticleQueries.SERIES;

/**
 * The search index in an OpenSearch cluster, shared by every application node (decision 0036).
 * <ul>
 * <li>Our analysis runs here, in the application: the text fields are sent as the terms
 * {@code text.JapaneseAnalysis} makes ({@link PreAnalysed}), so the cluster needs no Japanese
 * plug-in and indexes the very terms the embedded index does.</li>
 * <li>Queries are {@link ArticleQueries}' own, written as JSON by {@link QueryJson}.</li>
 * <li>Searches and writes go through an alias ({@code kawaraban.search.opensearch.index}); a
 * rebuild fills a new concrete index, then moves the alias in one atomic step and drops the old
 * one. While it runs, a second alias ({@code <index>-building}) names the new index, and every
 * write, from any node, goes to both.</li>
 * <li>A batch of the indexing queue is one {@code _bulk} request, visible to searches when it
 * returns ({@code refresh=wait_for}).</li>
 * <li>Recommendations: OpenSearch finds the candidates and gives the numbers (how many articles
 * hold each word, the candidates' stored term vectors); {@link Recommendations} and
 * {@link WordVector} re-rank them as for the embedded index.</li>
 * </ul>
 * One shard (with a replica on every other node, {@code auto_expand_replicas}): word statistics
 * are then those of the whole archive, as in the embedded index, and one shard holds tens of
 * millions of articles.
 */
public class OpenSearchSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchSearchIndex.class);
    private static final int QUERY_TERMS = 80;
    private static final int MIN_DOC_FREQ = 5;
    /** The fields a candidate's words are read from, for the cosine: as the embedded index. */
    private static final List<String> COMPARED = List.of(HEADLINE, LEAD, BODY);
    private static final int REBUILD_BULK = 500;
    private static final String HEADLINE_TEXT = "headline_text";
    private static final String LEAD_TEXT = "lead_text";
    private static final String BODY_TEXT = "body_text";
    private static final String PREVIEW = "preview";
    private static final String FINGERPRINT = "fingerprint";
    /** What choosing among candidates reads: not their text, the largest part of a document. */
    private static final List<String> CANDIDATE_FIELDS = List.of(ID, HEADLINE_TEXT, SECTION, SERIES, ACCESS, PUBLISHED,
            ENTITY, KEYWORD, DUPLICATE, FINGERPRINT);

    private final OpenSearchClient client;
    private final String alias;
    private final String buildingAlias;
    private final ArticleQueries queries = new ArticleQueries();
    private final Analyzer words = JapaneseAnalysis.words();
    private final Analyzer bigrams = JapaneseAnalysis.bigrams();
    private final Analyzer numbers = JapaneseAnalysis.numbers();
    private volatile boolean ready;

    public OpenSearchSearchIndex(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
        this.buildingAlias = alias + "-building";
    }

    /**
     * Makes the first index behind the alias when there is none. Called at start; when the
     * engine is away then, the site starts all the same and the first request that needs the
     * index tries again.
     */
    public void prepare() {
        if (ready) {
            return;
        }
        if (!client.get("/_alias/" + alias).found()) {
            String first = alias + "-" + System.currentTimeMillis();
            ObjectNode definition = definition();
            definition.putObject("aliases").putObject(alias);
            client.put("/" + first, definition);
            // Two nodes starting at once on an empty cluster may each have made one: the
            // earliest by name stays, the other is dropped, so the alias names one index.
            List<String> behind = indicesBehind(alias);
            if (behind.size() > 1 && !behind.getFirst().equals(first)) {
                client.delete("/" + first);
            }
            log.info("Search index created in OpenSearch: {} behind the alias {}", indicesBehind(alias), alias);
        }
        ready = true;
    }

    // --- writing ----------------------------------------------------------------------

    @Override
    public void index(IndexedArticle article) {
        indexAll(List.of(article));
    }

    @Override
    public void indexAll(List<IndexedArticle> articles) {
        if (articles.isEmpty()) {
            return;
        }
        prepare();
        List<String> targets = writeTargets();
        StringBuilder lines = new StringBuilder();
        for (IndexedArticle article : articles) {
            String source = client.json().writeValueAsString(document(article));
            for (String target : targets) {
                lines.append(action("index", target, article.id().value())).append('\n').append(source).append('\n');
            }
        }
        bulk(lines.toString(), "refresh=wait_for&require_alias=true");
    }

    @Override
    public void remove(ArticleId id) {
        prepare();
        StringBuilder lines = new StringBuilder();
        for (String target : writeTargets()) {
            lines.append(action("delete", target, id.value())).append('\n');
        }
        bulk(lines.toString(), "refresh=wait_for&require_alias=true");
    }

    /** The alias, and the index a rebuild is filling, wherever it runs: it must miss no change. */
    private List<String> writeTargets() {
        return client.get("/_alias/" + buildingAlias).found() ? List.of(alias, buildingAlias) : List.of(alias);
    }

    private String action(String kind, String index, String id) {
        ObjectNode action = client.json().createObjectNode();
        action.putObject(kind).put("_index", index).put("_id", id);
        return client.json().writeValueAsString(action);
    }

    /**
     * Sends a bulk request and checks each item. A write to the rebuild's alias that finds it
     * gone (the rebuild finished or was abandoned in between) is not a failure: the alias has
     * it. A delete of what is not there is not one either.
     */
    private void bulk(String lines, String parameters) {
        JsonNode answer = client.bulk("/_bulk?" + parameters, lines).body();
        if (!answer.path("errors").asBoolean(false)) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            JsonNode result = item.properties().iterator().next().getValue();
            JsonNode error = result.path("error");
            if (error.isMissingNode() || buildingAlias.equals(result.path("_index").asString(""))) {
                continue;
            }
            if (result.path("status").asInt() == 429) {
                throw new SearchEngineUnavailableException("OpenSearch is too busy to index: " + error, null);
            }
            failures.add(result.path("_id").asString() + ": " + error.path("reason").asString(error.toString()));
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("OpenSearch did not index " + failures);
        }
    }

    private ObjectNode document(IndexedArticle article) {
        ObjectNode doc = client.json().createObjectNode();
        doc.put(ID, article.id().value());
        doc.put(HEADLINE, PreAnalysed.of(words, article.headline()));
        doc.put(LEAD, PreAnalysed.of(words, article.lead()));
        doc.put(BODY, PreAnalysed.of(words, article.body()));
        String all = article.plainText();
        doc.put(BIGRAMS, PreAnalysed.of(bigrams, all));
        doc.put(NUMBERS, PreAnalysed.of(numbers, all));
        doc.put(HEADLINE_TEXT, article.headline());
        doc.put(LEAD_TEXT, article.lead());
        doc.put(BODY_TEXT, article.body());
        doc.put(PREVIEW, article.preview());
        doc.put(SECTION, article.sectionCode());
        if (article.seriesCode() != null) {
            doc.put(SERIES, article.seriesCode());
        }
        ArrayNode entities = doc.putArray(ENTITY);
        article.entityIds().forEach(entities::add);
        ArrayNode keywords = doc.putArray(KEYWORD);
        article.keywords().forEach(keywords::add);
        doc.put(ACCESS, article.accessLevel().name());
        doc.put(PUBLISHED, article.publishedAt().toEpochMilli());
        if (article.duplicateKey() != null) {
            doc.put(DUPLICATE, article.duplicateKey());
        }
        doc.put(FINGERPRINT, Fingerprint.of(article.body()));
        return doc;
    }

    /**
     * Settings and mappings of each index generation. The analysed fields hold
     * {@link PreAnalysed} text and are left out of {@code _source}; the text as written is kept
     * in fields that are stored, not searched.
     */
    private ObjectNode definition() {
        ObjectNode definition = client.json().createObjectNode();
        ObjectNode settings = definition.putObject("settings");
        settings.put("number_of_shards", 1);
        settings.put("auto_expand_replicas", "0-1");
        ObjectNode analysis = settings.putObject("analysis");
        analysis.putObject("tokenizer").putObject("positions").put("type", "whitespace").put("max_token_length", 4096);
        analysis.putObject("filter").putObject("same_position").put("type", "pattern_capture")
                .put("preserve_original", false).putArray("patterns").add("([^\\u0001]+)");
        analysis.putObject("analyzer").putObject(PreAnalysed.ANALYZER).put("type", "custom").put("tokenizer", "positions")
                .putArray("filter").add("same_position");
        ObjectNode mappings = definition.putObject("mappings");
        mappings.put("dynamic", "strict");
        ArrayNode excluded = mappings.putObject("_source").putArray("excludes");
        List.of(HEADLINE, LEAD, BODY, BIGRAMS, NUMBERS).forEach(excluded::add);
        ObjectNode properties = mappings.putObject("properties");
        for (String field : List.of(BIGRAMS, NUMBERS)) {
            properties.putObject(field).put("type", "text").put("analyzer", PreAnalysed.ANALYZER);
        }
        // Recommendations compare a candidate's words with the article's: the term vectors of
        // its headline, lead and body are stored (decision 0049).
        for (String field : COMPARED) {
            properties.putObject(field).put("type", "text").put("analyzer", PreAnalysed.ANALYZER).put("term_vector", "yes");
        }
        for (String field : List.of(HEADLINE_TEXT, LEAD_TEXT, BODY_TEXT, PREVIEW)) {
            properties.putObject(field).put("type", "text").put("index", false);
        }
        for (String field : List.of(ID, SECTION, SERIES, KEYWORD, ACCESS, DUPLICATE)) {
            properties.putObject(field).put("type", "keyword");
        }
        // Entities are scored (recommendations, names searched alone): OpenSearch scores a term of
        // a keyword field at a constant 1, the embedded index by BM25. As text kept whole, with
        // documents only and no norms, the field is what the embedded index's is, and scores so.
        properties.putObject(ENTITY).put("type", "text").put("analyzer", "keyword")
                .put("index_options", "docs").put("norms", false);
        properties.putObject(FINGERPRINT).put("type", "keyword").put("index", false).put("doc_values", false);
        properties.putObject(PUBLISHED).put("type", "long");
        return definition;
    }

    // --- reading --------------------------------------------------------------------

    @Override
    public SearchHits search(SearchQuery query) {
        return queries.search(query, this::search);
    }

    private SearchHits search(SearchQuery query, ArticleQueries.Plan plan) {
        prepare();
        ObjectNode request = client.json().createObjectNode();
        request.set("query", QueryJson.of(plan.query()));
        request.put("from", query.offset());
        request.put("size", query.size());
        request.put("track_total_hits", true);
        ArrayNode sort = request.putArray("sort");
        if (!plan.newest()) {
            // Equal scores newest first, as the embedded index orders them (LuceneSearchIndex).
            sort.addObject().put("_score", "desc");
        }
        sort.addObject().put(PUBLISHED, "desc");
        ArrayNode fields = request.putObject("_source").putArray("includes");
        List.of(ID, HEADLINE_TEXT, LEAD_TEXT, BODY_TEXT, PREVIEW, SECTION, ACCESS, PUBLISHED).forEach(fields::add);
        JsonNode answer = client.post("/" + alias + "/_search", request).body();
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            JsonNode source = hit.path("_source");
            AccessLevel level = AccessLevel.valueOf(source.path(ACCESS).asString());
            String text = query.fullTextLevels().contains(level) ? source.path(BODY_TEXT).asString("")
                    : source.path(PREVIEW).asString("");
            float score = hit.path("_score").isNumber() ? hit.path("_score").floatValue() : 0;
            hits.add(new SearchHit(new ArticleId(source.path(ID).asString()), score, source.path(HEADLINE_TEXT).asString(""),
                    source.path(LEAD_TEXT).asString(""), text, source.path(SECTION).asString(), level,
                    Instant.ofEpochMilli(source.path(PUBLISHED).asLong())));
        }
        return new SearchHits(hits, answer.path("hits").path("total").path("value").asLong(), false);
    }

    @Override
    public Optional<IndexedArticle> find(ArticleId id) {
        prepare();
        JsonNode answer = client.get("/" + alias + "/_doc/" + URLEncoder.encode(id.value(), StandardCharsets.UTF_8)).body();
        if (!answer.path("found").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.of(indexed(answer.path("_source")));
    }

    @Override
    public List<Similar> similar(IndexedArticle article, int limit) {
        prepare();
        // The numbers come from OpenSearch, the arithmetic is the embedded index's (WordVector).
        Map<String, Integer> counts = WordVector.counts(words, article.headline(), article.lead() + "\n" + article.body());
        WordVector source = WordVector.of(counts, documentFrequencies(article), size());
        ObjectNode request = client.json().createObjectNode();
        request.set("query", QueryJson.of(queries.similar(article, source.telling(QUERY_TERMS, MIN_DOC_FREQ))));
        request.put("size", Recommendations.CANDIDATES);
        request.put("track_total_hits", false);
        ArrayNode fields = request.putObject("_source").putArray("includes");
        CANDIDATE_FIELDS.forEach(fields::add);
        JsonNode found = client.post("/" + alias + "/_search", request).body().path("hits").path("hits");
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, WordVector.TermFrequencies> vectors = termVectors(found);
        List<Recommendations.Candidate> candidates = new ArrayList<>();
        for (JsonNode hit : found) {
            IndexedArticle candidate = indexed(hit.path("_source"));
            double similarity = source.similarity(vectors.getOrDefault(candidate.id().value(), WordVector.TermFrequencies.NONE));
            candidates.add(new Recommendations.Candidate(candidate, (float) similarity,
                    hit.path("_source").path(FINGERPRINT).asString(null)));
        }
        return Recommendations.choose(article, Fingerprint.of(article.body()), candidates, limit, bigrams);
    }

    /** How many indexed articles hold each word of the article, asked of the index in one request. */
    private Map<String, Integer> documentFrequencies(IndexedArticle article) {
        ObjectNode request = client.json().createObjectNode();
        request.putObject("doc").put(BODY, PreAnalysed.of(words, article.plainText()));
        request.putArray("fields").add(BODY);
        request.put("term_statistics", true).put("field_statistics", false)
                .put("positions", false).put("offsets", false).put("payloads", false);
        JsonNode terms = client.post("/" + alias + "/_termvectors", request).body()
                .path("term_vectors").path(BODY).path("terms");
        Map<String, Integer> frequencies = new HashMap<>();
        terms.properties().forEach(term -> frequencies.put(term.getKey(), term.getValue().path("doc_freq").asInt(0)));
        return frequencies;
    }

    /** The candidates' stored term vectors of their headline, lead and body, one count per word, by article id. */
    private Map<String, WordVector.TermFrequencies> termVectors(JsonNode hits) {
        ObjectNode request = client.json().createObjectNode();
        ArrayNode ids = request.putArray("ids");
        hits.forEach(hit -> ids.add(hit.path("_id").asString()));
        ArrayNode fields = request.putObject("parameters").put("term_statistics", false).put("field_statistics", false)
                .put("positions", false).put("offsets", false).put("payloads", false)
                .putArray("fields");
        COMPARED.forEach(fields::add);
        Map<String, WordVector.TermFrequencies> vectors = new HashMap<>();
        for (JsonNode doc : client.post("/" + alias + "/_mtermvectors", request).body().path("docs")) {
            JsonNode fieldsFound = doc.path("term_vectors");
            vectors.put(doc.path("_id").asString(), WordVector.TermFrequencies.ofArticle(terms(fieldsFound.path(HEADLINE)),
                    terms(fieldsFound.path(LEAD)), terms(fieldsFound.path(BODY))));
        }
        return vectors;
    }

    /** One field's term vector from an {@code _mtermvectors} answer (none when the field is empty). */
    private static WordVector.TermFrequencies terms(JsonNode field) {
        JsonNode terms = field.path("terms");
        return each -> terms.properties().forEach(term -> each.accept(term.getKey(), term.getValue().path("term_freq").asLong()));
    }

    private IndexedArticle indexed(JsonNode source) {
        List<String> entities = new ArrayList<>();
        source.path(ENTITY).forEach(entity -> entities.add(entity.asString()));
        List<String> keywords = new ArrayList<>();
        source.path(KEYWORD).forEach(keyword -> keywords.add(keyword.asString()));
        return new IndexedArticle(new ArticleId(source.path(ID).asString()), source.path(HEADLINE_TEXT).asString(""),
                source.path(LEAD_TEXT).asString(""), source.path(BODY_TEXT).asString(""), source.path(PREVIEW).asString(""),
                source.path(SECTION).asString(), source.path(SERIES).asString(null),
                AccessLevel.valueOf(source.path(ACCESS).asString()), Instant.ofEpochMilli(source.path(PUBLISHED).asLong()),
                entities, keywords, source.path(DUPLICATE).asString(null));
    }

    /** One cluster for every node: each change is indexed once, by the node whose queue claimed it. */
    @Override
    public boolean sharedByAllNodes() {
        return true;
    }

    @Override
    public long size() {
        prepare();
        return client.get("/" + alias + "/_count").body().path("count").asLong();
    }

    // --- rebuilds ----------------------------------------------------------------------

    /** The concrete indices an alias names, in name order (which is the order they were made in). */
    private List<String> indicesBehind(String name) {
        OpenSearchClient.Answer answer = client.get("/_alias/" + name);
        if (!answer.found()) {
            return List.of();
        }
        List<String> indices = new ArrayList<>(answer.body().propertyNames());
        indices.sort(null);
        return indices;
    }

    @Override
    public Rebuild startRebuild() {
        prepare();
        String next = alias + "-" + System.currentTimeMillis();
        ObjectNode definition = definition();
        definition.putObject("aliases").putObject(buildingAlias);
        client.put("/" + next, definition);
        List<String> building = indicesBehind(buildingAlias);
        if (building.size() > 1) { // another node is rebuilding: its rebuild goes on, this one stops
            client.delete("/" + next);
            throw new IllegalStateException("A rebuild is already running (" + building + ")");
        }
        return new Rebuild() {
            private final StringBuilder pending = new StringBuilder();
            private int pendingCount;

            @Override
            public void add(IndexedArticle article) {
                pending.append(action("index", next, article.id().value())).append('\n')
                        .append(client.json().writeValueAsString(document(article))).append('\n');
                if (++pendingCount == REBUILD_BULK) {
                    flush();
                }
            }

            private void flush() {
                if (pendingCount > 0) {
                    bulk(pending.toString(), "refresh=false");
                    pending.setLength(0);
                    pendingCount = 0;
                }
            }

            @Override
            public void commit() {
                flush();
                client.post("/" + next + "/_refresh", null);
                List<String> old = indicesBehind(alias);
                // One request, applied at once: searches see the old index, then the new one, never none.
                ObjectNode swap = client.json().createObjectNode();
                ArrayNode actions = swap.putArray("actions");
                old.forEach(index -> actions.addObject().putObject("remove").put("index", index).put("alias", alias));
                actions.addObject().putObject("add").put("index", next).put("alias", alias);
                actions.addObject().putObject("remove").put("index", next).put("alias", buildingAlias);
                client.post("/_aliases", swap);
                for (String index : old) {
                    client.delete("/" + index);
                }
                log.info("Search index rebuilt in OpenSearch: {} now behind {}, {} dropped", next, alias, old);
            }

            @Override
            public void abandon() {
                try {
                    client.delete("/" + next);
                } catch (RuntimeException failed) {
                    log.warn("Could not drop the abandoned index {}; drop it by hand: {}", next, failed.toString());
                }
            }
        };
    }
}
