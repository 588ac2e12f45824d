package jp.kawaraban.site.web;

import java.time.Duration;

import jp.kawaraban.site.SiteProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.WebContentInterceptor;

/**
 * Anonymous reading pages may be kept briefly by browsers and a CDN in front of several
 * nodes (ARCHITECTURE.md §7). Pages that differ per reader will opt out when members arrive.
 */
@Configuration(proxyBeanMethods = false)
class PublicPageCaching implements WebMvcConfigurer {

    private final SiteProperties site;

    PublicPageCaching(SiteProperties site) {
        this.site = site;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        WebContentInterceptor caching = new WebContentInterceptor();
        caching.setCacheControl(CacheControl.maxAge(Duration.ofSeconds(site.cacheSeconds())).cachePublic());
        registry.addInterceptor(caching)
                .addPathPatterns("/", "/articles/**", "/sections/**", "/series/**", "/keywords/**");
    }
}
