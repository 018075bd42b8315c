package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.lambda.InvocationOutcome;
import dev.strangler.gateway.routing.RouteTarget;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import reactor.core.publisher.Mono;

/** The breaker's life on values, with the real Resilience4j breaker behind Spring Cloud CircuitBreaker's factory. */
class TargetBreakersTest {

    private static final RouteTarget FUNCTION = new RouteTarget.LambdaFunction("orders-fn", null, null);
    private static final InvocationOutcome FAILED = new InvocationOutcome.FunctionError("Unhandled", null);
    private static final InvocationOutcome REPLY = new InvocationOutcome.Reply(new byte[0], null);

    private final AtomicInteger calls = new AtomicInteger();
    private final TargetBreakers breakers = breakers(Duration.ofMillis(300));

    @Test
    void failures_over_the_rate_open_the_breaker_which_then_refuses_without_calling() {
        run(REPLY);
        run(FAILED);
        run(FAILED);
        assertThat(breakers.isOpen(FUNCTION)).isFalse(); // 3 calls: under the minimum of 4
        InvocationOutcome fourth = run(FAILED);

        InvocationOutcome refused = run(REPLY);

        assertThat(fourth).isEqualTo(FAILED); // a counted failure is still handed back to be answered
        assertThat(breakers.isOpen(FUNCTION)).isTrue();
        assertThat(refused).isNull();
        assertThat(calls).hasValue(4);
        assertThat(breakers.stateOf(FUNCTION)).hasValueSatisfying(state -> assertThat(state)
                .containsEntry("state", "open").containsEntry("failureRate", 75.0f).containsEntry("target", "lambda:orders-fn"));
    }

    @Test
    void after_the_wait_a_probe_that_succeeds_closes_it_and_one_that_fails_opens_it_again() throws Exception {
        for (int i = 0; i < 4; i++) {
            run(FAILED);
        }
        Thread.sleep(600);
        assertThat(breakers.stateOf(FUNCTION).orElseThrow()).containsEntry("state", "half_open");
        assertThat(breakers.isOpen(FUNCTION)).isFalse();

        run(FAILED);
        boolean reopened = breakers.isOpen(FUNCTION);
        Thread.sleep(600);
        run(REPLY);

        assertThat(reopened).isTrue();
        assertThat(breakers.stateOf(FUNCTION).orElseThrow()).containsEntry("state", "closed");
        assertThat(run(REPLY)).isEqualTo(REPLY);
    }

    @Test
    void throttling_does_not_count_against_a_function() {
        InvocationOutcome throttled = new InvocationOutcome.Throttled("limit", 1);
        for (int i = 0; i < 6; i++) {
            run(throttled);
        }

        assertThat(breakers.isOpen(FUNCTION)).isFalse();
        assertThat(FunctionCall.isTargetFailure(throttled)).isFalse();
        assertThat(FunctionCall.isTargetFailure(new InvocationOutcome.Timeout(Duration.ofSeconds(1)))).isTrue();
    }

    @Test
    void without_breakers_everything_goes_through_and_the_state_says_off() {
        TargetBreakers off = TargetBreakers.off(null);

        assertThat(off.run(FUNCTION, Mono.just(FAILED), FunctionCall::isTargetFailure).block()).isEqualTo(FAILED);
        assertThat(off.isOpen(FUNCTION)).isFalse();
        assertThat(off.stateOf(FUNCTION).orElseThrow()).containsEntry("state", "off");
        assertThat(off.stateOf(new RouteTarget.Monolith())).isEmpty();
    }

    private InvocationOutcome run(InvocationOutcome outcome) {
        return breakers.run(FUNCTION, Mono.fromSupplier(() -> {
            calls.incrementAndGet();
            return outcome;
        }), FunctionCall::isTargetFailure).block(Duration.ofSeconds(5));
    }

    private static TargetBreakers breakers(Duration wait) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom().slidingWindowSize(4).minimumNumberOfCalls(4)
                .failureRateThreshold(50).waitDurationInOpenState(wait).automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1).build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
        Resilience4JConfigurationProperties properties = new Resilience4JConfigurationProperties();
        properties.setDisableTimeLimiter(true);
        ReactiveResilience4JCircuitBreakerFactory factory = new ReactiveResilience4JCircuitBreakerFactory(registry,
                TimeLimiterRegistry.ofDefaults(), null, properties);
        factory.configureDefault(id -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(config).build());
        return TargetBreakers.of(factory, registry, null, wait);
    }
}
