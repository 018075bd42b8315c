package dev.strangler.gateway.web;

import dev.strangler.gateway.dashboard.Sessions;
import dev.strangler.gateway.drain.Drain;
import dev.strangler.gateway.routefile.InvalidRouteFileException;
import dev.strangler.gateway.routefile.RouteSnapshot;
import dev.strangler.gateway.routefile.RouteStore;
import dev.strangler.gateway.routefile.RouteStoreUnavailableException;
import dev.strangler.gateway.routefile.VersionConflictException;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTarget;
import dev.strangler.gateway.routing.UnknownRouteException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API on its own port: list routes with live figures, set a route's target and weight, promote, roll
 * back, set its shadow traffic, the Prometheus scrape, and the dashboard ({@link DashboardEndpoints}). Every request
 * needs {@code Authorization: Bearer <token>} (compared in constant time) or a dashboard session ({@link AdminGuard}),
 * else 401, except the dashboard's login page and the probes {@code GET /health/live} and {@code GET /health/ready}
 * (200, or 503 while starting or draining; they show a state word only). Changes go through {@link RouteStore#change}, so they are validated, written, audited and applied
 * live; a change that names the route's version it is based on ({@code If-Match} or a {@code version} field) and finds
 * another one gets 409 with the current version. It runs on its own event loop, so an operator can still roll back while the proxy's loops are saturated.
 * Thread-safe.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACTOR_HEADER = "X-Strangler-Actor";

    private final RouteStore store;
    private final RouteMetrics metrics;
    private final PrometheusMeterRegistry prometheus;
    private final Drain drain;
    private final TargetBreakers breakers;
    private final RolloutEndpoints rollouts;
    private final AdminGuard guard;
    private final LoopResources loop = LoopResources.create("strangler-admin", 1, true);
    private final DisposableServer server;

    private AdminServer(String host, int port, String token, RouteStore store, RouteMetrics metrics,
                        PrometheusMeterRegistry prometheus, Drain drain, TargetBreakers breakers,
                        RolloutEndpoints rollouts) {
        this.drain = Objects.requireNonNull(drain, "drain");
        this.breakers = Objects.requireNonNull(breakers, "breakers");
        this.rollouts = Objects.requireNonNull(rollouts, "rollouts");
        this.store = Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.prometheus = Objects.requireNonNull(prometheus, "prometheus");
        this.guard = new AdminGuard(token, Sessions.standard());
        DashboardEndpoints dashboard = new DashboardEndpoints(guard, new DashboardState(store, metrics, breakers));
        DisposableServer bound;
        try {
            bound = HttpServer.create().runOn(loop).host(host).port(port)
                    .route(routes -> dashboard.register(rollouts.register(routes, this::guarded), this::guarded)
                            .get("/health/live", (rq, rs) -> health(rs, true, drain.state().name()))
                            .get("/health/ready", (rq, rs) -> health(rs, drain.isReady(), drain.state().name()))
                            .get("/routes", guarded(this::list))
                            .put("/routes/{id}", guarded(this::set))
                            .post("/routes/{id}/promote", guarded((rq, rs) -> change(rq, rs, null, "promote",
                                    route -> {
                                        if (!route.isMoved()) {
                                            throw new IllegalArgumentException("route '" + route.id() + "' targets the monolith;"
                                                    + " set a target first: PUT /routes/" + route.id() + " {\"target\":{\"lambda\":\"<function>\"}}");
                                        }
                                        return route.withWeight(100);
                                    })))
                            .post("/routes/{id}/rollback", guarded((rq, rs) -> change(rq, rs, null, "rollback",
                                    route -> route.withWeight(0))))
                            .post("/routes/{id}/shadow", guarded(this::shadow))
                            .get("/metrics", guarded(this::scrape))
                            .route(rq -> true, guarded((rq, rs) -> problem(rs, HttpStatus.NOT_FOUND, "No such admin endpoint",
                                    rq.method() + " " + rq.uri() + " is not an admin endpoint; use GET /routes, PUT /routes/{id},"
                                            + " POST /routes/{id}/promote, POST /routes/{id}/rollback, POST /routes/{id}/shadow,"
                                            + " POST /routes/{id}/rollout, POST /routes/{id}/rollout/pause|resume|abort, GET /metrics,"
                                            + " GET /health/live, GET /health/ready or the dashboard at GET /dashboard"))))
                    .bindNow();
        } catch (RuntimeException e) {
            loop.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(6));
            throw e;
        }
        this.server = bound;
        log.info("Admin API listening on {}:{}", host, server.port());
    }

    /** Starts the admin API on {@code host}:{@code port} (0 for any free port); each target's circuit from {@code breakers}. */
    public static AdminServer start(String host, int port, String token, RouteStore store, RouteMetrics metrics,
                                    PrometheusMeterRegistry prometheus, Drain drain, TargetBreakers breakers,
                                    RolloutEndpoints rollouts) {
        return new AdminServer(host, port, token, store, metrics, prometheus, drain, breakers, rollouts);
    }

    /** The port the admin API listens on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.disposeNow();
        loop.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(6));
    }

    private BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> guarded(
            BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> handler) {
        return guard.guard(handler);
    }

    private Publisher<Void> list(HttpServerRequest request, HttpServerResponse response) {
        ObjectNode body = JSON.createObjectNode();
        if (store.file() != null) {
            body.put("file", store.file().toString());
        }
        body.put("store", store.location());
        if (store.lastRefusal() != null) {
            body.put("lastRefusal", store.lastRefusal());
        }
        ArrayNode routes = body.putArray("routes");
        RouteSnapshot snapshot = store.snapshot();
        for (Route route : snapshot.table().routes()) {
            ObjectNode node = RouteDescriptions.describe(route);
            node.put("version", snapshot.version(route.id()));
            ObjectNode figures = node.putObject("figures");
            metrics.figuresOf(route.id()).forEach(figures::put);
            RouteDescriptions.shadowResults((ObjectNode) node.get("shadow"), figures, metrics.shadowDifferencesOf(route.id()));
            breakers.stateOf(route.target()).ifPresent(circuit -> node.set("circuit", JSON.valueToTree(circuit)));
            node.set("rollout", rollouts.describe(route));
            routes.add(node);
        }
        ObjectNode unmatched = body.putObject("default");
        metrics.figuresOf(RouteMetrics.DEFAULT_ROUTE).forEach(unmatched::put);
        return json(response, HttpStatus.OK, body);
    }

    private Publisher<Void> set(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(text -> {
            JsonNode body;
            try {
                body = JSON.readTree(text);
            } catch (RuntimeException e) {
                return Mono.from(problem(response, HttpStatus.BAD_REQUEST, "Body is not JSON",
                        "Send {\"target\": \"monolith\" | {\"lambda\": \"<function>\", \"qualifier\": \"<alias>\"} | {\"url\": \"http://...\"},"
                                + " \"weight\": 0-100}"));
            }
            if (body == null || !body.isObject() || (!body.has("target") && !body.has("weight"))) {
                return Mono.from(problem(response, HttpStatus.BAD_REQUEST, "Nothing to change",
                        "Send at least one of \"target\" and \"weight\", but the body was: " + text));
            }
            return Mono.from(change(request, response, body, "set", route -> {
                RouteTarget target = body.has("target") ? AdminRequests.target(body.get("target")) : route.target();
                int weight = route.weight();
                if (body.has("weight")) {
                    JsonNode w = body.get("weight");
                    if (!w.isIntegralNumber() || !w.canConvertToInt()) { // 4294967346 must not pass as 50
                        throw new IllegalArgumentException("weight must be a whole number 0-100, but was " + w);
                    }
                    weight = w.asInt();
                }
                return route.withTarget(target, weight);
            }));
        });
    }

    private Publisher<Void> shadow(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(text -> {
            JsonNode body;
            try {
                body = JSON.readTree(text);
            } catch (RuntimeException e) {
                body = null;
            }
            if (body == null || !body.isObject() || !body.has("percent")) {
                return Mono.from(problem(response, HttpStatus.BAD_REQUEST, "No shadow percent",
                        "Send {\"percent\": 0-100} (optionally \"unsafeMethods\": true|false and \"ignoreHeaders\": [\"x-...\"]),"
                                + " but the body was: " + text));
            }
            JsonNode given = body;
            return Mono.from(change(request, response, given, "shadow", route -> route.withShadow(AdminRequests.shadow(given, route.shadow()))));
        });
    }

    private Publisher<Void> change(HttpServerRequest request, HttpServerResponse response, JsonNode body, String action,
                                   UnaryOperator<Route> change) {
        String actor = request.requestHeaders().get(ACTOR_HEADER, "admin-api");
        String id = request.param("id");
        return Mono.fromCallable(() -> store.change(AdminRequests.edit(request, body, id, actor, action,
                        rollouts.byHand(action, actor, change))))
                .subscribeOn(Schedulers.boundedElastic()) // writes the route file or the shared store, and the audit
                .flatMap(route -> Mono.from(json(response.header("ETag", ExpectedVersion.etag(route.version())),
                        HttpStatus.OK, RouteDescriptions.describe(route))))
                .onErrorResume(UnknownRouteException.class,
                        e -> Mono.from(problem(response, HttpStatus.NOT_FOUND, "Unknown route", e.getMessage())))
                .onErrorResume(VersionConflictException.class, e -> Mono.from(conflict(response, e)))
                .onErrorResume(RouteStoreUnavailableException.class, e -> {
                    log.warn("Route change {} on {} not made: the route store is unavailable", action, id, e);
                    return Mono.from(problem(response, HttpStatus.SERVICE_UNAVAILABLE, "Route store unavailable",
                            "The change was not made: the route store cannot be reached; the routes in force stay."
                                    + " Try again when it answers"));
                })
                .onErrorResume(InvalidRouteFileException.class,
                        e -> Mono.from(problem(response, HttpStatus.BAD_REQUEST, "Change refused", e.getMessage())))
                .onErrorResume(IllegalArgumentException.class,
                        e -> Mono.from(problem(response, HttpStatus.BAD_REQUEST, "Change refused", e.getMessage())))
                .onErrorResume(e -> !(e instanceof IllegalArgumentException), e -> {
                    log.error("Route change {} on {} failed", action, id, e);
                    return Mono.from(problem(response, HttpStatus.INTERNAL_SERVER_ERROR, "Change failed", e.getMessage()));
                });
    }

    /** 409 with the route's current version, in the body ({@code currentVersion}) and as the ETag. */
    private static Publisher<Void> conflict(HttpServerResponse response, VersionConflictException e) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", "Version conflict");
        body.put("status", HttpStatus.CONFLICT.value());
        body.put("detail", e.getMessage());
        body.put("route", e.routeId());
        body.put("expectedVersion", e.expected());
        body.put("currentVersion", e.current());
        return response.status(HttpStatus.CONFLICT.value()).header("Content-Type", Problems.PROBLEM_JSON)
                .header("ETag", ExpectedVersion.etag(e.current()))
                .sendString(Mono.just(JSON.writeValueAsString(body)));
    }

    /** A probe: 200 when {@code up}, else 503, with the state word; no token needed, nothing else shown. */
    private static Publisher<Void> health(HttpServerResponse response, boolean up, String state) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", up ? "UP" : "DOWN");
        body.put("state", state);
        return json(response, up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, body);
    }

    private Publisher<Void> scrape(HttpServerRequest request, HttpServerResponse response) {
        return response.status(200)
                .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .sendString(Mono.fromCallable(prometheus::scrape));
    }

    private static Publisher<Void> json(HttpServerResponse response, HttpStatus status, JsonNode body) {
        return response.status(status.value()).header("Content-Type", "application/json")
                .sendString(Mono.just(JSON.writeValueAsString(body)));
    }

    private static Publisher<Void> problem(HttpServerResponse response, HttpStatus status, String title, String detail) {
        return response.status(status.value()).header("Content-Type", Problems.PROBLEM_JSON)
                .sendString(Mono.just(Problems.json(status, title, String.valueOf(detail), null, null)));
    }
}
