package jp.kawaraban.platform.internal;

import java.io.IOException;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import jp.kawaraban.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts PostgreSQL inside the application when no {@code spring.datasource.url} is set,
 * so the default installation needs nothing but a JDK. Its files live under
 * {@code <data-dir>/postgres} and survive restarts, and it is started again when it dies
 * ({@link EmbeddedDatabase}). With a URL configured, this class does nothing and Spring Boot's
 * own DataSource is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(PlatformProperties properties) throws IOException, SQLException {
        EmbeddedServer server = EmbeddedServer.start(properties.dataDir());
        log.info("Embedded PostgreSQL started on port {} with data in {}", server.port(), server.directory());
        return new EmbeddedDatabase(server);
    }

    /**
     * The pool, bound to {@code spring.datasource.hikari.*} as Spring Boot's own would be, so
     * the connection timeout (and any other pool setting) is set the same way for both databases.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(EmbeddedServer.USER);
        dataSource.setPoolName("kawaraban-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
