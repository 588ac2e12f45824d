package jp.kawaraban.platform.internal;

import java.io.IOException;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jp.kawaraban.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * {@code <data-dir>/postgres} and survive restarts. With a URL configured, this class does
 * nothing and Spring Boot's own DataSource is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedPostgres(PlatformProperties properties) throws IOException, SQLException {
        EmbeddedServer postgres = EmbeddedServer.start(properties.dataDir());
        log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.port(),
                EmbeddedServer.postgresDirectory(properties.dataDir()));
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedServer postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
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
