package dev.threadline.messaging.spring.internal.web.support;

import dev.threadline.messaging.ErrorCode;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error page for the admin and webhook routes, as the API's JSON error body: what Tomcat refuses
 * before the application sees the request (a URL that does not decode, headers over the size limit) is answered
 * like every other error there. Other paths keep Tomcat's page.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    private final ApiPaths paths;

    public JsonErrorReportValve(ApiPaths paths) {
        this.paths = paths;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !isApi(request)) {
            super.report(request, response, throwable);
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String code = status == HttpStatus.PAYLOAD_TOO_LARGE.value() ? ErrorCode.PAYLOAD_TOO_LARGE.wireName()
                : status < 500 ? ErrorCode.MALFORMED_REQUEST.wireName() : "internal_error";
        try {
            response.resetBuffer();
            ApiError.of(known != null ? known : HttpStatus.BAD_REQUEST, code,
                    status < 500 ? "the request could not be read" : "internal error").write(response);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the answer already started: nothing more can be said.
        }
    }

    private boolean isApi(Request request) {
        String uri = request.getRequestURI();
        return uri != null && paths.isApiPath(uri.substring(Math.min(uri.length(), request.getContextPath() == null ? 0
                : request.getContextPath().length())));
    }
}
