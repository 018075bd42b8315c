package dev.strangler.lambdalocal.execution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
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

    private final String id;
    private final Process process;
    private final EnvironmentLog log;
    private final long startedNanos;
    /** Locks this environment's monitor, which {@link #markInitialised} runs under too. */
    private final EventHandoff handoff = new EventHandoff(this);
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
        InvocationTimeouts.watchDeadline(invocation, timeoutMillis, timer);
        CompletableFuture<InvocationResult> result = invocation.answer.thenApply(
                answer -> finish(invocation, answer, logStart, cold, memoryMb));
        handoff.hand(invocation);
        if (!invocation.delivered.isDone()) {
            // Only an event that has to wait for its runtime needs this watch; a warm runtime took it just now.
            InvocationTimeouts.watchInit(invocation, id, timer);
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
        handoff.awaitNext(deliver, this::markInitialised);
    }

    /** Notes the runtime's first {@code next}: the end of its init. Called under this environment's monitor. */
    private void markInitialised() {
        if (initNanos < 0) {
            initNanos = System.nanoTime();
            logger.debug("Environment {} initialised in {} ms", id, (initNanos - startedNanos) / 1_000_000);
        }
    }

    /**
     * Withdraws a {@code next} long poll whose connection closed before it got an event, so that the next event
     * waits for the runtime's next call (or for the process's end, or the init timeout) instead of being written to a
     * dead connection. Does nothing when {@code deliver} is no longer the pending one.
     */
    public void withdraw(Consumer<Invocation> deliver) {
        handoff.withdraw(deliver);
    }

    /**
     * Takes back an event that could not be written to the runtime (its connection closed as the event arrived) and
     * hands it to the runtime's next {@code next}. Its timeout keeps running from the first handover, so a runtime
     * that never asks again fails the invocation with a timeout; an ended process fails it through its exit.
     */
    public void redeliver(Invocation invocation) {
        handoff.redeliver(invocation, () -> current == invocation);
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
        handoff.release();
        process.destroyForcibly();
    }

    /** The process id, for tests and diagnostics. */
    public long pid() {
        return process.pid();
    }

    private void exited() {
        broken = true;
        handoff.release();
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

    static byte[] errorJson(String type, String message) {
        return ("{\"errorType\":\"" + Json.escape(type) + "\",\"errorMessage\":\"" + Json.escape(message) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
