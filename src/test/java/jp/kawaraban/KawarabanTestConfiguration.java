package jp.kawaraban;

import java.util.Map;

import jp.kawaraban.article.internal.ImageStore;
import jp.kawaraban.article.internal.SwitchableImageStore;
import jp.kawaraban.platform.PlatformProperties;
import jp.kawaraban.search.PublishedStories;
import jp.kawaraban.site.RefusalsTest;
import jp.kawaraban.site.UnexpectedErrorsTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What every {@link KawarabanTest} application has beyond the application itself, the same
 * for all of them so they share one application context: a clock tests can move, an image
 * store tests can switch to the directory, the small controller {@link RefusalsTest}
 * asks refusals through (its routes start with {@code /test-actions} and
 * {@code /api/v1/test-actions}), the failures {@link UnexpectedErrorsTest} provokes (under
 * {@code /test-failures}), the stories the recommendations tests publish ({@link PublishedStories}),
 * and cheap password hashes.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({RefusalsTest.Actions.class, UnexpectedErrorsTest.FailingPage.class,
        UnexpectedErrorsTest.FailingEverywhere.class, PublishedStories.class})
public class KawarabanTestConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /**
     * Passwords are hashed with Argon2id as in the application, but with 64 KB and one pass
     * instead of its 16 MB and two: the tests create accounts and log in a few hundred times,
     * and at the real cost hashing took a sixth of the test JVM's time in Java code. A hash
     * names its parameters, so checking one works as in production.
     */
    @Bean
    static BeanPostProcessor cheapPasswordHashes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof PasswordEncoder) {
                    return new DelegatingPasswordEncoder("argon2", Map.of("argon2", new Argon2PasswordEncoder(16, 32, 1, 64, 1)));
                }
                return bean;
            }
        };
    }

    @Bean
    static BeanPostProcessor switchableImageStore(ObjectProvider<PlatformProperties> platform) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ImageStore configured && !(bean instanceof SwitchableImageStore)) {
                    return new SwitchableImageStore(configured, platform.getObject().dataDir());
                }
                return bean;
            }
        };
    }
}
