package dev.strangler.gateway.web;

import dev.strangler.gateway.dashboard.RequestChecks;
import dev.strangler.gateway.dashboard.Sessions;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Who may use the admin port: a request with {@code Authorization: Bearer <token>} (compared in constant time), or a
 * request of a dashboard session (its cookie), opened by giving the same token once. A session's request that changes
 * something (any method but GET and HEAD) must also carry the session's CSRF token in {@value #CSRF_HEADER} and come
 * from the admin port's own origin, when the browser names one; its changes are audited as made by
 * {@value #DASHBOARD_ACTOR}. Thread-safe.
 */
final class AdminGuard {

    /** The cookie holding a dashboard session's id. */
    static final String SESSION_COOKIE = "strangler_session";
    /** The header a dashboard page sends its session's CSRF token in. */
    static final String CSRF_HEADER = "X-Strangler-Csrf";
    /** Who the audit names for a change made from the dashboard. */
    static final String DASHBOARD_ACTOR = "dashboard";
    private static final String ACTOR_HEADER = "X-Strangler-Actor";
    private static final Logger log = LoggerFactory.getLogger(AdminGuard.class);

    private final byte[] bearer;
    private final byte[] token;
    private final Sessions sessions;

    AdminGuard(String token, Sessions sessions) {
        this.token = Objects.requireNonNull(token, "token").getBytes(StandardCharsets.UTF_8);
        this.bearer = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** The sessions this guard admits. */
    Sessions sessions() {
        return sessions;
    }

    /** Whether {@code given} is the admin token, compared in constant time. */
    boolean isToken(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token);
    }

    /** The open session whose cookie the request carries. */
    Optional<Sessions.Session> session(HttpServerRequest request) {
        return sessions.find(RequestChecks.cookie(request.requestHeaders().get("Cookie"), SESSION_COOKIE));
    }

    /** {@code handler} behind the check: 401 without the token or a session, 403 for a session's change without its CSRF token. */
    BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> guard(
            BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> handler) {
        return (request, response) -> {
            String given = request.requestHeaders().get("Authorization");
            if (given != null) {
                return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), bearer)
                        ? handler.apply(request, response) : unauthorized(response);
            }
            Optional<Sessions.Session> session = session(request);
            if (session.isEmpty()) {
                return unauthorized(response);
            }
            if (!isSafe(request.method()) && !isSameSite(request, session.get())) {
                log.warn("Refused {} {} of a dashboard session: no CSRF token, a wrong one, or origin {}",
                        request.method(), request.uri(), request.requestHeaders().get("Origin"));
                return problem(response, HttpStatus.FORBIDDEN, "Change refused: not from the dashboard's own page",
                        "A change made with a dashboard session must come from the dashboard page (its " + CSRF_HEADER
                                + " header and Origin); reload the page, or use the API with 'Authorization: Bearer <token>'");
            }
            // the session is the dashboard's: its changes are audited as such, whatever the page sent
            request.requestHeaders().set(ACTOR_HEADER, DASHBOARD_ACTOR);
            return handler.apply(request, response);
        };
    }

    /** Whether a change comes from the session's own page: its CSRF token, and an Origin that is the admin port's. */
    boolean isSameSite(HttpServerRequest request, Sessions.Session session) {
        return Sessions.isCsrfToken(session, request.requestHeaders().get(CSRF_HEADER))
                && RequestChecks.isSameOrigin(request.requestHeaders().get("Origin"), request.requestHeaders().get("Host"));
    }

    private static boolean isSafe(HttpMethod method) {
        return method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
    }

    private static Publisher<Void> unauthorized(HttpServerResponse response) {
        response.header("WWW-Authenticate", "Bearer realm=\"strangler-admin\"");
        return problem(response, HttpStatus.UNAUTHORIZED, "Missing or wrong admin token",
                "Send 'Authorization: Bearer <token>' with the token the gateway was started with"
                        + " (--admin-token or STRANGLER_ADMIN_TOKEN), or log in to the dashboard at /dashboard");
    }

    static Publisher<Void> problem(HttpServerResponse response, HttpStatus status, String title, String detail) {
        return response.status(status.value()).header("Content-Type", Problems.PROBLEM_JSON)
                .sendString(Mono.just(Problems.json(status, title, String.valueOf(detail), null, null)));
    }
}
