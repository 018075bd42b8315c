package dev.strangler.lambdalocal.execution;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The environments of one deployed function: reuses warm ones, starts new ones up to the function's concurrency,
 * discards broken ones. Thread-safe.
 */
final class FunctionPool {
    private static final Logger log = LoggerFactory.getLogger(FunctionPool.class);
    private static final Logger functionLog = LoggerFactory.getLogger(FunctionRegistry.FUNCTION_LOG);
    private static final int KEPT_INVOCATIONS = 50;

    private final FunctionConfig config;
    private final String arn;
    private final EnvironmentLauncher launcher;
    private final Consumer<Environment> onStart;
    private final Consumer<Environment> onEnd;
    private final ScheduledExecutorService timer;
    private final Semaphore permits;
    private final Deque<Environment> idle = new ConcurrentLinkedDeque<>();
    private final Set<Environment> all = ConcurrentHashMap.newKeySet();
    private final Deque<InvocationResult> recent = new ArrayDeque<>();
    private volatile boolean closed;

    FunctionPool(FunctionConfig config, String arn, String region, String runtimeApi, List<Path> runtimeLibraries,
                 Path nativeLibrary, Path workDir, Consumer<Environment> onStart, Consumer<Environment> onEnd,
                 ScheduledExecutorService timer) {
        this.config = config;
        this.arn = arn;
        this.onStart = onStart;
        this.onEnd = onEnd;
        this.timer = timer;
        this.permits = new Semaphore(config.concurrency());
        this.launcher = new EnvironmentLauncher(config, region, runtimeApi, runtimeLibraries, nativeLibrary, workDir);
    }

    FunctionConfig config() {
        return config;
    }

    String arn() {
        return arn;
    }

    /**
     * Starts one invocation on a warm environment or a new one; the future completes with its result.
     *
     * @throws TooManyInvocationsException when the function's concurrency is used up
     */
    CompletableFuture<InvocationResult> submit(byte[] payload, String clientContext) {
        if (!permits.tryAcquire()) {
            throw new TooManyInvocationsException(config.name(), config.concurrency());
        }
        return run(payload, clientContext);
    }

    /**
     * Starts one invocation only if a warm environment is idle, without blocking; empty when a new environment would
     * have to start, which the caller then does with {@link #submit} on a thread that may block.
     *
     * @throws TooManyInvocationsException when the function's concurrency is used up
     */
    Optional<CompletableFuture<InvocationResult>> submitIfWarm(byte[] payload, String clientContext) {
        if (!permits.tryAcquire()) {
            throw new TooManyInvocationsException(config.name(), config.concurrency());
        }
        Environment environment = pollWarm();
        if (environment == null) {
            permits.release();
            return Optional.empty();
        }
        return Optional.of(run(environment, payload, clientContext));
    }

    /** Runs one invocation, waiting first for a free environment if the concurrency is used up. */
    InvocationResult invokeWhenFree(byte[] payload, String clientContext) throws InterruptedException {
        permits.acquire();
        return run(payload, clientContext).join();
    }

    private CompletableFuture<InvocationResult> run(byte[] payload, String clientContext) {
        Environment environment;
        try {
            environment = warmOrNew();
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
        return run(environment, payload, clientContext);
    }

    private CompletableFuture<InvocationResult> run(Environment environment, byte[] payload, String clientContext) {
        Invocation invocation = new Invocation(requestId(), payload, arn, traceId(), clientContext,
                config.timeout().toMillis());
        return environment.start(invocation, config.timeout().toMillis(), config.memoryMb(), timer)
                .whenComplete((result, failure) -> {
                    if (environment.isUsable() && !closed && failure == null) {
                        idle.addFirst(environment);
                    } else {
                        retire(environment);
                    }
                    permits.release();
                    if (result != null) {
                        record(environment, result);
                    }
                });
    }

    private void record(Environment environment, InvocationResult result) {
        if (result.isColdStart()) {
            log.info("Cold start of function '{}' in environment {} took {} ms", config.name(), environment.id(),
                    result.initDuration().toMillis());
        }
        log.debug("Function '{}' request {} took {} ms{}", config.name(), result.requestId(),
                result.duration().toMillis(), result.hasFunctionError() ? " and failed" : "");
        if (functionLog.isDebugEnabled()) {
            // reading the log costs file reads: only when it is printed
            functionLog.debug("{}:\n{}", config.name(), result.log());
        }
        remember(result);
    }

    /** The latest invocations, oldest first (at most 50). */
    List<InvocationResult> recentInvocations() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** How many environments are running now. */
    int environmentCount() {
        return all.size();
    }

    /** How many invocations the handler is running now. */
    int runningInvocations() {
        return (int) all.stream().filter(Environment::isRunningInvocation).count();
    }

    /** Stops every environment. */
    void close() {
        closed = true;
        for (Environment environment : all) {
            retire(environment);
        }
        idle.clear();
    }

    private Environment warmOrNew() {
        Environment environment = pollWarm();
        return environment != null ? environment : startEnvironment();
    }

    /** The most recently used idle environment that is still usable, or {@code null}; never blocks. */
    private Environment pollWarm() {
        Environment environment;
        while ((environment = idle.pollFirst()) != null) {
            if (environment.isUsable()) {
                return environment;
            }
            retire(environment);
        }
        return null;
    }

    private Environment startEnvironment() {
        Environment environment = launcher.launch();
        all.add(environment);
        onStart.accept(environment);
        return environment;
    }

    private void retire(Environment environment) {
        environment.stop();
        if (all.remove(environment)) {
            onEnd.accept(environment);
        }
    }

    /**
     * A random (version 4) UUID from a fast generator: a request id must be unique, not unguessable, and
     * {@link UUID#randomUUID()} takes SecureRandom's lock on every invocation.
     */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextInt())
                + ";Parent=" + HexFormat.of().toHexDigits(random.nextLong()) + ";Sampled=0";
    }

    private void remember(InvocationResult result) {
        synchronized (recent) {
            recent.addLast(result);
            while (recent.size() > KEPT_INVOCATIONS) {
                recent.removeFirst();
            }
        }
    }
}
