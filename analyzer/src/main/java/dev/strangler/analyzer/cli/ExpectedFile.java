package dev.strangler.analyzer.cli;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a known decomposition, {@code services: {<name>: {classes: [fqcn...], tables: [...]}}}, as class → service. */
final class ExpectedFile {
    private ExpectedFile() {
    }

    static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--expected file does not exist: " + file);
        }
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException | IOException e) {
            throw new UsageException("cannot read --expected file " + file + ": " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("services") instanceof Map<?, ?> services)) {
            throw new UsageException(file + ": expected a top-level 'services:' mapping of service name to {classes: [...]}");
        }
        Map<String, String> result = new TreeMap<>();
        for (var entry : services.entrySet()) {
            String service = String.valueOf(entry.getKey());
            if (!(entry.getValue() instanceof Map<?, ?> body) || !(body.get("classes") instanceof List<?> classes)) {
                throw new UsageException(file + ": service '" + service + "' must have a 'classes:' list");
            }
            for (Object name : classes) {
                String previous = result.put(String.valueOf(name).strip(), service);
                if (previous != null && !previous.equals(service)) {
                    throw new UsageException(file + ": class " + name + " is listed under both " + previous + " and "
                            + service + "; a class belongs to one service");
                }
            }
        }
        return result;
    }
}
