package dev.strangler.gateway.config;

import dev.strangler.gateway.autopilot.RolloutMeters;
import dev.strangler.gateway.autopilot.RolloutScheduler;
import dev.strangler.gateway.drain.Drain;
import dev.strangler.gateway.lambda.LambdaInvoker;
import dev.strangler.gateway.lambda.SdkLambdaInvoker;
import dev.strangler.gateway.netty.SharedEventLoops;
import dev.strangler.gateway.rollout.RolloutFigures;
import dev.strangler.gateway.routefile.AuditLog;
import dev.strangler.gateway.routefile.RouteStore;
import dev.strangler.gateway.routedb.PostgresRouteSource;
import dev.strangler.gateway.routedb.StoreSettings;
import dev.strangler.gateway.web.AdminServer;
import dev.strangler.gateway.web.GrpcOnlyHeadersFilter;
import dev.strangler.gateway.web.HopByHopOnlyWhenPresentFilter;
import dev.strangler.gateway.web.RequestIdFilter;
import dev.strangler.gateway.web.RolloutEndpoints;
import dev.strangler.gateway.web.TraceHeadersFilter;
import dev.strangler.gateway.web.RouteMetrics;
import dev.strangler.gateway.web.ShadowTraffic;
import dev.strangler.gateway.web.StranglerFilter;
import dev.strangler.gateway.web.TargetBreakers;
import dev.strangler.gateway.web.TargetHealth;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.core.instrument.Gauge;
import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.PropertySource;
import org.springframework.web.server.WebFilter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Wires the strangler gateway: the live route table, the Lambda invoker, the filters, the catch-all route, the admin
 * API, and the gateway's defaults for Spring Cloud Gateway ({@code strangler-gateway-defaults.properties}: the features
 * no strangler route uses are off); {@link EventLoopsConfiguration} wires the loops they run on and
 * {@link DrainConfiguration} the graceful shutdown. Off under the {@code plain} profile, a bare Spring Cloud Gateway
 * route for benchmarks.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!plain")
@PropertySource("classpath:strangler-gateway-defaults.properties")
@EnableConfigurationProperties({MonolithProperties.class, RoutesProperties.class, RouteStoreProperties.class,
        LambdaProperties.class, AdminProperties.class, ShadowProperties.class, ShutdownProperties.class,
        CircuitBreakerProperties.class, HealthCheckProperties.class, RolloutProperties.class, ProxyProperties.class})
public class GatewayConfiguration {

    /** The route id of the catch-all route to the monolith. */
    public static final String MONOLITH_ROUTE = "monolith";

    /** The route file, or the shared route store when its URL is set (exactly one of them). */
    @Bean(destroyMethod = "close")
    RouteStore routeStore(RoutesProperties routes, RouteStoreProperties shared) {
        if (shared.isSet() && routes.file() != null) {
            throw new IllegalArgumentException("both a route file (" + routes.file() + ") and a route store ("
                    + StoreSettings.of(shared.url(), null, null).location() + ") are set; give one: --routes FILE, or"
                    + " --route-store URL (seed it from the file with ./strangler routes import)");
        }
        if (shared.isSet()) {
            return RouteStore.open(PostgresRouteSource.connect(new StoreSettings(shared.url(), shared.user(),
                    shared.password(), shared.notifications(), shared.reconnectDelay()), Clock.systemUTC()));
        }
        if (routes.file() == null) {
            throw new IllegalArgumentException("no routes: give a route file (--routes FILE, STRANGLER_ROUTES_FILE) or"
                    + " a shared route store (--route-store jdbc:postgresql://host:5432/db, STRANGLER_ROUTES_STORE_URL)");
        }
        return RouteStore.open(routes.file(), new AuditLog(routes.auditLogOrDefault()), Clock.systemUTC());
    }

    /** Checks the route file, or the shared store, for changes made elsewhere; the store's notices come sooner. */
    @Bean(destroyMethod = "dispose")
    Disposable routeFileWatcher(RouteStore store, RoutesProperties routes) {
        return Flux.interval(routes.reloadInterval(), Schedulers.boundedElastic())
                .subscribe(tick -> store.reloadIfChanged());
    }

    @Bean(destroyMethod = "close")
    SdkLambdaInvoker lambdaInvoker(LambdaProperties lambda, SharedEventLoops loops) {
        return SdkLambdaInvoker.create(lambda.endpoint(), lambda.region(), lambda.invokeTimeout(), lambda.maxConcurrency(),
                loops.lanes(), loops.socketChannels());
    }

