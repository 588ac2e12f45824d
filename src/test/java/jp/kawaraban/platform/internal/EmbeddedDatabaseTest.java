package jp.kawaraban.platform.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import jp.kawaraban.platform.PlatformProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The database a newspaper gets by default: no {@code spring.datasource.url}, so the
 * application starts PostgreSQL itself with its files in {@code <data-dir>/postgres} and every
 * commit on disk. (The application tests run on one shared server instead, see
 * {@code jp.kawaraban.TestDatabase}; this is where the application's own start-up path is
 * tested. {@link OrphanedPostgresTest} has what happens around a second or a killed application.)
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(Settings.class, EmbeddedDatabaseConfiguration.class)
                .withPropertyValues("kawaraban.data-dir=" + dataDir);
    }

    @Test
    void startsPostgresUnderTheDataDirectoryWithEveryCommitOnDiskAndStopsItWithTheApplication() {
        Path[] directory = new Path[1];
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("kawaraban");
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show recovery_init_sync_method").query(String.class).single()).isEqualTo("syncfs");
            directory[0] = Path.of(jdbc.sql("show data_directory").query(String.class).single());
            assertThat(directory[0]).isEqualTo(dataDir.resolve("postgres").toRealPath());
            jdbc.sql("create table kept (words text)").update();
            jdbc.sql("insert into kept values ('瓦版')").update();
            assertThat(directory[0].resolve("postmaster.pid")).exists();
            // A second application on the same data directory is refused while this one runs.
            assertThatThrownBy(() -> OrphanedPostgres.claim(dataDir.resolve("postgres")))
                    .hasMessageContaining("is in use by another running Kawaraban");
        });
        assertThat(directory[0].resolve("postmaster.pid")).as("stopped with the application").doesNotExist();
        // A normal stop is no crash: nothing starts the server again (the watchdog looks every second).
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> !Files.exists(directory[0].resolve("postmaster.pid")));
        assertThat(directory[0].resolve("PG_VERSION")).as("its files stay for the next start").exists();
    }

    @Test
    void withADatasourceUrlNothingIsEmbedded() {
        runner().withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/kawaraban")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedDatabase.class)
                        .doesNotHaveBean(DataSource.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlatformProperties.class)
    static class Settings {
    }
}
