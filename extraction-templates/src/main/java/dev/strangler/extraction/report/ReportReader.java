package dev.strangler.extraction.report;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.strangler.extraction.core.BadInputException;
import dev.strangler.extraction.core.Candidate;
import dev.strangler.extraction.core.Report;
import dev.strangler.extraction.core.Route;
import dev.strangler.extraction.core.TableUse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code decomposition.json}: refuses another schema version first, then validates the file against the
 * analyzer's JSON Schema (a copy on this module's classpath), then maps it to the core model.
 *
 * <p>Thread-safe; the schema is loaded once per reader.
 */
public final class ReportReader {
    /** The only {@code schemaVersion} this reader understands. */
    public static final int SCHEMA_VERSION = 1;
    private static final String SCHEMA_RESOURCE = "/schema/decomposition.schema.json";
    private static final int MAX_ERRORS_SHOWN = 20;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Schema schema;

    public ReportReader() {
        try (InputStream in = ReportReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the report schema " + SCHEMA_RESOURCE + " is not on the classpath; "
                        + "build the module with Maven, which copies it from analyzer/docs/");
            }
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code path}: a {@code decomposition.json}, or a folder holding one. */
    public Report read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("decomposition.json") : path;
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("--report " + path + " is not a decomposition.json nor a folder holding one; "
                    + "run './strangler analyze MONOLITH_DIR' to write it");
        }
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new BadInputException("--report " + file + " is not valid JSON: " + e.getOriginalMessage());
        }
        return read(root, file.toString());
    }

    Report read(JsonNode root, String name) {
        JsonNode version = root.path("schemaVersion");
        if (!version.isInt() || version.intValue() != SCHEMA_VERSION) {
            throw new BadInputException("--report " + name + " has schemaVersion " + (version.isMissingNode() ? "(none)" : version)
                    + ", but this extract understands schemaVersion " + SCHEMA_VERSION
                    + " only; analyze the monolith again with the analyzer of this toolkit's version");
        }
        List<Error> errors = schema.validate(root);
        if (!errors.isEmpty()) {
            List<String> lines = new ArrayList<>();
            errors.stream().limit(MAX_ERRORS_SHOWN).forEach(e -> lines.add(e.getInstanceLocation() + ": " + e.getMessage()));
            if (errors.size() > MAX_ERRORS_SHOWN) {
                lines.add("... and " + (errors.size() - MAX_ERRORS_SHOWN) + " more");
            }
            throw new BadInputException("--report " + name + " does not follow the report schema (analyzer/docs/"
                    + "decomposition.schema.json), " + errors.size() + " problem(s); was it edited by hand?", lines);
        }
        return toReport(root);
    }

    private static Report toReport(JsonNode root) {
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode c : root.path("candidates")) {
            candidates.add(toCandidate(c));
        }
        List<Report.ClassEdge> edges = new ArrayList<>();
        for (JsonNode e : root.path("graph").path("edges")) {
            edges.add(new Report.ClassEdge(e.path("from").asString(), e.path("to").asString(), e.path("kind").asString()));
        }
        return new Report(root.path("codebase").path("name").asString(), candidates, edges);
    }

    private static Candidate toCandidate(JsonNode c) {
        List<String> classes = new ArrayList<>();
        c.path("classes").forEach(n -> classes.add(n.asString()));
        List<Route> routes = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (JsonNode r : c.path("routes")) {
            if ("HTTP".equals(r.path("kind").asString())) {
                String path = r.path("path").asString();
                routes.add(new Route(r.path("method").asString(), path.startsWith("/") ? path : "/" + path,
                        r.path("handler").asString()));
            } else {
                others.add(r.path("kind").asString() + " " + r.path("method").asString() + " " + r.path("handler").asString());
            }
        }
        List<TableUse> tables = new ArrayList<>();
        for (JsonNode t : c.path("tables")) {
            List<String> sharedWith = new ArrayList<>();
            t.path("sharedWith").forEach(n -> sharedWith.add(n.asString()));
            tables.add(new TableUse(t.path("table").asString(), t.path("owned").asBoolean(), sharedWith,
                    t.path("writes").asInt(), t.path("reads").asInt(), List.of()));
        }
        return new Candidate(c.path("name").asString(), c.path("sharedKernel").asBoolean(),
                c.path("extractionOrder").asInt(), classes, routes, others, tables);
    }
}
