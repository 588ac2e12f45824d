package jp.kawaraban.search.opensearch;

import jp.kawaraban.search.query.ArticleQueries;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the queries of {@link ArticleQueries} in OpenSearch's query language, clause for
 * clause: OpenSearch builds the same Lucene query from it (bool, dis_max, term, boost,
 * match_all, match_none, a range on the publication time), so both engines score alike.
 * Only the kinds of query {@link ArticleQueries} makes are known; any other is a mistake here.
 */
final class QueryJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private QueryJson() {
    }

    static ObjectNode of(Query query) {
        return switch (query) {
            case BooleanQuery bool -> bool(bool);
            case BoostQuery boost -> boosted(of(boost.getQuery()), boost.getBoost());
            case DisjunctionMaxQuery disMax -> {
                ObjectNode body = NODES.objectNode();
                ArrayNode queries = body.putArray("queries");
                disMax.getDisjuncts().forEach(disjunct -> queries.add(of(disjunct)));
                body.put("tie_breaker", disMax.getTieBreakerMultiplier());
                yield wrap("dis_max", body);
            }
            case TermQuery term -> {
                ObjectNode body = NODES.objectNode();
                body.putObject(term.getTerm().field()).put("value", term.getTerm().text());
                yield wrap("term", body);
            }
            case MatchAllDocsQuery all -> wrap("match_all", NODES.objectNode());
            case MatchNoDocsQuery none -> wrap("match_none", NODES.objectNode());
            case PointRangeQuery range when range.getField().equals(ArticleQueries.PUBLISHED) -> {
                ObjectNode body = NODES.objectNode();
                body.putObject(range.getField())
                        .put("gte", LongPoint.decodeDimension(range.getLowerPoint(), 0))
                        .put("lte", LongPoint.decodeDimension(range.getUpperPoint(), 0));
                yield wrap("range", body);
            }
            default -> throw new IllegalArgumentException("No OpenSearch form for " + query.getClass().getSimpleName());
        };
    }

    private static ObjectNode bool(BooleanQuery query) {
        ObjectNode body = NODES.objectNode();
        for (BooleanClause clause : query.clauses()) {
            String occur = switch (clause.occur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case FILTER -> "filter";
                case MUST_NOT -> "must_not";
            };
            (body.has(occur) ? (ArrayNode) body.get(occur) : body.putArray(occur)).add(of(clause.query()));
        }
        if (query.getMinimumNumberShouldMatch() > 0) {
            body.put("minimum_should_match", query.getMinimumNumberShouldMatch());
        }
        return wrap("bool", body);
    }

    /** A boost goes inside the query it weighs: {@code {"term": {"headline": {"value": …, "boost": 3}}}}. */
    private static ObjectNode boosted(ObjectNode query, float boost) {
        String kind = query.propertyNames().iterator().next();
        ObjectNode body = (ObjectNode) query.get(kind);
        if (kind.equals("term")) {
            ObjectNode term = (ObjectNode) body.get(body.propertyNames().iterator().next());
            term.put("boost", boost * (term.has("boost") ? term.get("boost").floatValue() : 1f));
        } else {
            body.put("boost", boost * (body.has("boost") ? body.get("boost").floatValue() : 1f));
        }
        return query;
    }

    private static ObjectNode wrap(String kind, ObjectNode body) {
        ObjectNode query = NODES.objectNode();
        query.set(kind, body);
        return query;
    }
}
