package dev.strangler.lambdalocal.execution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One Lambda function as lambda-local runs it: its code, handler and limits.
 *
 * @param name the function name callers use (letters, digits, {@code -} and {@code _}, at most 64)
 * @param code a deployment jar, a folder of classes (with an optional {@code lib/} of jars), or a Lambda-style zip
 *             with its classes at the root and jars in {@code lib/}
 * @param handler {@code package.Class::method} or {@code package.Class}
 * @param timeout how long one invocation may run, 1 s to 900 s
 * @param memoryMb the memory size, 128 to 10240; sets the environment's maximum heap
 * @param concurrency how many environments may run invocations at the same time, 1 to 1000
 * @param environment variables added to every environment's process
 */
public record FunctionConfig(String name, Path code, String handler, Duration timeout, int memoryMb,
                             int concurrency, Map<String, String> environment) {

    /** Timeout when none is given, as on AWS. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    /** Memory size when none is given. */
    public static final int DEFAULT_MEMORY_MB = 256;
    /** Concurrency when none is given. */
    public static final int DEFAULT_CONCURRENCY = 10;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HANDLER = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.$]*(::[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)?");

    public FunctionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(environment, "environment");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1 to 64 letters, digits, '-' or '_', but was '" + name + "'");
        }
        if (!HANDLER.matcher(handler).matches()) {
            throw new IllegalArgumentException("handler must read 'package.Class::method' or 'package.Class', but was '"
                    + handler + "' for function '" + name + "'");
        }
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofSeconds(900)) > 0) {
            throw new IllegalArgumentException("timeout must be 1 to 900 seconds, but was " + timeout.toMillis()
                    + " ms for function '" + name + "'");
        }
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("memory must be 128 to 10240 MB, but was " + memoryMb
                    + " for function '" + name + "'");
        }
        if (concurrency < 1 || concurrency > 1000) {
            throw new IllegalArgumentException("concurrency must be 1 to 1000, but was " + concurrency
                    + " for function '" + name + "'");
        }
        environment.forEach((key, value) -> {
            Objects.requireNonNull(value, () -> "environment variable " + key + " of function '" + name + "' has no value");
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("environment variable names must be letters, digits and '_', but was '"
                        + key + "' for function '" + name + "'");
            }
        });
        environment = Map.copyOf(environment);
        code = code.toAbsolutePath().normalize();
    }

    /** A function with the default timeout, memory and concurrency and no environment variables. */
    public static FunctionConfig of(String name, Path code, String handler) {
        return new FunctionConfig(name, code, handler, DEFAULT_TIMEOUT, DEFAULT_MEMORY_MB, DEFAULT_CONCURRENCY, Map.of());
    }

    /**
     * Reads the command-line form
     * {@code name=hello,jar=PATH,handler=pkg.Class::method[,timeout=SECONDS][,memory=MB][,concurrency=N]}.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static FunctionConfig parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("function spec parts must read key=value, but was '" + part + "' in '"
                        + spec + "'; write name=hello,jar=PATH,handler=pkg.Class::method");
            }
            String key = part.substring(0, equals).trim();
            if (parts.put(key, part.substring(equals + 1).trim()) != null) {
                throw new IllegalArgumentException("function spec names '" + key + "' twice in '" + spec + "'");
            }
        }
        String name = required(parts, "name", spec);
        Path code = Path.of(required(parts, "jar", spec));
        String handler = required(parts, "handler", spec);
        Duration timeout = parts.containsKey("timeout")
                ? Duration.ofSeconds(number(parts.remove("timeout"), "timeout", spec)) : DEFAULT_TIMEOUT;
        int memory = parts.containsKey("memory") ? number(parts.remove("memory"), "memory", spec) : DEFAULT_MEMORY_MB;
        int concurrency = parts.containsKey("concurrency")
                ? number(parts.remove("concurrency"), "concurrency", spec) : DEFAULT_CONCURRENCY;
        if (!parts.isEmpty()) {
            throw new IllegalArgumentException("function spec has unknown keys " + parts.keySet() + " in '" + spec
                    + "'; known are name, jar, handler, timeout, memory, concurrency");
        }
        return new FunctionConfig(name, code, handler, timeout, memory, concurrency, Map.of());
    }

    /** This function with other environment variables. */
    public FunctionConfig withEnvironment(Map<String, String> variables) {
        return new FunctionConfig(name, code, handler, timeout, memoryMb, concurrency, variables);
    }

    /** This function with another timeout. */
    public FunctionConfig withTimeout(Duration newTimeout) {
        return new FunctionConfig(name, code, handler, newTimeout, memoryMb, concurrency, environment);
    }

    /** This function with another concurrency limit. */
    public FunctionConfig withConcurrency(int newConcurrency) {
        return new FunctionConfig(name, code, handler, timeout, memoryMb, newConcurrency, environment);
    }

    /** This function with another memory size. */
    public FunctionConfig withMemoryMb(int newMemoryMb) {
        return new FunctionConfig(name, code, handler, timeout, newMemoryMb, concurrency, environment);
    }

    private static String required(Map<String, String> parts, String key, String spec) {
        String value = parts.remove(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("function spec lacks '" + key + "=' in '" + spec
                    + "'; write name=hello,jar=PATH,handler=pkg.Class::method");
        }
        return value;
    }

    private static int number(String value, String key, String spec) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, but was '" + value + "' in '" + spec + "'", e);
        }
    }
}
