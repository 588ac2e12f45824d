package jp.kawaraban.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.search.internal.RecommendationLists;
import jp.kawaraban.search.internal.Snippets;
import jp.kawaraban.text.Entity;
import jp.kawaraban.text.JapaneseAnalysis;
import jp.kawaraban.text.Mention;
import org.apache.lucene.analysis.Analyzer;
import org.springframework.stereotype.Service;

/**
 * Search as readers use it: free text in Japanese (never a syntax error), filters, order,
 * snippets cut only from text the reader may see, a "did you mean" when the query spells a
 * known name another way; and the related articles shown with every article.
 */
@Service
public class Search {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final int MAX_QUERY_LENGTH = 200;
    private static final int REASONS = 3;
    private static final Analyzer WORDS = JapaneseAnalysis.words();

    private final SearchIndex index;
    private final Entities entities;
    private final RecommendationLists lists;

    Search(SearchIndex index, Entities entities, RecommendationLists lists) {
        this.index = index;
        this.entities = entities;
        this.lists = lists;
    }

    /** What the reader asked for. Dates are Japan dates, both ends included. */
    public record Request(String text, String section, String series, String entity, LocalDate from, LocalDate until,
                          SearchQuery.Order order, int page, int size) {
    }

    public record Result(ArticleId id, String headline, String lead, Snippet snippet, String sectionCode,
                         AccessLevel accessLevel, Instant publishedAt) {
    }

    /**
     * @param suggestion the query respelled with the vocabulary's names, or null
     * @param partial    no article had every word; these have most of them
     */
    public record Results(List<Result> results, long total, int page, int size, String suggestion, boolean partial) {

        public int pageCount() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /**
     * @param fullTextLevels the access levels whose body this reader may read (from
     *                       {@code access}); other results get snippets from their preview
     */
    public Results search(Request request, Set<AccessLevel> fullTextLevels) {
        String text = request.text() == null ? "" : request.text().strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            text = text.substring(0, MAX_QUERY_LENGTH);
        }
        SearchHits hits = index.search(query(text, request, fullTextLevels));
        Set<String> terms = terms(text);
        List<Result> results = hits.hits().stream()
                .map(hit -> new Result(hit.id(), hit.headline(), hit.lead(), Snippets.cut(hit.text(), terms),
                        hit.sectionCode(), hit.accessLevel(), hit.publishedAt()))
                .toList();
        return new Results(results, hits.total(), request.page(), request.size(),
                suggestionLeadingElsewhere(text, hits, request, fullTextLevels), hits.partial());
    }

    private SearchQuery query(String text, Request request, Set<AccessLevel> fullTextLevels) {
        return new SearchQuery(text, entitiesSpanning(text), request.section(), request.series(), request.entity(),
                request.from() == null ? null : request.from().atStartOfDay(JAPAN).toInstant(),
                request.until() == null ? null : request.until().plusDays(1).atStartOfDay(JAPAN).toInstant().minusMillis(1),
                request.order(), request.page(), request.size(), fullTextLevels);
    }

    /**
     * The respelled query ({@link #suggestion}), only when searching it would show the reader
     * something else: variants fold and aliases expand, so ウィトコフ usually already finds what
     * ウィットコフ finds, and 「もしかして」 offering the same list again only makes the reader doubt it.
     */
    private String suggestionLeadingElsewhere(String text, SearchHits hits, Request request,
                                              Set<AccessLevel> fullTextLevels) {
        String suggestion = suggestion(text);
        if (suggestion == null) {
            return null;
        }
        SearchHits suggested = index.search(query(suggestion, request, fullTextLevels));
        boolean same = suggested.total() == hits.total()
                && suggested.hits().stream().map(SearchHit::id).toList()
                        .equals(hits.hits().stream().map(SearchHit::id).toList());
        return same ? null : suggestion;
    }

    /** The entities named by the text when it names nothing else (spaces and punctuation aside). */
    List<String> entitiesSpanning(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        List<Mention> mentions = entities.finder().find(text);
        StringBuilder rest = new StringBuilder(text);
        for (Mention mention : mentions) {
            for (int i = mention.start(); i < mention.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        boolean onlyNames = rest.toString().replaceAll("[\\s\\p{Punct}、。・　]", "").isEmpty();
        return onlyNames ? mentions.stream().map(Mention::entityId).distinct().toList() : List.of();
    }

    /** The query with every name written as the vocabulary writes it, when that differs. */
    String suggestion(String text) {
        if (text.isBlank()) {
            return null;
        }
        StringBuilder respelled = new StringBuilder(text);
        boolean changed = false;
        List<Mention> mentions = new ArrayList<>(entities.finder().find(text));
        mentions.sort((a, b) -> Integer.compare(b.start(), a.start())); // replace from the end: offsets stay valid
        for (Mention mention : mentions) {
            String canonical = entities.find(mention.entityId()).map(Entity::canonicalName).orElse(null);
            if (canonical != null && !canonical.equals(mention.surface())) {
                respelled.replace(mention.start(), mention.end(), canonical);
                changed = true;
            }
        }
        return changed ? respelled.toString() : null;
    }

    /** A related article and why: the entities and keywords it shares with the one being read. */
    public record Recommendation(ArticleId id, Instant publishedAt, List<String> reasons) {
    }

    /**
     * The article's related articles, best first: a few more than a page shows, so that the
     * caller can leave out any withdrawn since the list was made. Read from the stored list
     * ({@link RecommendationLists}); the reasons are named with the vocabulary as it is now.
     */
    public List<Recommendation> recommendations(ArticleId id) {
        return lists.of(id).stream()
                .map(similar -> new Recommendation(similar.id(), similar.publishedAt(), reasons(similar)))
                .toList();
    }

    private List<String> reasons(Similar similar) {
        Set<String> reasons = new LinkedHashSet<>();
        for (String entityId : similar.sharedEntityIds()) {
            entities.find(entityId).ifPresent(entity -> reasons.add(entity.canonicalName()));
        }
        for (String keyword : similar.sharedKeywords()) {
            if (reasons.stream().noneMatch(reason -> reason.contains(keyword) || keyword.contains(reason))) {
                reasons.add(keyword);
            }
        }
        return reasons.stream().limit(REASONS).toList();
    }

    private static Set<String> terms(String text) {
        return new LinkedHashSet<>(JapaneseAnalysis.terms(WORDS, text));
    }
}
