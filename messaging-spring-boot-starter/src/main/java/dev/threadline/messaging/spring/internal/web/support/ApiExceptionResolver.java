package dev.threadline.messaging.spring.internal.web.support;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.MessagingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception on the admin and webhook routes into the API's error body, including those Spring
 * MVC raises before a controller runs (unknown route, wrong method or media type). Other paths of the host
 * are left alone. Anything unexpected is logged and answered with a generic 500 that reveals nothing.
 */
public final class ApiExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    private final ApiPaths paths;

    public ApiExceptionResolver(ApiPaths paths) {
        this.paths = paths;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
                                                   @Nullable Object handler, Exception ex) {
        if (!paths.isApi(request)) {
            return null;
        }
        if (response.isCommitted() || ex instanceof AsyncRequestNotUsableException || ex instanceof AsyncRequestTimeoutException) {
            // A stream that ended or a client that went away: nothing left to answer.
            return new ModelAndView();
        }
        ApiError error = toError(ex, request);
        try {
            if (ex instanceof HttpRequestMethodNotSupportedException m && m.getSupportedHttpMethods() != null) {
                response.setHeader("Allow", String.join(", ", m.getSupportedHttpMethods().stream().map(Object::toString).toList()));
            }
            error.write(response);
        } catch (IOException e) {
            log.debug("Could not write the error answer for {}", request.getRequestURI(), e);
        }
        return new ModelAndView();
    }

    private static ApiError toError(Exception ex, HttpServletRequest request) {
        Throwable cause = ex instanceof HttpMessageNotReadableException && ex.getCause() != null ? ex.getCause() : ex;
        if (cause instanceof MessagingException e) {
            return ApiError.of(e);
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return ApiError.of(ErrorCode.MALFORMED_REQUEST, "request body could not be read");
        }
        if (ex instanceof MethodArgumentTypeMismatchException e) {
            return ApiError.of(ErrorCode.VALIDATION_FAILED, e.getName() + " has an invalid value").withField(e.getName());
        }
        if (ex instanceof MissingServletRequestParameterException e) {
            return ApiError.of(ErrorCode.VALIDATION_FAILED, e.getParameterName() + " is required").withField(e.getParameterName());
        }
        if (ex instanceof MissingRequestHeaderException e) {
            return ApiError.of(ErrorCode.MALFORMED_REQUEST, e.getHeaderName() + " header is required");
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return ApiError.of(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND.wireName(), "no route " + request.getMethod() + " " + request.getRequestURI());
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", request.getMethod() + " is not supported here");
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "this Content-Type is not accepted here");
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE, "request body is too large");
        }
        if (ex instanceof MultipartException) {
            return ApiError.of(ErrorCode.MALFORMED_REQUEST, "multipart body could not be read");
        }
        if (isTomcatParameterFailure(ex)) {
            // Tomcat parses parameters lazily and says which status fits: 413 for a form over its size limit,
            // 400 for a query or form whose bytes are not the declared encoding.
            return ((org.apache.tomcat.util.http.InvalidParameterException) ex).getErrorCode() == HttpStatus.PAYLOAD_TOO_LARGE.value()
                    ? ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE, "form body is larger than the server accepts (server.tomcat.max-http-form-post-size)")
                    : ApiError.of(ErrorCode.MALFORMED_REQUEST, "a request parameter could not be decoded");
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "internal error");
    }

    /** By name, so an app that runs on another servlet container never loads Tomcat's class. */
    private static boolean isTomcatParameterFailure(Exception ex) {
        return ex.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException");
    }

    /** Before Spring's own resolvers, which would answer in their own format. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
