package jp.kawaraban.search;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jp.kawaraban.KawarabanTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.TestPropertySource;

/**
 * The application of {@link KawarabanTest} on the OpenSearch engine: its index lives in the test
 * run's one OpenSearch node ({@link OpenSearchNode}, started before the application reads its
 * address). Every class with this annotation shares this second application, the one settings
 * difference decision 0017 allows for the engine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@KawarabanTest
@ExtendWith(OpenSearchNode.Started.class)
@TestPropertySource(properties = {
        "kawaraban.search.engine=opensearch",
        "kawaraban.search.opensearch.uris=${" + OpenSearchNode.URI_PROPERTY + "}"})
public @interface OpenSearchEngineTest {
}
