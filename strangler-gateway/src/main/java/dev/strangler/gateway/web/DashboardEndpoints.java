package dev.strangler.gateway.web;

import dev.strangler.gateway.dashboard.DashboardJson;
import dev.strangler.gateway.dashboard.RequestChecks;
import dev.strangler.gateway.dashboard.Sessions;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The dashboard on the admin port: {@code GET /dashboard} (its login form until a session is open), the page's script
 * and style, {@code POST /dashboard/login} (the admin token, once, in a form body; answered with a session cookie),
 * {@code POST /dashboard/logout} and {@code GET /dashboard/state} (the {@link DashboardState} as JSON, polled by the
 * page). The page changes routes through the admin API's own endpoints, with its session instead of the bearer token
 * (see {@link AdminGuard}). Every answer forbids framing and caching and allows scripts from the admin port only.
 * Thread-safe.
 */
final class DashboardEndpoints {

    private static final Logger log = LoggerFactory.getLogger(DashboardEndpoints.class);
    private static final String RESOURCES = "/dev/strangler/gateway/web/dashboard/";
    private static final Duration WRONG_TOKEN_DELAY = Duration.ofMillis(500);

    private final AdminGuard guard;
    private final DashboardState state;
    private final String loginPage = resource("login.html");
    private final String dashboardPage = resource("dashboard.html");
    private final String script = resource("dashboard.js");
    private final String style = resource("dashboard.css");

    DashboardEndpoints(AdminGuard guard, DashboardState state) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.state = Objects.requireNonNull(state, "state");
    }

    /** Adds the endpoints to {@code routes}; {@code guarded} wraps those needing the token or a session. */
    HttpServerRoutes register(HttpServerRoutes routes, UnaryOperator<BiFunction<HttpServerRequest, HttpServerResponse,
            Publisher<Void>>> guarded) {
        return routes
                .get("/dashboard", this::page)
                .get("/dashboard/", this::page)
                .get("/dashboard/dashboard.js", (rq, rs) -> send(rs, 200, "text/javascript; charset=utf-8", script))
                .get("/dashboard/dashboard.css", (rq, rs) -> send(rs, 200, "text/css; charset=utf-8", style))
                .post("/dashboard/login", this::login)
                .post("/dashboard/logout", guarded.apply(this::logout))
                .get("/dashboard/state", guarded.apply((rq, rs) -> send(rs, 200, "application/json",
                        Mono.fromCallable(() -> DashboardJson.render(state.read()))
                                .subscribeOn(Schedulers.boundedElastic()))));
    }

    private Publisher<Void> page(HttpServerRequest request, HttpServerResponse response) {
        Optional<Sessions.Session> session = guard.session(request);
        if (session.isEmpty()) {
            return send(response, 200, "text/html; charset=utf-8", loginPage.replace("<!--error-->", ""));
        }
        return send(response, 200, "text/html; charset=utf-8", dashboardPage.replace("{{csrf}}", session.get().csrfToken()));
    }

    private Publisher<Void> login(HttpServerRequest request, HttpServerResponse response) {
        if (!RequestChecks.isSameOrigin(request.requestHeaders().get("Origin"), request.requestHeaders().get("Host"))) {
            log.warn("Dashboard login refused: posted from origin {}, not the admin port's own ({})",
                    request.requestHeaders().get("Origin"), request.requestHeaders().get("Host"));
            return AdminGuard.problem(response, HttpStatus.FORBIDDEN, "Login refused",
                    "The login form must be posted from the dashboard's own page");
        }
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(body -> {
            List<String> given = new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters().get("token");
            if (given == null || given.size() != 1 || !guard.isToken(given.get(0))) {
                log.warn("Dashboard login refused: wrong admin token, from {}", request.remoteAddress());
                String refused = loginPage.replace("<!--error-->", "<p class=\"error\" role=\"alert\" id=\"login-error\">"
                        + "Wrong admin token: give the token the gateway was started with (--admin-token or"
                        + " STRANGLER_ADMIN_TOKEN).</p>");
                // slows down guessing; the token is compared in constant time
                return Mono.delay(WRONG_TOKEN_DELAY).then(Mono.from(send(response, 401, "text/html; charset=utf-8", refused)));
            }
            Sessions.Session session = guard.sessions().open();
            log.info("Dashboard session opened from {}", request.remoteAddress());
            return Mono.from(response.status(303).header("Location", "/dashboard")
                    .header("Set-Cookie", cookie(request, session.id(), false))
                    .header("Cache-Control", "no-store").send());
        });
    }

    private Publisher<Void> logout(HttpServerRequest request, HttpServerResponse response) {
        guard.session(request).ifPresent(session -> guard.sessions().close(session.id()));
        response.header("Set-Cookie", cookie(request, "", true));
        return send(response, 200, "application/json", "{\"loggedOut\":true}");
    }

    /** The session cookie: HttpOnly, SameSite=Strict, for the whole admin port; Secure behind a TLS proxy. */
    private static String cookie(HttpServerRequest request, String value, boolean expired) {
        boolean tls = "https".equalsIgnoreCase(request.requestHeaders().get("X-Forwarded-Proto"));
        return AdminGuard.SESSION_COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
                + (tls ? "; Secure" : "") + (expired ? "; Max-Age=0" : "");
    }

    private static Publisher<Void> send(HttpServerResponse response, int status, String type, String body) {
        return send(response, status, type, Mono.just(body));
    }

    private static Publisher<Void> send(HttpServerResponse response, int status, String type, Mono<String> body) {
        return response.status(status).header("Content-Type", type)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self';"
                        + " connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin") // no-referrer would make a browser send Origin: null
                .sendString(body);
    }

    private static String resource(String name) {
        try (InputStream in = DashboardEndpoints.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard's " + name + " is missing from the jar (" + RESOURCES + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard's " + name, e);
        }
    }
}
