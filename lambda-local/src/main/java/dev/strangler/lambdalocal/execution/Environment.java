package dev.strangler.lambdalocal.execution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution environment: a JVM process running the real runtime interface client against our Runtime API.
 *
 * <p>Runs one invocation at a time. Its output (stdout and stderr) goes to a log file, so each invocation's log is
 * the bytes written between its start and its answer. Thread-safe.
 */
public final class Environment {
    private static final Logger logger = LoggerFactory.getLogger(Environment.class);
    /**
     * How long a new environment may take to ask for its first event: AWS allows 10 s of init. A machine much slower
     * than Lambda's (a busy build machine starting a Spring function) may need more:
     * {@code -Dlambda-local.init-timeout-ms=N}.
     */
    private static final long INIT_TIMEOUT_MILLIS = Long.getLong("lambda-local.init-timeout-ms", 10_000);

    private final String id;
    private final Process process;
    private final EnvironmentLog log;
    private final long startedNanos;
    /** The runtime's pending {@code next}, answered by whoever has the next event; guarded by {@code this}. */
    private Consumer<Invocation> waitingRuntime;
    /** An event no runtime has asked for yet; guarded by {@code this}. */
    private Invocation queued;
    private boolean stopped;
    private volatile Invocation current;
    private volatile long initNanos = -1;
    private volatile boolean broken;
    private volatile byte[] initError;

    private Environment(String id, Process process, Path logFile, long startedNanos) {
        this.id = id;
        this.process = process;
        this.log = new EnvironmentLog(id, logFile);
        this.startedNanos = startedNanos;
        process.onExit().thenRun(this::exited);
    }

