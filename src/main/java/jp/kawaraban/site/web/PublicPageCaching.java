package jp.kawaraban.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.site.PublicCaching;
import jp.kawaraban.site.SiteProperties;
import org.springframework.http.CacheControl;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Anonymous reading pages may be kept briefly by browsers and a CDN in front of several
 * nodes (ARCHITECTURE.md §7). Only successful pages: a 404 or a passing 500 must not be
 * served from a cache to everyone. A logged-in member's pages are their own (name in the
 * header, full text of paid articles): those are never stored by anyone.
 */
@Configuration(proxyBeanMethods = false)
class PublicPageCaching implements WebMvcConfigurer, PublicCaching {

    private final SiteProperties site;

    PublicPageCaching(SiteProperties site) {
        this.site = site;
    }

    /** Public and brief for anonymous readers; private and unstored for members. */
    static CacheControl forThisReader(SiteProperties site) {
        return MemberPrincipal.current().isPresent() || ReadableText.personalised() ? CacheControl.noStore().cachePrivate()
                : site.publicCache();
    }

    @Override
    public CacheControl forThisReader() {
        return forThisReader(site);
    }

    @Override
    public CacheControl forEveryone() {
        return site.publicCache();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                           ModelAndView view) {
                        // Runs only when the handler returned normally; error pages get no cache header.
                        if (response.getStatus() < 300 && (view == null || view.getStatus() == null
                                || view.getStatus().is2xxSuccessful())) {
                            response.setHeader("Cache-Control", forThisReader(site).getHeaderValue());
                            response.addHeader("Vary", "Cookie");
                        }
                    }
                })
                .addPathPatterns("/", "/articles/**", "/sections/**", "/series/**", "/keywords/**", "/about/*");
    }
}
