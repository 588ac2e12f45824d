package jp.kawaraban.member.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * How sessions are written to PostgreSQL. Requests of one session run side by side (a
 * browser restoring its tabs sends them all at once), and each saves what it changed when it
 * ends. Spring Session's plain insert of a new attribute fails for all but the first request
 * that adds the same attribute (the CSRF token of a fresh log-in, the page to return to after
 * logging in), and that request answered 500. An upsert lets every one of them save.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
