package dev.strangler.gateway.web;

import dev.strangler.gateway.routing.RouteTarget;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import reactor.core.publisher.Mono;

/**
 * One circuit breaker per route target (Resilience4j through Spring Cloud CircuitBreaker), named by the target's
 * description ({@code lambda:orders-fn}, {@code url:http://...}), so routes sharing a target share its breaker; and,
 * for URL targets, their active health ({@link TargetHealth}). A target is kept out of the path while its breaker is
 * open or it is unhealthy; a half-open breaker lets a few probe calls through and closes when they do. Thread-safe.
 */
public final class TargetBreakers {

    private final ReactiveCircuitBreakerFactory<?, ?> factory;
    private final CircuitBreakerRegistry registry;
    private final TargetHealth health;
    private final Duration waitInOpen;
    private final Map<String, ReactiveCircuitBreaker> breakers = new ConcurrentHashMap<>();

    private TargetBreakers(ReactiveCircuitBreakerFactory<?, ?> factory, CircuitBreakerRegistry registry,
                           TargetHealth health, Duration waitInOpen) {
        this.factory = factory;
        this.registry = registry;
        this.health = health;
        this.waitInOpen = waitInOpen;
    }

    /**
     * Breakers made by {@code factory}, whose Resilience4j breakers live in {@code registry}; URL targets' health from
     * {@code health} (null: no health checks); an open breaker waits {@code waitInOpen} before it half-opens.
     */
    public static TargetBreakers of(ReactiveCircuitBreakerFactory<?, ?> factory, CircuitBreakerRegistry registry,
                                    TargetHealth health, Duration waitInOpen) {
        return new TargetBreakers(Objects.requireNonNull(factory, "factory"), Objects.requireNonNull(registry, "registry"),
                health, Objects.requireNonNull(waitInOpen, "waitInOpen"));
    }

    /** No breakers: every call goes through, every target is closed; URL targets' health from {@code health} (or none). */
    public static TargetBreakers off(TargetHealth health) {
        return new TargetBreakers(null, null, health, Duration.ZERO);
    }

    /** How long an open breaker keeps its target out, to tell clients when to retry. */
    Duration waitInOpen() {
        return waitInOpen;
    }

    /** Whether {@code target} is out of the path now: its breaker is open, or it is a URL target failing its health checks. */
    boolean isOpen(RouteTarget target) {
        if (target instanceof RouteTarget.HttpService service && health != null && !health.isHealthy(service.uri())) {
            return true;
        }
        return breakerOf(target).map(b -> b.getState() == CircuitBreaker.State.OPEN
                || b.getState() == CircuitBreaker.State.FORCED_OPEN).orElse(false);
    }

    /**
     * Runs {@code call} through {@code target}'s breaker: a value for which {@code failed} holds counts as a failure
     * (and is still emitted), an error counts and is passed on. Empty when the breaker refuses the call (open, or
     * half-open with its probes taken); the call is then not subscribed.
     */
    <T> Mono<T> run(RouteTarget target, Mono<T> call, Predicate<T> failed) {
        if (factory == null) {
            return call;
        }
        ReactiveCircuitBreaker breaker = breakers.computeIfAbsent(target.describe(), factory::create);
        return breaker.run(call.flatMap(value -> failed.test(value) ? Mono.error(new CountedFailure(value)) : Mono.just(value)),
                error -> {
                    if (error instanceof CountedFailure counted) {
                        @SuppressWarnings("unchecked")
                        T value = (T) counted.value;
                        return Mono.just(value);
                    }
                    return error instanceof CallNotPermittedException ? Mono.empty() : Mono.error(error);
                });
    }

    /**
     * The state of {@code target} for the admin API: {@code state} ({@code closed}, {@code open}, {@code half_open},
     * {@code off} without breakers), {@code failureRate} (percent of the window, null until enough calls) and, for a
     * URL target, {@code healthy}. Empty for the monolith.
     */
    Optional<Map<String, Object>> stateOf(RouteTarget target) {
        if (target instanceof RouteTarget.Monolith) {
            return Optional.empty();
        }
        Map<String, Object> state = new LinkedHashMap<>();
        Optional<CircuitBreaker> breaker = breakerOf(target);
        state.put("target", target.describe());
        state.put("state", factory == null ? "off"
                : breaker.map(b -> b.getState().name().toLowerCase(Locale.ROOT)).orElse("closed"));
        float rate = breaker.map(b -> b.getMetrics().getFailureRate()).orElse(-1f);
        state.put("failureRate", rate < 0 ? null : rate);
        if (target instanceof RouteTarget.HttpService service) {
            state.put("healthy", health == null || health.isHealthy(service.uri()));
        }
        return Optional.of(state);
    }

    private Optional<CircuitBreaker> breakerOf(RouteTarget target) {
        return registry == null ? Optional.empty() : registry.find(target.describe());
    }

    /** Carries a value the breaker must count as a failure through its error channel; no stack trace. */
    private static final class CountedFailure extends RuntimeException {
        final transient Object value;

        CountedFailure(Object value) {
            super("counted as a failure of the target", null, false, false);
            this.value = value;
        }
    }
}
