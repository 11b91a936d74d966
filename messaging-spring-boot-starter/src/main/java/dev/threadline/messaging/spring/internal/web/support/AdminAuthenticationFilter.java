package dev.threadline.messaging.spring.internal.web.support;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.spring.StaffPrincipals;
import dev.threadline.messaging.staff.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates admin routes: {@code Authorization: Bearer <key>} acts as the key's tenant owner; without a key,
 * the principal the host's login signed in (Spring Security runs before this filter) acts as the staff user
 * {@link StaffPrincipals} maps it to. Keys are compared by their SHA-256 digests with {@link MessageDigest#isEqual},
 * against every configured key, so timing reveals neither a key nor its length. Keys are never read from query
 * strings, where access logs would keep them.
 */
public final class AdminAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminAuthenticationFilter.class);
    private static final String BEARER = "Bearer ";
    private static final Pattern ACTOR = Pattern.compile("[\\p{L}\\p{N} ._@'-]{1,64}");

    private final ApiPaths paths;
    private final List<Key> keys;
    private final StaffPrincipals principals;

    private record Key(byte[] digest, String tenantId, String fingerprint) {
    }

    public AdminAuthenticationFilter(ApiPaths paths, Map<String, String> apiKeys, StaffPrincipals principals) {
        this.paths = paths;
        this.principals = principals;
        this.keys = apiKeys.entrySet().stream()
                .map(e -> {
                    byte[] digest = sha256(e.getKey());
                    return new Key(digest, e.getValue(), HexFormat.of().formatHex(digest, 0, 4));
                })
                .toList();
        if (keys.isEmpty()) {
            log.info("No messaging.security.api-keys configured: admin API requests need a signed-in staff user");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.isAdmin(request) || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor actor = actor(request);
        if (actor == null) {
            ApiError.of(ErrorCode.UNAUTHORIZED, "a valid API key (Authorization: Bearer <key>) or a signed-in staff user is required")
                    .write(response);
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, new Caller(actor));
        chain.doFilter(request, response);
    }

    /** The key's owner actor; without a key header, the signed-in principal's staff user; else null. */
    private @Nullable Actor actor(HttpServletRequest request) {
        String presented = presentedKey(request);
        if (presented != null) {
            Key match = find(presented);
            return match == null ? null : Actor.apiKey(match.tenantId(), label(request, match));
        }
        Principal principal = request.getUserPrincipal();
        return principal == null ? null : principals.actorFor(principal).orElse(null);
    }

    private static @Nullable String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip()
                : null;
    }

    private @Nullable Key find(String presented) {
        byte[] digest = sha256(presented);
        Key found = null;
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.digest(), digest)) {
                found = key;
            }
        }
        return found;
    }

    private static String label(HttpServletRequest request, Key key) {
        String label = "api-key:" + key.fingerprint();
        String name = request.getHeader("X-Actor");
        return name != null && ACTOR.matcher(name.strip()).matches() ? name.strip() + " (" + label + ")" : label;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
