package dev.strangler.gateway.web;

import dev.strangler.gateway.autopilot.RolloutChanges;
import dev.strangler.gateway.autopilot.RolloutScheduler;
import dev.strangler.gateway.rollout.LastDecision;
import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.rollout.RolloutPlan;
import dev.strangler.gateway.rollout.RolloutState;
import dev.strangler.gateway.rollout.RolloutText;
import dev.strangler.gateway.rollout.SideFigures;
import dev.strangler.gateway.rollout.StepFigures;
import dev.strangler.gateway.routefile.InvalidRouteFileException;
import dev.strangler.gateway.routefile.RolloutYaml;
import dev.strangler.gateway.routefile.RouteStore;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.UnknownRouteException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API's rollout endpoints, registered by {@link AdminServer} behind its token: start a rollout with a plan,
 * pause, resume and abort it; and each route's {@code rollout} in {@code GET /routes}. Changes go through
 * {@link RouteStore#change}, like every admin change. Thread-safe.
 */
public final class RolloutEndpoints {

    private static final Logger log = LoggerFactory.getLogger(RolloutEndpoints.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACTOR_HEADER = "X-Strangler-Actor";

    private final RouteStore store;
    private final RolloutScheduler scheduler;
    private final Clock clock;

    /** Endpoints changing {@code store}'s routes, showing {@code scheduler}'s judgements. */
    public RolloutEndpoints(RouteStore store, RolloutScheduler scheduler, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds the endpoints to {@code routes}, each wrapped by {@code guard} (the token check). */
    HttpServerRoutes register(HttpServerRoutes routes, UnaryOperator<BiFunction<HttpServerRequest, HttpServerResponse,
            Publisher<Void>>> guard) {
        return routes
                .post("/routes/{id}/rollout", guard.apply(this::start))
                .post("/routes/{id}/rollout/pause", guard.apply((rq, rs) -> change(rq, rs, "rollout-pause",
                        (route, actor) -> RolloutChanges.pause(route, clock.instant(), actor))))
                .post("/routes/{id}/rollout/resume", guard.apply((rq, rs) -> change(rq, rs, "rollout-resume",
                        (route, actor) -> RolloutChanges.resume(route, clock.instant(), actor))))
                .post("/routes/{id}/rollout/abort", guard.apply((rq, rs) -> change(rq, rs, "rollout-abort",
                        (route, actor) -> RolloutChanges.abort(route, clock.instant(), actor))));
    }

    /** An operator's set, promote, rollback or shadow of a route, checked against its rollout (see RolloutChanges). */
    UnaryOperator<Route> byHand(String action, String actor, UnaryOperator<Route> change) {
        return route -> RolloutChanges.byHand(route, change.apply(route), action, clock.instant(), actor);
    }

    /** The route's rollout for {@code GET /routes}: plan, state, latest decision and the current step's figures. */
    JsonNode describe(Route route) {
        Rollout rollout = route.rollout();
        if (rollout == null) {
            return JSON.nullNode();
        }
        ObjectNode node = JSON.createObjectNode();
        RolloutPlan plan = rollout.plan();
        ArrayNode steps = node.putArray("steps");
        plan.steps().forEach(s -> steps.add(s.label()));
        ArrayNode holds = node.putArray("hold");
        plan.holds().forEach(h -> holds.add(RolloutText.duration(h)));
        node.put("minRequests", plan.minRequests());
        putPercent(node, "maxErrorRateIncrease", plan.maxErrorRateIncrease());
        if (plan.maxP99Ratio() == null) {
            node.putNull("maxP99Ratio");
        } else {
            node.put("maxP99Ratio", plan.maxP99Ratio());
        }
        putPercent(node, "minMatchRate", plan.minMatchRate());
        node.put("shadowPercent", plan.shadowPercent());
        RolloutState state = rollout.state();
        if (state == null) {
            node.put("status", "pending");
            return node;
        }
        node.put("status", state.status().label());
        node.put("step", state.step());
        node.put("stepLabel", rollout.step().label());
        node.put("paused", state.paused());
        node.put("since", state.since().toString());
        if (state.last() != null) {
            decision(node.putObject("last"), state.last());
        }
        RolloutScheduler.Evaluation evaluation = scheduler.evaluation(route.id());
        if (rollout.isRunning() && evaluation != null) {
            ObjectNode current = node.putObject("current");
            current.put("decision", evaluation.decision().label());
            current.put("at", evaluation.at().toString());
            evaluation.decision().reasons().forEach(current.putArray("reasons")::add);
            figures(current.putObject("figures"), evaluation.figures());
        }
        return node;
    }

    private Publisher<Void> start(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(text -> {
            RolloutPlan plan;
            try {
                plan = RolloutYaml.readPlan(text, "rollout plan", request.param("id"));
            } catch (InvalidRouteFileException e) {
                return Mono.from(problem(response, HttpStatus.BAD_REQUEST, "Rollout plan refused", e.getMessage()));
            }
            return Mono.from(change(request, response, "rollout-start",
                    (route, actor) -> RolloutChanges.start(route, plan, clock.instant(), actor)));
        });
    }

    private Publisher<Void> change(HttpServerRequest request, HttpServerResponse response, String action,
                                   BiFunction<Route, String, Route> change) {
        String actor = request.requestHeaders().get(ACTOR_HEADER, "admin-api");
        String id = request.param("id");
        return Mono.fromCallable(() -> store.change(id, actor, action, route -> change.apply(route, actor)))
                .subscribeOn(Schedulers.boundedElastic()) // writes and fsyncs the route file and the audit log
                .flatMap(route -> {
                    ObjectNode body = RouteDescriptions.describe(route);
                    body.set("rollout", describe(route));
                    return Mono.from(response.status(200).header("Content-Type", "application/json")
                            .sendString(Mono.just(JSON.writeValueAsString(body))));
                })
                .onErrorResume(UnknownRouteException.class,
                        e -> Mono.from(problem(response, HttpStatus.NOT_FOUND, "Unknown route", e.getMessage())))
                .onErrorResume(IllegalArgumentException.class,
                        e -> Mono.from(problem(response, HttpStatus.BAD_REQUEST, "Change refused", e.getMessage())))
                .onErrorResume(InvalidRouteFileException.class,
                        e -> Mono.from(problem(response, HttpStatus.BAD_REQUEST, "Change refused", e.getMessage())))
                .onErrorResume(e -> !(e instanceof IllegalArgumentException), e -> {
                    log.error("Rollout change {} on {} failed", action, id, e);
                    return Mono.from(problem(response, HttpStatus.INTERNAL_SERVER_ERROR, "Change failed", e.getMessage()));
                });
    }

    private static void decision(ObjectNode node, LastDecision last) {
        node.put("decision", last.decision());
        node.put("at", last.at().toString());
        last.reasons().forEach(node.putArray("reasons")::add);
        ObjectNode figures = node.putObject("figures");
        last.figures().forEach(figures::put);
    }

    private static void figures(ObjectNode node, StepFigures figures) {
        node.put("since", figures.since().toString());
        side(node.putObject("monolith"), figures.monolith());
        side(node.putObject("target"), figures.target());
        side(node.putObject("shadowTarget"), figures.shadowTarget());
        node.put("shadowMatches", figures.shadowMatches());
        node.put("shadowMismatches", figures.shadowMismatches());
        if (figures.previousMonolith() != null) {
            side(node.putObject("previousMonolith"), figures.previousMonolith());
        }
    }

    private static void side(ObjectNode node, SideFigures side) {
        node.put("requests", side.requests());
        node.put("errors", side.errors());
        if (Double.isNaN(side.p99Millis())) {
            node.putNull("p99Ms");
        } else {
            node.put("p99Ms", side.p99Millis());
        }
    }

    private static void putPercent(ObjectNode node, String name, Double fraction) {
        if (fraction == null) {
            node.putNull(name);
        } else {
            node.put(name, RolloutText.percent(fraction));
        }
    }

    private static Publisher<Void> problem(HttpServerResponse response, HttpStatus status, String title, String detail) {
        return response.status(status.value()).header("Content-Type", Problems.PROBLEM_JSON)
                .sendString(Mono.just(Problems.json(status, title, String.valueOf(detail), null, null)));
    }
}
