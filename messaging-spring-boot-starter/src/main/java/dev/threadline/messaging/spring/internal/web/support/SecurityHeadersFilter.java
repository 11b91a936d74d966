package dev.threadline.messaging.spring.internal.web.support;

import dev.threadline.messaging.ErrorCode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers that keep browsers from misusing the API's answers: no content sniffing, no framing, no referrer.
 * The admin and webhook routes get them; the host's own pages are left to the host. It also answers a direct
 * request for the servlet container's error path ({@code /error}), which otherwise renders an empty error as
 * a {@code 500}, with a JSON {@code 404}.
 */
public final class SecurityHeadersFilter extends OncePerRequestFilter {

    private final ApiPaths paths;
    private final String errorPath;

    public SecurityHeadersFilter(ApiPaths paths, String errorPath) {
        this.paths = paths;
        this.errorPath = errorPath;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getDispatcherType() == DispatcherType.REQUEST && path.equals(errorPath)) {
            ApiError.of(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND.wireName(), "no route " + request.getMethod() + " " + path)
                    .write(response);
            return;
        }
        if (paths.isApi(request)) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        chain.doFilter(request, response);
    }
}