    /**
     * The registry behind the admin API's /metrics, with {@code strangler_jvm_allocated_bytes}: heap bytes allocated
     * by all threads since start, as the JVM counts them ({@link AllocatedBytes}; read on scrape only; the benchmarks
     * divide its growth by the requests served).
     */
    @Bean
    PrometheusMeterRegistry prometheusMeterRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AllocatedBytes.ofThisJvm().ifPresent(allocated -> Gauge.builder("strangler.jvm.allocated", allocated,
                        AllocatedBytes::read)
                .baseUnit("bytes").description("Heap bytes allocated by all threads since the gateway started")
                .register(registry));
        return registry;
    }

    /** The step windows of routes in a rollout, fed by {@link RouteMetrics}. */
    @Bean
    RolloutFigures rolloutFigures() {
        return new RolloutFigures();
    }

    @Bean
    RouteMetrics routeMetrics(PrometheusMeterRegistry registry, RolloutFigures rollouts) {
        return new RouteMetrics(registry, rollouts);
    }

    @Bean(destroyMethod = "close")
    RolloutScheduler rolloutScheduler(RouteStore store, RolloutFigures figures, PrometheusMeterRegistry registry,
                                      RolloutProperties rollout) {
        return new RolloutScheduler(store, figures, new RolloutMeters(registry), Clock.systemUTC()).start(rollout.interval());
    }

    /** Static: a post-processor must exist before the beans it processes. */
    @Bean
    static BeanPostProcessor grpcOnlyHeadersFilter() {
        return GrpcOnlyHeadersFilter.replacer();
    }

    /** Static: a post-processor must exist before the beans it processes. */
    @Bean
    static BeanPostProcessor hopByHopOnlyWhenPresentFilter() {
        return HopByHopOnlyWhenPresentFilter.replacer();
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    TraceHeadersFilter traceHeadersFilter() {
        return new TraceHeadersFilter();
    }

    @Bean(destroyMethod = "close")
    ShadowTraffic shadowTraffic(LambdaInvoker invoker, RouteMetrics metrics, ShadowProperties shadow, SharedEventLoops loops) {
        return ShadowTraffic.create(invoker, metrics, shadow.maxBodyBytes(), shadow.maxInFlight(), shadow.timeout(), loops);
    }

    @Bean
    GlobalFilter monolithBodyTap(ShadowTraffic shadows) {
        return shadows.monolithBodyTap();
    }

    /** Active health checks of URL targets, on one of the shared loops. */
    @Bean(destroyMethod = "close")
    TargetHealth targetHealth(HealthCheckProperties check, RouteStore store, PrometheusMeterRegistry registry,
                              SharedEventLoops loops) {
        return !check.enabled() ? TargetHealth.off() : TargetHealth.start(store::table, check.path(), check.interval(), check.timeout(),
                check.unhealthyAfter(), registry, loops, loops.lanes().get(0).next());
    }

    /**
     * A circuit breaker per route target: Resilience4j through Spring Cloud CircuitBreaker's reactive factory, with
     * the settings of {@code strangler.circuit-breaker.*}, no time limiter (the invoke and response timeouts bound
     * each call) and no bulkhead; state and calls on /metrics.
     */
    @Bean
    TargetBreakers targetBreakers(CircuitBreakerProperties breaker, TargetHealth health, PrometheusMeterRegistry registry) {
        if (!breaker.enabled()) {
            return TargetBreakers.off(health);
        }
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.waitInOpen())
                // half-open when the wait is over, without a request having to come first: isOpen() reads the state
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                .build();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(config);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        Resilience4JConfigurationProperties properties = new Resilience4JConfigurationProperties();
        properties.setDisableTimeLimiter(true);
        ReactiveResilience4JCircuitBreakerFactory factory = new ReactiveResilience4JCircuitBreakerFactory(breakers,
                TimeLimiterRegistry.ofDefaults(), null, properties);
        factory.configureDefault(id -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(config).build());
        return TargetBreakers.of(factory, breakers, health, breaker.waitInOpen());
    }

    @Bean
    StranglerFilter stranglerFilter(RouteStore store, LambdaInvoker invoker, RouteMetrics metrics, LambdaProperties lambda,
                                    ShadowTraffic shadows, TargetBreakers breakers) {
        return new StranglerFilter(store, invoker, metrics, lambda.maxBodyBytes(), shadows, breakers);
    }

    /** Serves function routes ahead of WebFlux's dispatch and Spring Cloud Gateway's chain (see the filter). */
    @Bean
    WebFilter stranglerAheadFilter(StranglerFilter stranglerFilter) {
        return stranglerFilter.aheadOfDispatch();
    }

    @Bean
    RouteLocator monolithRoute(RouteLocatorBuilder builder, MonolithProperties monolith) {
        return builder.routes()
                // every request: no path pattern to match and no template variables to keep per request; ordered
                // last, so that routes declared in Spring Cloud Gateway's own configuration are matched first
                .route(MONOLITH_ROUTE, r -> r.order(Ordered.LOWEST_PRECEDENCE).alwaysTrue()
                        .metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) monolith.connectTimeout().toMillis())
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, monolith.responseTimeout().toMillis())
                        .uri(monolith.uri()))
                .build();
    }

    @Bean(destroyMethod = "close")
    AdminServer adminServer(AdminProperties admin, RouteStore store, RouteMetrics metrics, PrometheusMeterRegistry registry,
                            Drain drain, TargetBreakers breakers, RolloutScheduler rollouts) {
        return AdminServer.start(admin.address(), admin.port(), admin.token(), store, metrics, registry, drain, breakers,
                new RolloutEndpoints(store, rollouts, Clock.systemUTC()));
    }
}
