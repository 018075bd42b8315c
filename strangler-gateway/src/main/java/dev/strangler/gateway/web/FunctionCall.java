package dev.strangler.gateway.web;

import dev.strangler.gateway.lambda.HttpApiEvents;
import dev.strangler.gateway.lambda.InvocationOutcome;
import dev.strangler.gateway.lambda.LambdaInvoker;
import dev.strangler.gateway.lambda.LambdaResponse;
import dev.strangler.gateway.lambda.MalformedReplyException;
import dev.strangler.gateway.routing.InvocationType;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteMatch;
import dev.strangler.gateway.routing.RouteTarget;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Serves a request with a route's Lambda function: reads the body within the limit, builds the event, invokes, and
 * writes the reply (or 202 once Lambda queued the event of a fire-and-forget route, {@code invocation: event}), or
 * hands the {@link InvocationOutcome.Failure} to {@link TargetFailures}. Thread-safe.
 */
final class FunctionCall {

    /** Exchange attribute: the Lambda request id of the invoke, for the access log. */
    static final String AWS_REQUEST_ID = FunctionCall.class.getName() + ".awsRequestId";

    private final LambdaInvoker invoker;
    private final TargetFailures failures;
    private final TargetBreakers breakers;
    private final int maxBodyBytes;

    FunctionCall(LambdaInvoker invoker, TargetFailures failures, TargetBreakers breakers, int maxBodyBytes) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.breakers = Objects.requireNonNull(breakers, "breakers");
        this.failures = Objects.requireNonNull(failures, "failures");
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be 0 or more, but was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Invokes {@code function} for the exchange matched by {@code match}; {@code monolith} serves a fallback. */
    Mono<Void> serve(ServerWebExchange exchange, Function<ServerWebExchange, Mono<Void>> monolith, RouteMatch match,
                     RouteTarget.LambdaFunction function) {
        ServerHttpRequest request = exchange.getRequest();
        Route route = match.route();
        long declared = request.getHeaders().getContentLength();
        if (breakers.isOpen(function)) {
            return failures.circuitOpen(exchange, monolith, route, TargetFailures.UNREAD, breakers.waitInOpen());
        }
        if (declared > maxBodyBytes) {
            // refused before reading: the body is still unread, so the monolith could take it whole
            return failures.handle(exchange, monolith, route, TargetFailures.UNREAD, new InvocationOutcome.TooLarge(declared));
        }
        return read(request, declared)
                .flatMap(body -> breakers.run(function, invoke(exchange, match, function, body), FunctionCall::isTargetFailure)
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(outcome -> outcome.isEmpty()
                                ? failures.circuitOpen(exchange, monolith, route, body, breakers.waitInOpen())
                                : answer(exchange, monolith, route, function, outcome.get(), body)))
                .onErrorResume(DataBufferLimitException.class,
                        e -> failures.handle(exchange, monolith, route, null, new InvocationOutcome.TooLarge(-1)));
    }

    /**
     * Whether an outcome counts against the function in its circuit breaker: errors, timeouts and failures to invoke
     * do; throttling (a capacity limit, not a broken function) and bodies over the limit do not.
     */
    static boolean isTargetFailure(InvocationOutcome outcome) {
        return outcome instanceof InvocationOutcome.FunctionError || outcome instanceof InvocationOutcome.FunctionTimeout
                || outcome instanceof InvocationOutcome.Timeout || outcome instanceof InvocationOutcome.NotInvoked;
    }

    /** The body, read whole up to the limit; most requests to a function are bodiless GETs, known from the headers. */
    private Mono<byte[]> read(ServerHttpRequest request, long declared) {
        return ExchangeEvents.hasNoBody(request, declared) ? Mono.just(ExchangeEvents.NO_BODY)
                : DataBufferUtils.join(request.getBody(), maxBodyBytes)
                .map(ExchangeEvents::bytes)
                .defaultIfEmpty(ExchangeEvents.NO_BODY);
    }

    private Mono<InvocationOutcome> invoke(ServerWebExchange exchange, RouteMatch match, RouteTarget.LambdaFunction function,
                                           byte[] body) {
        byte[] payload = HttpApiEvents.toEvent(ExchangeEvents.toLambdaRequest(exchange, match, body, false),
                function.payloadFormat());
        return match.route().invocation() == InvocationType.EVENT
                ? Mono.fromFuture(() -> invoker.invokeEvent(function.function(), function.qualifier(), payload))
                : Mono.fromFuture(() -> invoker.invoke(function.function(), function.qualifier(), payload));
    }

    private Mono<Void> answer(ServerWebExchange exchange, Function<ServerWebExchange, Mono<Void>> monolith, Route route,
                              RouteTarget.LambdaFunction function, InvocationOutcome outcome, byte[] body) {
        if (outcome.awsRequestId() != null) {
            exchange.getAttributes().put(AWS_REQUEST_ID, outcome.awsRequestId());
        }
        if (outcome instanceof InvocationOutcome.Failure failure) {
            return failures.handle(exchange, monolith, route, body, failure);
        }
        if (outcome instanceof InvocationOutcome.Accepted) {
            return accepted(exchange);
        }
        InvocationOutcome.Reply reply = (InvocationOutcome.Reply) outcome;
        LambdaResponse response;
        try {
            response = HttpApiEvents.toResponse(reply.payload(), function.payloadFormat());
        } catch (MalformedReplyException e) {
            return failures.handle(exchange, monolith, route, body,
                    new InvocationOutcome.FunctionError("malformed reply: " + e.getMessage(), reply.awsRequestId()));
        }
        return ExchangeEvents.write(exchange.getResponse(), response);
    }

    /** A fire-and-forget route's answer once Lambda queued the event: 202, no body (the request id header is set already). */
    private static Mono<Void> accepted(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.ACCEPTED);
        exchange.getResponse().getHeaders().setContentLength(0);
        return exchange.getResponse().setComplete();
    }
}
