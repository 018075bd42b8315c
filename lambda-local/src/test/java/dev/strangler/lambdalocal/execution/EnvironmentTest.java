package dev.strangler.lambdalocal.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an environment hands out events when the runtime's {@code next} connection goes away. The process is a
 * plain {@code sleep}: these tests play the runtime themselves, through the calls the Runtime API makes.
 */
class EnvironmentTest {
    private static final byte[] EVENT = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private Environment environment;

    @BeforeEach
    void start() throws Exception {
        Path log = Files.createFile(folder.resolve("environment.log"));
        environment = Environment.start("test-1-ab", List.of("sleep", "30"), Map.of("PATH", System.getenv("PATH")),
                folder, log);
    }

    @AfterEach
    void stop() {
        environment.stop();
        timer.shutdownNow();
    }

    @Test
    void keeps_an_event_for_the_next_call_when_the_waiting_next_was_withdrawn() {
        AtomicReference<Invocation> gone = new AtomicReference<>();
        AtomicReference<Invocation> next = new AtomicReference<>();
        Consumer<Invocation> closedConnection = gone::set;
        environment.awaitNext(closedConnection);

        environment.withdraw(closedConnection);
        CompletableFuture<InvocationResult> result = environment.start(invocation("r-1", 3000), 3000, 128, timer);
        environment.awaitNext(next::set);
        environment.respond("r-1", "\"done\"".getBytes(StandardCharsets.UTF_8));

        assertThat(gone.get()).isNull();
        assertThat(next.get().requestId()).isEqualTo("r-1");
        assertThat(result.join().payload()).asString(StandardCharsets.UTF_8).isEqualTo("\"done\"");
    }

    @Test
    void hands_an_event_that_could_not_be_written_to_the_runtimes_next_call() {
        AtomicReference<Invocation> lost = new AtomicReference<>();
        AtomicReference<Invocation> next = new AtomicReference<>();
        environment.awaitNext(lost::set);
        CompletableFuture<InvocationResult> result = environment.start(invocation("r-2", 3000), 3000, 128, timer);

        environment.redeliver(lost.get());
        environment.awaitNext(next::set);
        environment.respond("r-2", "\"again\"".getBytes(StandardCharsets.UTF_8));

        assertThat(lost.get().requestId()).isEqualTo("r-2");
        assertThat(next.get()).isSameAs(lost.get());
        assertThat(result.join().hasFunctionError()).isFalse();
    }

    @Test
    void fails_an_event_that_could_not_be_written_when_the_runtime_does_not_ask_again() throws Exception {
        AtomicReference<Invocation> lost = new AtomicReference<>();
        environment.awaitNext(lost::set);
        CompletableFuture<InvocationResult> result = environment.start(invocation("r-3", 200), 200, 128, timer);

        environment.redeliver(lost.get());

        InvocationResult timedOut = result.get(5, TimeUnit.SECONDS);
        assertThat(timedOut.hasFunctionError()).isTrue();
        assertThat(timedOut.payload()).asString(StandardCharsets.UTF_8).contains("Task timed out after 0.20 seconds");
    }

    private static Invocation invocation(String requestId, long timeoutMillis) {
        return new Invocation(requestId, EVENT, "arn:aws:lambda:us-east-1:000000000000:function:test", "Root=1-a-b",
                null, timeoutMillis);
    }
}
