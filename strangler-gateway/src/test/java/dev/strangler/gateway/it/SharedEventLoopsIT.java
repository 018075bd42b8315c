package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.lambda.InvocationOutcome;
import dev.strangler.gateway.lambda.SdkLambdaInvoker;
import dev.strangler.gateway.netty.SharedEventLoops;
import dev.strangler.gateway.web.InFlightFilter;
import dev.strangler.gateway.web.RequestIdFilter;
import dev.strangler.gateway.web.StranglerFilter;
import io.netty.channel.EventLoopGroup;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.web.server.WebFilter;

/** The gateway's one set of event loops: requests stay on the loop that read them, and no other pool is started. */
class SharedEventLoopsIT {

    private static final byte[] EVENT = """
            {"version":"2.0","routeKey":"GET /x","rawPath":"/x","rawQueryString":"","headers":{},
             "requestContext":{"http":{"method":"GET","path":"/x"}},"isBase64Encoded":false}
            """.getBytes(StandardCharsets.UTF_8);

    private static TestEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        env = TestEnvironment.get();
    }

    @Test
    void an_invoke_made_on_a_loop_is_answered_on_that_loop_and_one_made_elsewhere_still_completes() throws Exception {
        try (SharedEventLoops loops = SharedEventLoops.create("affinity-test", 2)) {
            try (SdkLambdaInvoker invoker = SdkLambdaInvoker.create(env.lambdaLocal.endpoint(), null, Duration.ofSeconds(4),
                    4, loops.lanes(), loops.socketChannels())) {
                invokeOnEachLoop(loops, invoker);
            }
            // closing the clients leaves the loops (which are also their timers) to their owner
            assertThat(loops.lanes()).noneMatch(EventLoopGroup::isShuttingDown);
            assertThat(loops.lanes().get(0).submit(() -> "alive").get(5, TimeUnit.SECONDS)).isEqualTo("alive");
        }
    }

    private static void invokeOnEachLoop(SharedEventLoops loops, SdkLambdaInvoker invoker) throws Exception {
        for (int round = 0; round < 3; round++) {
            for (EventLoopGroup lane : loops.lanes()) {
                String loopThread = lane.next().submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
                // the callback is attached on the loop itself, before that loop can read the answer
                CompletableFuture<String> answeredOn = lane.next().submit(() -> invoker.invoke("echo", null, EVENT)
                                .thenApply(invocation -> {
                                    assertThat(invocation).isInstanceOf(InvocationOutcome.Reply.class);
                                    return Thread.currentThread().getName();
                                }))
                        .get(5, TimeUnit.SECONDS);
                assertThat(answeredOn.get(10, TimeUnit.SECONDS)).isEqualTo(loopThread);
            }
        }
        InvocationOutcome fromTestThread = invoker.invoke("echo", null, EVENT).get(10, TimeUnit.SECONDS);
        assertThat(fromTestThread).isInstanceOf(InvocationOutcome.Reply.class);
    }

    @Test
    void the_gateway_serves_both_sides_on_its_own_loops_without_starting_reactor_or_sdk_pools() throws Exception {
        HttpResponse<byte[]> monolith = env.send(env.request("/loops/monolith"));
        HttpResponse<byte[]> function = env.send(env.request("/fn/items/loops"));

        assertThat(monolith.statusCode()).isEqualTo(200);
        assertThat(function.statusCode()).isEqualTo(200);
        assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
                .anyMatch(name -> name.startsWith("strangler-io-"))
                // Reactor Netty's global loops, the SDK's own loops and its completion and timer pools
                .noneMatch(name -> name.startsWith("reactor-http-"))
                .noneMatch(name -> name.startsWith("aws-java-sdk-NettyEventLoop"))
                .noneMatch(name -> name.startsWith("sdk-async-response"))
                .noneMatch(name -> name.startsWith("sdk-ScheduledExecutor"));
        // one loop per core by default, not Reactor Netty's "at least 4"
        assertThat(env.gateway.getBean(SharedEventLoops.class).lanes()).hasSize(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void function_routes_are_served_by_a_web_filter_right_after_the_request_id() {
        List<WebFilter> filters = new ArrayList<>(env.gateway.getBeansOfType(WebFilter.class).values());
        AnnotationAwareOrderComparator.sort(filters);

        assertThat(filters).hasSizeGreaterThanOrEqualTo(3);
        assertThat(filters.get(0)).isInstanceOf(InFlightFilter.class); // counts every request for the drain, first
        assertThat(filters.get(1)).isInstanceOf(RequestIdFilter.class);
        assertThat(filters.get(2).getClass().getEnclosingClass()).isEqualTo(StranglerFilter.class);
    }
}
