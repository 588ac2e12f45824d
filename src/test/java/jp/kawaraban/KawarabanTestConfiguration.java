package jp.kawaraban;

import jp.kawaraban.article.internal.ImageStore;
import jp.kawaraban.article.internal.SwitchableImageStore;
import jp.kawaraban.platform.PlatformProperties;
import jp.kawaraban.site.RefusalsTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * What every {@link KawarabanTest} application has beyond the application itself, the same
 * for all of them so they share one application context: a clock tests can move, an image
 * store tests can switch to the directory, and the small controller {@link RefusalsTest}
 * asks refusals through (its routes start with {@code /test-actions} and
 * {@code /api/v1/test-actions}).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(RefusalsTest.Actions.class)
public class KawarabanTestConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
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
