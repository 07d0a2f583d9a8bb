package dev.pertouch.server.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The checks every request passes before a route sees it: the Host allow-list, the identity cookie,
 * same-origin and CSRF checks on state-changing requests, per-address and per-user rate limits, and the
 * security headers.
 */
public final class Guard {
    private static final String USER_ATTRIBUTE = "pertouch.user";
    private static final int COOKIE_MAX_AGE = 365 * 24 * 3600;
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final String CSP = "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final Identity identity;
    private final Set<String> allowedHosts;
    private final RateLimiter writes;

    public Guard(Identity identity, Set<String> allowedHosts, RateLimiter writes) {
        this.identity = identity;
        this.allowedHosts = allowedHosts;
        this.writes = writes;
    }

    public void before(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");

        if (!allowedHosts.isEmpty() && !allowedHosts.contains(hostWithoutPort(ctx.host()))) {
            throw new ApiException(421, "host_not_allowed", "This server does not answer for that host name.");
        }
        Optional<String> known = identity.verify(ctx.cookie(Identity.COOKIE));
        String userId = known.orElseGet(Identity::newUserId);
        ctx.attribute(USER_ATTRIBUTE, userId);
        if (known.isEmpty()) {
            boolean secure = "https".equalsIgnoreCase(ctx.scheme());
            ctx.cookie(new Cookie(Identity.COOKIE, identity.cookieValue(userId), "/", COOKIE_MAX_AGE, secure, true,
                    null, SameSite.LAX));
        }
        ctx.header(Identity.CSRF_HEADER, identity.csrfToken(userId));

        if (!SAFE.contains(ctx.method())) {
            checkSameOrigin(ctx);
            // A request that carries no identity cookie has no ambient credential to forge.
            if (known.isPresent() && !identity.csrfMatches(userId, ctx.header(Identity.CSRF_HEADER))) {
                throw new ApiException(403, "csrf_token_missing",
                        "This request lacks a valid CSRF token. Reload the page, or send the X-CSRF-Token header "
                                + "that the server returned.");
            }
            int wait = Math.max(writes.acquire("ip:" + ctx.ip()), writes.acquire("user:" + userId));
            if (wait > 0) {
                ctx.header("Retry-After", String.valueOf(wait));
                throw new ApiException(429, "rate_limited", "Too many requests; try again in " + wait + " s.");
            }
        }
    }

    /** The anonymous user making this request. */
    public static String user(Context ctx) {
        String user = ctx.attribute(USER_ATTRIBUTE);
        if (user == null) {
            throw new IllegalStateException("Guard.before did not run for " + ctx.path());
        }
        return user;
    }

    public String csrfToken(Context ctx) {
        return identity.csrfToken(user(ctx));
    }

    private static void checkSameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String host = ctx.host();
        boolean same;
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            same = authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            same = false;
        }
        if (!same) {
            throw new ApiException(403, "cross_origin", "Requests from other sites are not accepted.");
        }
    }

    private static String hostWithoutPort(String host) {
        if (host == null) {
            return "";
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }
}
