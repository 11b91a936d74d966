package dev.threadline.messaging.spring.internal.web.support;

import jakarta.servlet.http.HttpServletRequest;

/** Which request paths belong to the API: the admin base path and the webhook routes. */
public final class ApiPaths {

    /** Prefix of the provider webhook routes. */
    public static final String WEBHOOKS = "/webhooks";

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

    /** Whether a path within the application, as sent (not decoded), is under the admin or webhook routes. */
    boolean isApiPath(String path) {
        return under(path, basePath) || under(path, WEBHOOKS);
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
