package dev.strangler.gateway.web;

import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import dev.strangler.gateway.routing.RouteTarget;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Active health checks of the URL targets of the route table in force: every interval, {@code GET <base><path>} on
 * each; any answer below 500 within the timeout passes (a 404 still shows a running service). A target that failed
 * {@code unhealthyAfter} checks in a row is unhealthy until one passes; a target not checked yet is healthy. Each
 * target's health is the gauge {@code strangler.target.healthy} (1 or 0). Thread-safe.
 */
public final class TargetHealth implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TargetHealth.class);

    private final Supplier<RouteTable> table;
    private final String path;
    private final Duration timeout;
    private final int unhealthyAfter;
    private final MeterRegistry registry;
    private final Map<URI, AtomicInteger> failuresInRow = new ConcurrentHashMap<>();
    private final ConnectionProvider connections;
    private final HttpClient http;
    private final ScheduledFuture<?> schedule;

    private TargetHealth(Supplier<RouteTable> table, String path, Duration interval, Duration timeout, int unhealthyAfter,
                         MeterRegistry registry, LoopResources loops, ScheduledExecutorService timer) {
        this.table = Objects.requireNonNull(table, "table");
        this.path = Objects.requireNonNull(path, "path");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (unhealthyAfter < 1) {
            throw new IllegalArgumentException("unhealthyAfter must be at least 1, but was " + unhealthyAfter);
        }
        this.unhealthyAfter = unhealthyAfter;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.connections = ConnectionProvider.builder("strangler-health").maxConnections(16).build();
        this.http = HttpClient.create(connections).runOn(loops)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout);
        long millis = interval.toMillis();
        this.schedule = timer.scheduleWithFixedDelay(this::checkAll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Checks the URL targets of {@code table} every {@code interval} on {@code timer}, with a client on {@code loops}.
     */
    public static TargetHealth start(Supplier<RouteTable> table, String path, Duration interval, Duration timeout,
                                     int unhealthyAfter, MeterRegistry registry, LoopResources loops,
                                     ScheduledExecutorService timer) {
        return new TargetHealth(table, path, interval, timeout, unhealthyAfter, registry, loops, timer);
    }

    /** No health checks: every URL target is healthy. */
    public static TargetHealth off() {
        return new TargetHealth();
    }

    private TargetHealth() {
        this.table = RouteTable::empty;
        this.path = "/";
        this.timeout = Duration.ZERO;
        this.unhealthyAfter = Integer.MAX_VALUE;
        this.registry = null;
        this.connections = null;
        this.http = null;
        this.schedule = null;
    }

    /** Whether the URL target at {@code base} may serve requests (not failed {@code unhealthyAfter} checks in a row). */
    public boolean isHealthy(URI base) {
        AtomicInteger failures = failuresInRow.get(base);
        return failures == null || failures.get() < unhealthyAfter;
    }

    /** Checks every URL target of the table in force once, now; completes when all answered or timed out. */
    Mono<Void> checkNow() {
        Set<URI> targets = table.get().routes().stream().map(Route::target)
                .filter(RouteTarget.HttpService.class::isInstance)
                .map(target -> ((RouteTarget.HttpService) target).uri())
                .collect(Collectors.toSet());
        failuresInRow.keySet().retainAll(targets);
        return Flux.fromIterable(targets).flatMap(this::check).then();
    }

    private void checkAll() {
        checkNow().subscribe(null, e -> log.warn("Health checks of URL targets failed", e));
    }

    private Mono<Void> check(URI base) {
        URI url = URI.create(base.toString().replaceAll("/+$", "") + path);
        return http.get().uri(url)
                .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                .timeout(timeout.plusMillis(100))
                .map(status -> status < 500)
                .onErrorReturn(false)
                .doOnNext(passed -> record(base, url, passed))
                .then();
    }

    private void record(URI base, URI url, boolean passed) {
        AtomicInteger failures = failuresInRow.computeIfAbsent(base, b -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("strangler.target.healthy", this, health -> health.isHealthy(b) ? 1 : 0)
                    .description("Whether a URL target passes its active health checks (1) or not (0)")
                    .tag("target", "url:" + b).register(registry);
            return count;
        });
        boolean wasHealthy = failures.get() < unhealthyAfter;
        int now = passed ? 0 : failures.incrementAndGet();
        if (passed) {
            failures.set(0);
        }
        boolean healthy = now < unhealthyAfter;
        if (wasHealthy != healthy) {
            if (healthy) {
                log.info("URL target {} is healthy again ({} passed)", base, url);
            } else {
                log.warn("URL target {} is unhealthy: {} failed {} checks in a row; its safe requests go to the monolith",
                        base, url, now);
            }
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
            connections.disposeLater().block(Duration.ofSeconds(5));
        }
    }
}
