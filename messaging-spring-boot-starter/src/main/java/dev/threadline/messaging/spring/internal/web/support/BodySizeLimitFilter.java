package dev.threadline.messaging.spring.internal.web.support;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects bodies over the limit with {@code 413}: {@code messaging.max-body-size} on the admin routes,
 * {@code messaging.webhooks.max-body-size} on the webhook routes (inbound mail may carry attachments). The
 * answer comes at once when {@code Content-Length} says so, else as soon as a chunked body grows past it.
 */
public final class BodySizeLimitFilter extends OncePerRequestFilter {

    private final ApiPaths paths;
    private final long adminMaxBytes;
    private final long webhookMaxBytes;
    private final long publicMaxBytes;

    public BodySizeLimitFilter(ApiPaths paths, long adminMaxBytes, long webhookMaxBytes, long publicMaxBytes) {
        this.paths = paths;
        this.adminMaxBytes = adminMaxBytes;
        this.webhookMaxBytes = webhookMaxBytes;
        this.publicMaxBytes = publicMaxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = paths.isAdmin(request) ? adminMaxBytes : paths.isPublic(request) ? publicMaxBytes : webhookMaxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE, "request body is larger than " + maxBytes + " bytes").write(response);
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw new NonRetriableMessagingException(ErrorCode.PAYLOAD_TOO_LARGE,
                        "request body is larger than " + maxBytes + " bytes", null);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