    /** Starts the process; it connects to the Runtime API on its own. */
    static Environment start(String id, List<String> command, Map<String, String> variables, Path workingDir,
                             Path logFile) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().clear();
        builder.environment().putAll(variables);
        long started = System.nanoTime();
        try {
            return new Environment(id, builder.start(), logFile, started);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start environment " + id + " with " + command.get(0)
                    + "; check that the JDK running lambda-local is complete", e);
        }
    }

    public String id() {
        return id;
    }

    /** Whether the runtime has been handed an event it has not answered yet. */
    boolean isRunningInvocation() {
        Invocation invocation = current;
        return invocation != null && invocation.delivered.isDone() && !invocation.answer.isDone();
    }

    /** Whether this environment can take another invocation. */
    boolean isUsable() {
        return !broken && process.isAlive();
    }

    /**
     * Starts one invocation: hands the event to the runtime and answers when it responds, fails, passes its timeout
     * or its process ends. A timeout or a crash breaks the environment.
     *
     * <p>The returned future completes on the thread that brings the answer (usually the one that received the
     * runtime's response), so the caller can answer its own client without another thread switch.
     */
    CompletableFuture<InvocationResult> start(Invocation invocation, long timeoutMillis, int memoryMb,
                                              ScheduledExecutorService timer) {
        long logStart = log.size();
        boolean cold = initNanos < 0;
        current = invocation;
        invocation.delivered.thenRun(() -> {
            if (!invocation.answer.isDone()) {
                ScheduledFuture<?> deadline = timer.schedule(() -> invocation.finish(timedOut(invocation, timeoutMillis)),
                        Math.max(invocation.deadlineEpochMillis() - System.currentTimeMillis(), 0), TimeUnit.MILLISECONDS);
                invocation.answer.thenRun(() -> deadline.cancel(false));
            }
        });
        CompletableFuture<InvocationResult> result = invocation.answer.thenApply(
                answer -> finish(invocation, answer, logStart, cold, memoryMb));
        hand(invocation);
        if (!invocation.delivered.isDone()) {
            // Only an event that has to wait for its runtime needs this watch; a warm runtime took it just now.
            ScheduledFuture<?> initWatch = timer.schedule(() -> invocation.finish(new Invocation.Answer(
                    errorJson("Runtime.InitTimeout", "RequestId: " + invocation.requestId() + " Error: environment "
                            + id + " did not ask for an event within " + INIT_TIMEOUT_MILLIS + " ms; see its log"),
                    true, false)), INIT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            invocation.delivered.thenRun(() -> initWatch.cancel(false));
        }
        if (!process.isAlive()) {
            exited();
        }
        return result;
    }

    private InvocationResult finish(Invocation invocation, Invocation.Answer answer, long logStart, boolean cold,
                                    int memoryMb) {
        if (current == invocation) {
            current = null;
        }
        if (!answer.keepsEnvironment()) {
            stop();
        }
        long delivered = invocation.deliveredNanos();
        Duration duration = Duration.ofNanos(delivered == 0 ? 0 : System.nanoTime() - delivered);
        Duration init = cold && initNanos >= 0 ? Duration.ofNanos(initNanos - startedNanos) : Duration.ZERO;
        long logEnd = log.size();
        String requestId = invocation.requestId();
        return new InvocationResult(requestId, answer.payload(), answer.isError() ? "Unhandled" : null,
                () -> log.invocationLog(requestId, logStart, logEnd, duration, init, memoryMb), duration, init);
    }

    /**
     * Takes the runtime's {@code next} long poll: {@code deliver} gets the event as soon as there is one, on the thread
     * that has it, or {@code null} when the environment stops. Answering from the invoking thread spares a thread
     * switch on every warm invocation.
     */
    public void awaitNext(Consumer<Invocation> deliver) {
        Invocation next;
        synchronized (this) {
            if (initNanos < 0) {
                initNanos = System.nanoTime();
                logger.debug("Environment {} initialised in {} ms", id, (initNanos - startedNanos) / 1_000_000);
            }
            if (stopped) {
                next = null;
            } else if (queued != null) {
                next = queued;
                queued = null;
            } else {
                waitingRuntime = deliver;
                return;
            }
        }
        if (next != null) {
            next.markDelivered();
        }
        deliver.accept(next);
    }

    private void hand(Invocation invocation) {
        Consumer<Invocation> runtime;
        synchronized (this) {
            runtime = waitingRuntime;
            waitingRuntime = null;
            if (runtime == null) {
                queued = invocation;
                return;
            }
        }
        invocation.markDelivered();
        runtime.accept(invocation);
    }

    /**
     * Withdraws a {@code next} long poll whose connection closed before it got an event, so that the next event
     * waits for the runtime's next call (or for the process's end, or the init timeout) instead of being written to a
     * dead connection. Does nothing when {@code deliver} is no longer the pending one.
     */
    public void withdraw(Consumer<Invocation> deliver) {
        synchronized (this) {
            if (waitingRuntime == deliver) {
                waitingRuntime = null;
            }
        }
    }

    /**
     * Takes back an event that could not be written to the runtime (its connection closed as the event arrived) and
     * hands it to the runtime's next {@code next}. Its timeout keeps running from the first handover, so a runtime
     * that never asks again fails the invocation with a timeout; an ended process fails it through its exit.
     */
    public void redeliver(Invocation invocation) {
        Consumer<Invocation> runtime;
        synchronized (this) {
            if (stopped || current != invocation || invocation.answer.isDone()) {
                return;
            }
            runtime = waitingRuntime;
            waitingRuntime = null;
            if (runtime == null) {
                queued = invocation;
                return;
            }
        }
        runtime.accept(invocation);
    }

    private void release() {
        Consumer<Invocation> runtime;
        synchronized (this) {
            stopped = true;
            queued = null;
            runtime = waitingRuntime;
            waitingRuntime = null;
        }
        if (runtime != null) {
            runtime.accept(null);
        }
    }

    /** Records the handler's response; {@code false} when no such invocation runs here. */
    public boolean respond(String requestId, byte[] payload) {
        Invocation invocation = current;
        if (invocation == null || !invocation.requestId().equals(requestId)) {
            return false;
        }
        invocation.finish(new Invocation.Answer(payload, false, true));
        return true;
    }

    /** Records the handler's error; {@code false} when no such invocation runs here. */
    public boolean fail(String requestId, byte[] errorJson) {
        Invocation invocation = current;
        if (invocation == null || !invocation.requestId().equals(requestId)) {
            return false;
        }
        invocation.finish(new Invocation.Answer(errorJson, true, true));
        return true;
    }

    /** Records that the runtime could not initialise (e.g. the handler class is missing); the process will end. */
    public void initFailed(byte[] errorJson) {
        initError = errorJson;
        broken = true;
        Invocation invocation = current;
        if (invocation != null) {
            invocation.finish(new Invocation.Answer(errorJson, true, false));
        }
    }

    /** Ends the process; an invocation still running gets an error. */
    void stop() {
        broken = true;
        release();
        process.destroyForcibly();
    }

    /** The process id, for tests and diagnostics. */
    public long pid() {
        return process.pid();
    }

    private void exited() {
        broken = true;
        release();
        Invocation invocation = current;
        if (invocation != null) {
            byte[] error = initError != null ? initError : errorJson("Runtime.ExitError", "RequestId: "
                    + invocation.requestId() + " Error: Runtime exited with error: exit status " + exitCode());
            invocation.finish(new Invocation.Answer(error, true, false));
        }
        if (invocation != null || initNanos < 0) {
            logger.warn("Environment {} ended with exit status {}; its last output:\n{}", id, exitCode(), log.lastOutput());
        } else {
            logger.debug("Environment {} ended with exit status {}", id, exitCode());
        }
    }

    private int exitCode() {
        try {
            return process.exitValue();
        } catch (IllegalThreadStateException e) {
            return -1;
        }
    }

    private static Invocation.Answer timedOut(Invocation invocation, long timeoutMillis) {
        String message = Instant.now() + " " + invocation.requestId() + " Task timed out after "
                + String.format(Locale.ROOT, "%.2f", timeoutMillis / 1000.0) + " seconds";
        return new Invocation.Answer(("{\"errorMessage\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8),
                true, false);
    }

    static byte[] errorJson(String type, String message) {
        return ("{\"errorType\":\"" + Json.escape(type) + "\",\"errorMessage\":\"" + Json.escape(message) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
