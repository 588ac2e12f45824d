package jp.kawaraban.article.internal;

import java.nio.file.Path;
import java.time.Clock;

import jp.kawaraban.article.ArticleProperties;
import jp.kawaraban.platform.PlatformProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kawaraban.article.images.store} picks the store: the database by default, files under
 * {@code <data-dir>/images} (read before the database) with {@code directory}. What each store
 * does in the running site is tested by {@code FigureUploadTest} and {@code FiguresInDirectoryTest}.
 */
class ImageStoreConfigurationTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(Inputs.class, ImageStoreConfiguration.class)
                .withPropertyValues("kawaraban.data-dir=" + dataDir);
    }

    @Test
    void theDatabaseByDefault() {
        runner().run(context -> assertThat(context.getBean(ImageStore.class)).isInstanceOf(DatabaseImageStore.class));
    }

    @Test
    void filesUnderTheDataDirectoryBeforeTheDatabaseWithDirectory() {
        runner().withPropertyValues("kawaraban.article.images.store=directory").run(context -> {
            ImageStore store = context.getBean(ImageStore.class);
            assertThat(store).isInstanceOf(FallbackImageStore.class);
            FallbackImageStore fallback = (FallbackImageStore) store;
            assertThat(fallback.current()).isInstanceOfSatisfying(DirectoryImageStore.class, directory ->
                    assertThat(directory.root()).isEqualTo(dataDir.resolve("images").toAbsolutePath().normalize()));
            assertThat(fallback.earlier()).isInstanceOf(DatabaseImageStore.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ArticleProperties.class, PlatformProperties.class})
    static class Inputs {

        @Bean
        JdbcClient jdbc() {
            return JdbcClient.create(new SimpleDriverDataSource()); // never asked here
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
