package jp.kawaraban.platform.internal;

import jp.kawaraban.platform.DemoMode;
import jp.kawaraban.platform.PlatformProperties;
import jp.kawaraban.platform.settings.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /**
     * Demo content is on by default only with the embedded database: a real database means
     * production. So does a database someone ran setup on: its first start after setup must
     * not fill it with demo accounts and articles.
     */
    @Bean
    DemoMode demoMode(PlatformProperties properties, Environment environment, Settings settings) {
        if (properties.demo() != null) {
            return new DemoMode(properties.demo());
        }
        return new DemoMode(!StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                && !settings.isSetUpBeforeMigration());
    }
}
