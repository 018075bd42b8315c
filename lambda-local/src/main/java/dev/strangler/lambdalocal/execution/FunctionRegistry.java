package dev.strangler.lambdalocal.execution;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployed functions and their running environments: what the Invoke API and the Runtime API work on.
 *
 * <p>Thread-safe. Deploying a name again replaces the function and stops its old environments.
 */
public final class FunctionRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FunctionRegistry.class);
    /** The account id in ARNs, as other local emulators use it. */
    public static final String ACCOUNT_ID = "000000000000";
    /** The logger that gets each invocation's log at DEBUG, named apart so that it can be switched on alone. */
    public static final String FUNCTION_LOG = "dev.strangler.lambdalocal.FunctionLog";

    private final Path workDir;
    private final String region;
    private final String runtimeApi;
    private final List<Path> runtimeLibraries;
    private final Path nativeLibrary;
    private final Map<String, FunctionPool> functions = new ConcurrentHashMap<>();
    private final Map<String, Environment> environments = new ConcurrentHashMap<>();
    private final AtomicInteger deployments = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lambda-local-timeouts");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService asyncInvocations = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "lambda-local-event-invoke");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param workDir where environments keep logs and unpacked code; emptied by the caller after {@link #close()}
     * @param region the region in ARNs and in the functions' {@code AWS_REGION}
     * @param runtimeApi {@code host:port} of the Runtime API the environments call
     */
    public FunctionRegistry(Path workDir, String region, String runtimeApi) {
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.region = Objects.requireNonNull(region, "region");
        this.runtimeApi = Objects.requireNonNull(runtimeApi, "runtimeApi");
        this.runtimeLibraries = RuntimeClientLibraries.unpackTo(workDir.resolve("runtime-client"));
        this.nativeLibrary = RuntimeClientLibraries.unpackNativeLibrary(runtimeLibraries.get(0),
                workDir.resolve("runtime-client"));
    }

    public String region() {
        return region;
    }

    /** The function's ARN in this region and the local account. */
    public String arn(String name) {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + name;
    }

    /** Deploys a function, replacing one of the same name; its environments start on first invocation. */
    public void deploy(FunctionConfig function) {
        Objects.requireNonNull(function, "function");
        Path folder = workDir.resolve("functions").resolve(function.name() + "-" + deployments.incrementAndGet());
        FunctionPool pool = new FunctionPool(function, arn(function.name()), region, runtimeApi, runtimeLibraries,
                nativeLibrary, folder, environment -> environments.put(environment.id(), environment),
                environment -> environments.remove(environment.id()), timer);
        FunctionPool old = functions.put(function.name(), pool);
        if (old != null) {
            old.close();
        }
        log.info("Deployed function '{}' ({} from {}, timeout {} s, {} MB, concurrency {})", function.name(),
                function.handler(), function.code(), function.timeout().toSeconds(), function.memoryMb(),
                function.concurrency());
    }

    /** Removes a function and stops its environments; {@code false} if none had that name. */
    public boolean undeploy(String name) {
        FunctionPool pool = functions.remove(name);
        if (pool != null) {
            pool.close();
            log.info("Undeployed function '{}'", name);
        }
        return pool != null;
    }

    /** Whether a function of that name is deployed. */
    public boolean contains(String name) {
        return functions.containsKey(name);
    }

    /** The deployed functions, by name. */
    public List<FunctionConfig> functions() {
        List<FunctionConfig> configs = new ArrayList<>();
        functions.values().forEach(pool -> configs.add(pool.config()));
        configs.sort(Comparator.comparing(FunctionConfig::name));
        return configs;
    }

    /**
     * Runs one synchronous invocation and waits for its result.
     *
     * @throws FunctionNotFoundException when no such function is deployed
     * @throws TooManyInvocationsException when all of its concurrency is in use
     */
    public InvocationResult invoke(String name, byte[] payload, String clientContext) throws InterruptedException {
        try {
            return submit(name, payload, clientContext).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Invocation of '" + name + "' failed inside lambda-local", e.getCause());
        }
    }

    /**
     * Starts one synchronous invocation; the future completes, on the thread that brings the answer, with the result
     * (a function error is a result too).
     *
     * @throws FunctionNotFoundException when no such function is deployed
     * @throws TooManyInvocationsException when all of its concurrency is in use
     */
    public CompletableFuture<InvocationResult> submit(String name, byte[] payload, String clientContext) {
        return pool(name).submit(payload, clientContext);
    }

    /**
     * Starts one synchronous invocation only if the function has a warm environment idle, without blocking the calling
     * thread; empty when a new environment would have to start (then call {@link #submit} where blocking is fine).
     *
     * @throws FunctionNotFoundException when no such function is deployed
     * @throws TooManyInvocationsException when all of its concurrency is in use
     */
    public Optional<CompletableFuture<InvocationResult>> submitIfWarm(String name, byte[] payload,
                                                                       String clientContext) {
        return pool(name).submitIfWarm(payload, clientContext);
    }

    /**
     * Queues one asynchronous invocation; it waits for a free environment rather than being refused.
     *
     * @throws FunctionNotFoundException when no such function is deployed
     */
    public void invokeAsync(String name, byte[] payload, String clientContext) {
        FunctionPool pool = pool(name);
        try {
            asyncInvocations.execute(() -> {
                try {
                    InvocationResult result = pool.invokeWhenFree(payload, clientContext);
                    if (result.hasFunctionError()) {
                        log.warn("Asynchronous invocation {} of function '{}' failed: {}", result.requestId(), name,
                                new String(result.payload(), StandardCharsets.UTF_8));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.warn("Asynchronous invocation of function '{}' could not run", name, e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("lambda-local is stopping; asynchronous invocation of '" + name
                    + "' refused", e);
        }
    }

    /** The latest invocations of a function with their logs, oldest first (at most 50). */
    public List<InvocationResult> recentInvocations(String name) {
        return pool(name).recentInvocations();
    }

    /** How many environments the function has running now. */
    public int environmentCount(String name) {
        return pool(name).environmentCount();
    }

    /** How many invocations of the function its handler is running now. */
    public int runningInvocations(String name) {
        return pool(name).runningInvocations();
    }

    /** The running environment with that id (from the Runtime API path), or {@code null}. */
    public Environment environment(String id) {
        return environments.get(id);
    }

    /** The running environments of a function, for diagnostics and tests. */
    public List<Environment> environments(String name) {
        String prefix = name + "-";
        return environments.values().stream().filter(environment -> environment.id().startsWith(prefix)
                && environment.id().substring(prefix.length()).matches("\\d+-[0-9a-f]+")).toList();
    }

    /** Stops every environment of every function. */
    @Override
    public void close() {
        asyncInvocations.shutdownNow();
        timer.shutdownNow();
        functions.values().forEach(FunctionPool::close);
        functions.clear();
    }

    private FunctionPool pool(String name) {
        FunctionPool pool = functions.get(name);
        if (pool == null) {
            throw new FunctionNotFoundException(arn(name));
        }
        return pool;
    }
}
