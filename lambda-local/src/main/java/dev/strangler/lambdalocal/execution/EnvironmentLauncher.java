package dev.strangler.lambdalocal.execution;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the environments of one deployed function: names each one, gives it a log file in the function's work folder,
 * and runs the runtime interface client in a JVM with the command line and variables an AWS Java runtime has.
 *
 * <p>Thread-safe: only the count of started environments changes, atomically.
 */
final class EnvironmentLauncher {
    private final FunctionConfig config;
    private final String region;
    private final String runtimeApi;
    private final List<Path> runtimeLibraries;
    private final Path nativeLibrary;
    private final FunctionCode code;
    private final Path workDir;
    private final AtomicInteger started = new AtomicInteger();

    /** Makes the work folder's {@code task} folder and unpacks the function's code into its {@code code} folder. */
    EnvironmentLauncher(FunctionConfig config, String region, String runtimeApi, List<Path> runtimeLibraries,
                        Path nativeLibrary, Path workDir) {
        this.config = config;
        this.region = region;
        this.runtimeApi = runtimeApi;
        this.runtimeLibraries = runtimeLibraries;
        this.nativeLibrary = nativeLibrary;
        this.workDir = workDir;
        try {
            Files.createDirectories(workDir.resolve("task"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the work folder of function '" + config.name() + "' at "
                    + workDir, e);
        }
        this.code = FunctionCode.of(config.name(), config.code(), workDir.resolve("code"));
    }

    /** Starts a new environment; its runtime connects to the Runtime API on its own. */
    Environment launch() {
        String id = config.name() + "-" + started.incrementAndGet() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path logFile = workDir.resolve(id + ".log");
        try {
            Files.createFile(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the log file of environment " + id + " at " + logFile, e);
        }
        Map<String, String> variables = variables(id);
        return Environment.start(id, command(), variables, workDir.resolve("task"), logFile);
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Like the AWS Java runtimes: a heap from the memory size, and a JIT and GC tuned for short-lived processes.
        command.add("-XX:MaxHeapSize=" + (config.memoryMb() * 85L / 100) + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-XX:-UsePerfData");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-D" + RuntimeClientLibraries.NATIVE_LIBRARY_PROPERTY + "=" + nativeLibrary);
        if (Runtime.version().feature() >= 23) {
            // The runtime client's shaded Jackson still uses sun.misc.Unsafe; keep its warning out of function logs.
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        List<String> classpath = new ArrayList<>();
        runtimeLibraries.forEach(jar -> classpath.add(jar.toString()));
        code.classpath().forEach(entry -> classpath.add(entry.toString()));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(RuntimeClientLibraries.MAIN_CLASS);
        command.add(config.handler());
        return command;
    }

    private Map<String, String> variables(String environmentId) {
        Map<String, String> variables = new LinkedHashMap<>();
        String path = System.getenv("PATH");
        if (path != null) {
            variables.put("PATH", path);
        }
        variables.put("LANG", "en_US.UTF-8");
        variables.put("TZ", ":UTC");
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + Runtime.version().feature());
        // The runtime client puts "http://" in front and the API paths behind: the extra path tells us which
        // environment is asking for its next event.
        variables.put("AWS_LAMBDA_RUNTIME_API", runtimeApi + "/environments/" + environmentId);
        variables.put("_HANDLER", config.handler());
        variables.put("AWS_LAMBDA_FUNCTION_NAME", config.name());
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.name());
        variables.put("AWS_LAMBDA_LOG_STREAM_NAME", LocalDate.now() + "/[$LATEST]" + environmentId);
        variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        variables.put("LAMBDA_TASK_ROOT", workDir.resolve("task").toString());
        variables.put("AWS_REGION", region);
        variables.put("AWS_DEFAULT_REGION", region);
        variables.putAll(config.environment());
        return variables;
    }
}
