package jp.kawaraban.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kawaraban.access.ActionAccess;
import jp.kawaraban.access.ActionRefusedException;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Reader;
import jp.kawaraban.access.RequiresAccess;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces {@link RequiresAccess} before a handler runs — before its arguments are even read,
 * so a refused reader learns why, not what was wrong with a form they may not send.
 */
@Component
class RequiredAccessCheck implements HandlerInterceptor, WebMvcConfigurer {

    private final Entitlements entitlements;

    RequiredAccessCheck(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            RequiresAccess required = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresAccess.class);
            if (required == null) {
                required = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresAccess.class);
            }
            if (required != null) {
                ActionAccess access = entitlements.mayUse(Reader.current(), required.value());
                if (!access.allowed()) {
                    throw new ActionRefusedException(access.refusal());
                }
            }
        }
        return true;
    }
}
