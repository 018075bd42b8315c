package dev.strangler.analyzer.fitness;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.strangler.analyzer.core.Decomposition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders a decomposition's boundaries as fitness functions: an ArchUnit test class with its freeze settings, and
 * jQAssistant rules with their configuration, plus a README that says where each goes. The files are returned by
 * their path under the report's {@code fitness} folder; the caller writes them.
 */
public final class FitnessWriter {
    /** Where the ArchUnit freeze store goes in the monolith's module, relative to it. */
    static final String STORE_PATH = "src/test/archunit-store";
    /** Text blocks stay well under the class file's 65,535-byte limit for one constant. */
    private static final int CHUNK_CHARS = 48_000;

    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false);

    /** The files to write under the report's {@code fitness} folder, by relative path with {@code /} separators. */
    public SortedMap<String, String> render(Decomposition decomposition) {
        BoundaryRules rules = BoundaryRules.of(decomposition);
        Map<String, Object> model = model(rules);
        String packagePath = rules.commonPackage().isEmpty() ? "" : rules.commonPackage().replace('.', '/') + "/";
        SortedMap<String, String> files = new TreeMap<>();
        files.put("archunit/" + packagePath + "CandidateBoundariesTest.java", render("CandidateBoundariesTest.java", model));
        files.put("archunit/archunit.properties", render("archunit.properties", model));
        files.put("jqassistant/.jqassistant.yml", render("jqassistant.yml", model));
        files.put("jqassistant/jqassistant/strangler-boundaries.xml", render("strangler-boundaries.xml", model));
        files.put("README.md", render("README.md", model));
        return files;
    }

    private Map<String, Object> model(BoundaryRules rules) {
        Map<String, Object> model = new HashMap<>();
        String pkg = rules.commonPackage();
        model.put("codebase", rules.codebase());
        model.put("package", pkg);
        model.put("hasPackage", !pkg.isEmpty());
        model.put("packagePath", pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/");
        model.put("packages", pkg.isEmpty() ? topPackages(rules) : javaString(pkg));
        model.put("storePath", STORE_PATH);
        model.put("candidateCount", rules.classesByCandidate().size());
        model.put("edgeCount", rules.listedEdges().size());
        model.put("dataClassCount", rules.tablesOf().size());
        model.put("candidates", candidates(rules));
        model.put("sharedKernel", rules.sharedKernel().stream().map(FitnessWriter::javaString).collect(Collectors.joining(", ")));
        model.put("classChunks", chunks(rules.candidateOf().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList()));
        model.put("edgeChunks", chunks(rules.listedEdges().stream().map(edge -> edge.from() + ">" + edge.to()).toList()));
        model.put("tableChunks", chunks(rules.tablesOf().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList()));
        model.put("classRows", cypherRows(rules.candidateOf()));
        model.put("edgeRows", cypherRows(rules.listedEdges().stream()
                .collect(Collectors.toMap(BoundaryRules.Edge::toString, edge -> List.of(edge.from(), edge.to()),
                        (a, b) -> a, LinkedHashMap::new)).values()));
        model.put("tableRows", cypherRows(rules.tablesOf()));
        model.put("pluginBlock", render("plugin.xml", model).strip());
        return model;
    }

    private static List<Map<String, Object>> candidates(BoundaryRules rules) {
        List<Map<String, Object>> candidates = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        rules.classesByCandidate().forEach((name, classes) -> {
            String field = identifier(name);
            for (int n = 2; !fields.add(field); n++) {
                field = identifier(name) + "_" + n;
            }
            candidates.add(Map.of("name", name, "javaName", escapeJava(name), "field", field,
                    "classCount", classes.size()));
        });
        return candidates;
    }

    static String identifier(String candidate) {
        String field = candidate.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return field.isEmpty() || !Character.isLetter(field.charAt(0)) ? "candidate_" + field : field;
    }

    /** Lines joined into chunks of at most {@link #CHUNK_CHARS} characters, each a Java text block's content. */
    static List<String> chunks(List<String> lines) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String line : lines) {
            String escaped = escapeJava(line);
            if (!chunk.isEmpty() && chunk.length() + escaped.length() + 1 > CHUNK_CHARS) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(chunk.isEmpty() ? "" : "\n").append(escaped);
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }

    private static String cypherRows(Map<String, String> pairs) {
        return cypherRows(pairs.entrySet().stream().map(entry -> List.of(entry.getKey(), entry.getValue())).toList());
    }

    private static String cypherRows(java.util.Collection<List<String>> rows) {
        return rows.stream()
                .map(row -> "                [" + row.stream().map(FitnessWriter::cypherString)
                        .collect(Collectors.joining(", ")) + "]")
                .collect(Collectors.joining(",\n"));
    }

    private static String topPackages(BoundaryRules rules) {
        return rules.candidateOf().keySet().stream()
                .map(type -> type.contains(".") ? type.substring(0, type.indexOf('.')) : type)
                .distinct().map(FitnessWriter::javaString).collect(Collectors.joining(", "));
    }

    private static String javaString(String value) {
        return "\"" + escapeJava(value) + "\"";
    }

    private static String escapeJava(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String cypherString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private String render(String name, Map<String, Object> model) {
        String resource = name + ".mustache";
        try (InputStream in = FitnessWriter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template " + resource + " is missing from the analyzer's resources");
            }
            Template template = compiler.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return template.execute(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }
}
