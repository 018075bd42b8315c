package dev.strangler.lambdalocal.config;

import dev.strangler.lambdalocal.execution.FunctionConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A YAML file of functions to deploy:
 *
 * <pre>
 * functions:
 *   - name: greeting
 *     jar: sample-functions/target/sample-functions.jar   # relative to this file's folder
 *     handler: dev.strangler.samples.GreetingHandler::handleRequest
 *     timeout: 3          # seconds
 *     memory: 256         # MB
 *     concurrency: 10
 *     environment:
 *       GREETING_STYLE: formal
 * </pre>
 */
public final class FunctionsFile {
    private static final Set<String> KEYS = Set.of("name", "jar", "handler", "timeout", "memory", "concurrency",
            "environment");

    private FunctionsFile() {
    }

    /**
     * Reads every function in the file.
     *
     * @throws FunctionsFileException listing every bad entry, not just the first
     */
    public static List<FunctionConfig> read(Path file) {
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new FunctionsFileException(List.of(file + ": cannot be read (" + e.getMessage()
                    + "); check the --config path"));
        } catch (YAMLException e) {
            throw new FunctionsFileException(List.of(file + ": is not valid YAML: " + e.getMessage()));
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("functions") instanceof List<?> entries)) {
            throw new FunctionsFileException(List.of(file + ": must have a 'functions:' list; see lambda-local/README.md"));
        }
        Path folder = file.toAbsolutePath().getParent();
        List<FunctionConfig> functions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = file + ": functions[" + i + "]: ";
            try {
                functions.add(function(entries.get(i), folder));
            } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
                problems.add(where + e.getMessage());
            }
        }
        Set<String> names = new HashSet<>();
        functions.stream().map(FunctionConfig::name).filter(name -> !names.add(name))
                .forEach(name -> problems.add(file + ": function '" + name + "' is defined twice"));
        if (!problems.isEmpty()) {
            throw new FunctionsFileException(problems);
        }
        return List.copyOf(functions);
    }

    private static FunctionConfig function(Object entry, Path folder) {
        if (!(entry instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("must be a mapping with name, jar and handler, but was " + entry);
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("unknown key '" + key + "'; known are " + KEYS);
            }
        }
        String name = text(map, "name");
        Path code = folder.resolve(text(map, "jar"));
        FunctionConfig function = FunctionConfig.of(name, code, text(map, "handler"));
        if (map.containsKey("timeout")) {
            function = function.withTimeout(Duration.ofSeconds(number(map, "timeout")));
        }
        if (map.containsKey("memory")) {
            function = function.withMemoryMb(number(map, "memory"));
        }
        if (map.containsKey("concurrency")) {
            function = function.withConcurrency(number(map, "concurrency"));
        }
        if (map.get("environment") instanceof Map<?, ?> variables) {
            Map<String, String> environment = new LinkedHashMap<>();
            variables.forEach((key, value) -> environment.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
            function = function.withEnvironment(environment);
        } else if (map.containsKey("environment")) {
            throw new IllegalArgumentException("environment must be a mapping of NAME: value, but was "
                    + map.get("environment"));
        }
        return function;
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException("lacks '" + key + "'");
        }
        return String.valueOf(value);
    }

    private static int number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value instanceof Integer number) {
            return number;
        }
        throw new IllegalArgumentException(key + " must be a whole number, but was '" + value + "'");
    }
}
