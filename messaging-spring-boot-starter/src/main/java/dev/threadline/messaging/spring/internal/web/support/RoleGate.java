package dev.threadline.messaging.spring.internal.web.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a route whose {@link RequiresRole} the caller's role does not include, with {@code 403 forbidden}, in one
 * place for every admin route.
 */
public final class RoleGate implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !(request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller)) {
            return true;
        }
        RequiresRole required = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresRole.class);
        if (required == null) {
            required = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresRole.class);
        }
        if (required != null) {
            caller.actor().require(required.value(), request.getMethod() + " " + request.getRequestURI());
        }
        return true;
    }
}
