package jp.kawaraban.member.internal;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
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

    /** How much older than the stored last access time a request's must be to be written (see {@link QuietSessions}). */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * The store the session filter and {@link DeviceSessions} use: the JDBC one, without a
     * write per request for the last access time. Wrapped where it is made rather than
     * declared as a second store, since Spring Boot makes the JDBC one only while no other
     * exists.
     */
    @Bean
    static BeanPostProcessor quietSessions(ObjectProvider<ApplicationEventPublisher> events) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? new QuietSessions<>(jdbc, TOUCH_EVERY,
                        closed -> events.getObject().publishEvent(closed)) : bean;
            }
        };
    }
}
