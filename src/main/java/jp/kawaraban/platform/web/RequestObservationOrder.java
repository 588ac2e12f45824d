package jp.kawaraban.platform.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Moves the timing of requests ({@code http.server.requests}) from the front of the filter chain
 * to just before the session is read. Pages sent from memory ahead of the session (the site's
 * anonymous and paid members' pages, decisions 0026 and 0042) are then counted by their own
 * counters instead of timed: an observation per request, with its tags and two timers, was a
 * sixth of the CPU a kept anonymous page cost under load (docs/benchmarks.md, run 12), more
 * than finding the page. Everything rendered, every form, the API and the security chain are
 * timed as before.
 */
@Component
class RequestObservationOrder implements BeanPostProcessor {

    /** After the filters that send kept pages, before the session filter. */
    static final int ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 1;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof FilterRegistrationBean<?> registration
                && registration.getFilter() instanceof ServerHttpObservationFilter) {
            registration.setOrder(ORDER);
        }
        return bean;
    }
}
