package jp.kawaraban.member.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.platform.web.TypedText;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;

/**
 * A session cookie whose value is no session id (a NUL or another control character once
 * decoded, which no id we hand out holds) is no session: the request goes on without one
 * instead of asking the database for it, which PostgreSQL answers with an error.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookies {

    @Bean
    static BeanPostProcessor onlyReadableSessionIds() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof CookieSerializer cookies ? new ReadableIds(cookies) : bean;
            }
        };
    }

    private record ReadableIds(CookieSerializer cookies) implements CookieSerializer {

        @Override
        public void writeCookieValue(CookieValue value) {
            cookies.writeCookieValue(value);
        }

        @Override
        public List<String> readCookieValues(HttpServletRequest request) {
            return cookies.readCookieValues(request).stream().filter(id -> TypedText.acceptable(id, false)).toList();
        }
    }
}
