package jp.kawaraban.search;

/** {@link RecommendationsWeighLengthTest} over HTTP on the OpenSearch engine: the same list first. */
@OpenSearchEngineTest
class OpenSearchRecommendationsWeighLengthTest extends RecommendationsWeighLengthTest {
}
