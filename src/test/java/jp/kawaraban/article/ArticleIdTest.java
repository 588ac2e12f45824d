package jp.kawaraban.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArticleIdTest {

    @Test
    void derivedIdsAreStableAndUrlSafe() {
        ArticleId id = ArticleId.derivedFrom("demo:riyadh");
        assertThat(id).isEqualTo(ArticleId.derivedFrom("demo:riyadh"));
        assertThat(id.value()).matches("[a-z0-9]{12}");
        assertThat(ArticleId.derivedFrom("demo:moscow")).isNotEqualTo(id);
    }

    @Test
    void randomIdsDiffer() {
        assertThat(ArticleId.random()).isNotEqualTo(ArticleId.random());
    }

    @Test
    void malformedIdsAreRecognisedWithoutException() {
        assertThat(ArticleId.isWellFormed("../etc/passwd")).isFalse();
        assertThat(ArticleId.isWellFormed(null)).isFalse();
        assertThatThrownBy(() -> new ArticleId("ABC")).isInstanceOf(IllegalArgumentException.class);
    }
}
