package jp.kawaraban.platform.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Server-side pages are jte templates under {@code src/main/jte}, compiled to Java classes
 * at build time: a template that does not type-check fails the build, not a reader's request.
 */
@Configuration(proxyBeanMethods = false)
class JteConfiguration {

    @Bean
    TemplateEngine templateEngine() {
        TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
        return engine;
    }

    @Bean
    JteViewResolver jteViewResolver(TemplateEngine templateEngine, ObjectProvider<LayoutModel> layout) {
        JteViewResolver resolver = new JteViewResolver(templateEngine, layout);
        resolver.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return resolver;
    }
}
