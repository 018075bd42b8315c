package dev.strangler.analyzer.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's JSON Schema, {@code docs/decomposition.schema.json}, for the tests that write reports: each checks
 * what it wrote with {@link #assertValid(String)}. Public because the CLI tests live in another package.
 */
public final class ReportSchema {
    /** Relative to the analyzer module, where the tests run. */
    public static final Path FILE = Path.of("docs/decomposition.schema.json");

    private static final Schema SCHEMA = load();

    private ReportSchema() {
    }

    /** Each violation of the schema as {@code <JSON path>: <message>}, in the validator's order; empty when valid. */
    public static List<String> violations(String json) {
        List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
        return errors.stream().map(ReportSchema::describe).toList();
    }

    /** Fails the test with every violation, each with its JSON path, unless {@code json} follows the schema. */
    public static void assertValid(String json) {
        assertThat(violations(json)).as("violations of %s", FILE).isEmpty();
    }

    /** As {@link #assertValid(String)}, for a report on disk. */
    public static void assertValid(Path report) {
        try {
            assertValid(Files.readString(report, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report " + report, e);
        }
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    private static Schema load() {
        if (!Files.isRegularFile(FILE)) {
            throw new IllegalStateException("the report schema " + FILE.toAbsolutePath() + " is missing; run the tests"
                    + " from the analyzer module (./mvnw -pl analyzer test), where docs/ holds it");
        }
        try {
            String schema = Files.readString(FILE, StandardCharsets.UTF_8);
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    registry -> registry.schemaRegistryConfig(config)).getSchema(schema, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report schema " + FILE, e);
        }
    }
}
