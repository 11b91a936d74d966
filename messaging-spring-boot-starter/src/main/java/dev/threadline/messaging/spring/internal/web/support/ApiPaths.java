package dev.threadline.messaging.spring.internal.web.support;

import jakarta.servlet.http.HttpServletRequest;

/** Which request paths belong to the API: the admin base path, the webhook routes and the public routes. */
public final class ApiPaths {

    /** Prefix of the provider webhook routes. */
    public static final String WEBHOOKS = "/webhooks";
    /** Prefix of the unauthenticated public routes (a website's contact form). */
    public static final String PUBLIC = "/api/public/messaging";

    private final String basePath;

    public ApiPaths(String basePath) {
        if (!basePath.startsWith("/") || basePath.endsWith("/") || basePath.contains("*") || basePath.contains("{")) {
            throw new IllegalArgumentException(
                    "messaging.api.base-path must start with /, not end with / and hold no patterns: " + basePath);
        }
        this.basePath = basePath;
    }

    public String basePath() {
        return basePath;
    }

    boolean isAdmin(HttpServletRequest request) {
        return under(pathWithinApplication(request), basePath);
    }

    boolean isApi(HttpServletRequest request) {
        return isApiPath(pathWithinApplication(request));
    }

    boolean isPublic(HttpServletRequest request) {
        return under(pathWithinApplication(request), PUBLIC);
    }

    /** Whether a path within the application, as sent (not decoded), is under the admin, webhook or public routes. */
    boolean isApiPath(String path) {
        return under(path, basePath) || under(path, WEBHOOKS) || under(path, PUBLIC);
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
