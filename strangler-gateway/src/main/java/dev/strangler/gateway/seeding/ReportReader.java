package dev.strangler.gateway.seeding;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the analyzer's {@code decomposition.json} and checks it against the report schema the analyzer publishes
 * ({@code analyzer/docs/decomposition.schema.json}, copied onto the gateway's classpath at build time), so the gateway
 * only ever seeds from a report it understands. Thread-safe once built.
 */
public final class ReportReader {
    /** The report schema version this reader understands. */
    public static final int SCHEMA_VERSION = 1;
    /** The file name the analyzer writes the report under. */
    public static final String FILE_NAME = "decomposition.json";

    private static final String SCHEMA_RESOURCE = "decomposition.schema.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Schema schema;

    /** Loads the schema from the classpath; a gateway built without it is broken, which is an {@link IllegalStateException}. */
    public ReportReader() {
        try (InputStream in = ReportReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the report schema " + SCHEMA_RESOURCE + " is not on the gateway's"
                        + " classpath; rebuild the gateway (./mvnw -pl strangler-gateway -am package), which copies it"
                        + " from analyzer/docs/");
            }
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    registry -> registry.schemaRegistryConfig(config)).getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report schema " + SCHEMA_RESOURCE, e);
        }
    }

    /** The report file {@code location} names: itself, or the {@value #FILE_NAME} in it when it is a folder. */
    public static Path locate(Path location) {
        return Files.isDirectory(location) ? location.resolve(FILE_NAME) : location;
    }

    /** Reads {@code location}, a {@code decomposition.json} or the folder holding one. */
    public DecompositionReport read(Path location) {
        Path file = locate(location);
        if (!Files.isRegularFile(file)) {
            throw new InvalidReportException((Files.isDirectory(location)
                    ? "there is no " + FILE_NAME + " in " + location
                    : "there is no report at " + location)
                    + "; write one with ./strangler analyze <monolith> --out <folder> and pass that folder or its "
                    + FILE_NAME);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidReportException("cannot read the report " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Checks and reads the report {@code text}; {@code name} names it in messages. */
    public DecompositionReport parse(String text, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidReportException(name + " is not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "); pass the decomposition.json the analyzer wrote");
        }
        checkVersion(root, name);
        List<String> violations = new ArrayList<>();
        for (Error error : schema.validate(root)) {
            violations.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        if (!violations.isEmpty()) {
            throw new InvalidReportException(name + " does not follow the decomposition report schema (version "
                    + SCHEMA_VERSION + "), " + violations.size() + " violation" + (violations.size() == 1 ? "" : "s")
                    + ":\n" + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n"))
                    + "\nRe-run the analyzer (./strangler analyze) to write a fresh report.", violations);
        }
        return toReport(root);
    }

    /** Before the schema, so that a report of another version is refused for its version, not its fields. */
    private static void checkVersion(JsonNode root, String name) {
        if (!root.isObject()) {
            throw new InvalidReportException(name + " is not a decomposition report: it holds a JSON "
                    + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not an object; pass the decomposition.json the"
                    + " analyzer wrote");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null) {
            throw new InvalidReportException(name + " has no schemaVersion, so it is not a decomposition report this"
                    + " gateway understands (schema version " + SCHEMA_VERSION + "); pass the decomposition.json the"
                    + " analyzer wrote");
        }
        if (!version.isIntegralNumber() || version.asInt() != SCHEMA_VERSION) {
            throw new InvalidReportException(name + " has schemaVersion " + version + ", but this gateway understands"
                    + " schema version " + SCHEMA_VERSION + " only; use the analyzer and gateway of the same strangler"
                    + " release, or re-run this release's analyzer to write a version " + SCHEMA_VERSION + " report");
        }
    }

    private static DecompositionReport toReport(JsonNode root) {
        List<String> candidates = new ArrayList<>();
        List<ReportedRoute> routes = new ArrayList<>();
        for (JsonNode candidate : root.get("candidates")) {
            String name = candidate.get("name").asString();
            candidates.add(name);
            for (JsonNode route : candidate.get("routes")) {
                routes.add(new ReportedRoute(name, route.get("kind").asString(), route.get("method").asString(),
                        route.get("path").asString(), route.get("framework").asString(), route.get("handler").asString()));
            }
        }
        return new DecompositionReport(root.get("codebase").get("name").asString(), candidates, routes);
    }
}
