package dev.strangler.lambdalocal;

import dev.strangler.lambdalocal.execution.FunctionConfig;
import dev.strangler.lambdalocal.execution.FunctionRegistry;
import dev.strangler.lambdalocal.execution.InvocationResult;
import dev.strangler.lambdalocal.http.LambdaHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Lambda service: the Invoke API for the AWS SDK on 127.0.0.1, running each deployed function in JVM
 * processes with the real runtime interface client.
 *
 * <p>Use it in tests as {@code try (LambdaLocal lambda = LambdaLocal.start(0)) { lambda.deploy(...); ... }} and point
 * the SDK's {@code endpointOverride} at {@link #endpoint()}. Thread-safe.
 */
public final class LambdaLocal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LambdaLocal.class);
    /** The region in ARNs and in the functions' {@code AWS_REGION} unless another is given. */
    public static final String DEFAULT_REGION = "us-east-1";

    private final LambdaHttpServer server;
    private final FunctionRegistry registry;
    private final Path workDir;
    private final URI endpoint;

    private LambdaLocal(LambdaHttpServer server, FunctionRegistry registry, Path workDir) {
        this.server = server;
        this.registry = registry;
        this.workDir = workDir;
        this.endpoint = URI.create("http://127.0.0.1:" + server.port());
    }

    /**
     * Starts the service on 127.0.0.1.
     *
     * @param port the port, or 0 for a free one
     */
    public static LambdaLocal start(int port) {
        return start(port, DEFAULT_REGION);
    }

    /** Starts the service on 127.0.0.1 with functions that see {@code region} as theirs. */
    public static LambdaLocal start(int port, String region) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, but was " + port);
        }
        Objects.requireNonNull(region, "region");
        Path workDir;
        try {
            workDir = Files.createTempDirectory("lambda-local-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a work folder in " + System.getProperty("java.io.tmpdir"), e);
        }
        LambdaHttpServer server = LambdaHttpServer.bind(port);
        try {
            FunctionRegistry registry = new FunctionRegistry(workDir, region, "127.0.0.1:" + server.port());
            server.start(registry);
            LambdaLocal lambda = new LambdaLocal(server, registry, workDir);
            log.info("lambda-local listening on {}", lambda.endpoint);
            return lambda;
        } catch (RuntimeException e) {
            server.close();
            deleteQuietly(workDir);
            throw e;
        }
    }

    /** Where the SDK should send its requests ({@code endpointOverride}), e.g. {@code http://127.0.0.1:43121}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Deploys a function, replacing one of the same name; environments start on its first invocation. */
    public void deploy(FunctionConfig function) {
        registry.deploy(function);
    }

    /** Removes a function and stops its environments; nothing happens if none has that name. */
    public void undeploy(String name) {
        registry.undeploy(name);
    }

    /** The deployed functions, by name. */
    public List<FunctionConfig> functions() {
        return registry.functions();
    }

    /**
     * The latest invocations of a function (at most 50), oldest first, each with its log.
     *
     * @throws dev.strangler.lambdalocal.execution.FunctionNotFoundException when it is not deployed
     */
    public List<InvocationResult> recentInvocations(String name) {
        return registry.recentInvocations(name);
    }

    /** The process ids of the function's running environments (e.g. to test recovery from a crash). */
    public List<Long> environmentPids(String name) {
        return registry.environments(name).stream().map(environment -> environment.pid()).toList();
    }

    /** How many invocations of the function its handler is running right now. */
    public int runningInvocations(String name) {
        return registry.runningInvocations(name);
    }

    /** Stops the server and every function process. */
    @Override
    public void close() {
        server.close();
        registry.close();
        deleteQuietly(workDir);
        log.info("lambda-local on {} stopped", endpoint);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete lambda-local's work folder {}", folder, e);
        }
    }
}
