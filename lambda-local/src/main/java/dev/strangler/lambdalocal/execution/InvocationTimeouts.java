package dev.strangler.lambdalocal.execution;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The two clocks that fail an invocation in its runtime's place, with Lambda's error: the function's timeout, counted
 * from the handover of the event, and the init timeout of an event that waits for a runtime still starting.
 *
 * <p>Stateless and thread-safe; each clock is cancelled by what it waits for.
 */
final class InvocationTimeouts {
    /**
     * How long a new environment may take to ask for its first event: AWS allows 10 s of init. A machine much slower
     * than Lambda's (a busy build machine starting a Spring function) may need more:
     * {@code -Dlambda-local.init-timeout-ms=N}.
     */
    static final long INIT_TIMEOUT_MILLIS = Long.getLong("lambda-local.init-timeout-ms", 10_000);

    private InvocationTimeouts() {
    }

    /** Once the event is handed out, fails the invocation at its deadline unless it has its answer by then. */
    static void watchDeadline(Invocation invocation, long timeoutMillis, ScheduledExecutorService timer) {
        invocation.delivered.thenRun(() -> {
            if (!invocation.answer.isDone()) {
                ScheduledFuture<?> deadline = timer.schedule(() -> invocation.finish(timedOut(invocation, timeoutMillis)),
                        Math.max(invocation.deadlineEpochMillis() - System.currentTimeMillis(), 0), TimeUnit.MILLISECONDS);
                invocation.answer.thenRun(() -> deadline.cancel(false));
            }
        });
    }

    /** Fails the invocation if environment {@code environmentId} does not ask for its event within the init timeout. */
    static void watchInit(Invocation invocation, String environmentId, ScheduledExecutorService timer) {
        ScheduledFuture<?> initWatch = timer.schedule(() -> invocation.finish(new Invocation.Answer(
                Environment.errorJson("Runtime.InitTimeout", "RequestId: " + invocation.requestId()
                        + " Error: environment " + environmentId + " did not ask for an event within "
                        + INIT_TIMEOUT_MILLIS + " ms; see its log"),
                true, false)), INIT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        invocation.delivered.thenRun(() -> initWatch.cancel(false));
    }

    private static Invocation.Answer timedOut(Invocation invocation, long timeoutMillis) {
        String message = Instant.now() + " " + invocation.requestId() + " Task timed out after "
                + String.format(Locale.ROOT, "%.2f", timeoutMillis / 1000.0) + " seconds";
        return new Invocation.Answer(("{\"errorMessage\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8),
                true, false);
    }
}
