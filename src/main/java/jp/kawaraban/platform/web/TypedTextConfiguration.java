package jp.kawaraban.platform.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** Registers {@link TypedTextFilter} first in line, right after the request's charset is set. */
@Configuration(proxyBeanMethods = false)
class TypedTextConfiguration {

    /** After {@code CharacterEncodingFilter} (first of all), before the session and security filters. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<TypedTextFilter> typedTextFilter(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver refusals, JteViewResolver views) {
        FilterRegistrationBean<TypedTextFilter> registration = new FilterRegistrationBean<>(new TypedTextFilter(refusals, views));
        registration.setOrder(ORDER);
        return registration;
    }
}
