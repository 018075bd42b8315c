package dev.strangler.analyzer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.ModelFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --baseline}: the difference after the summary, and exit 1 when coupling got worse. */
class BaselineOptionTest {
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Codebase shop;
    private Path baseline;

    @BeforeEach
    void write_a_baseline() {
        Codebase fixture = ModelFixtures.shop();
        shop = new Codebase(fixture.name(), fixture.types(), fixture.dependencies(), fixture.methods(),
                fixture.entryPoints(), fixture.entities(), fixture.repositories(), fixture.tableAccesses(),
                fixture.risks(), List.of(), fixture.stats());
        assertThat(run("--out", temp.resolve("before").toString())).isEqualTo(Main.OK);
        baseline = temp.resolve("before/decomposition.json");
        out.getBuffer().setLength(0);
    }

    private int run(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = temp.toString();
        args[1] = "--quiet";
        System.arraycopy(options, 0, args, 2, options.length);
        return AnalyzeCommand.execute(args, new PrintWriter(out), new PrintWriter(err),
                (root, classpath, threads, progress) -> shop);
    }

    @Test
    void the_same_codebase_is_unchanged_against_its_own_report_and_exits_0() {
        int code = run("--out", temp.resolve("after").toString(), "--baseline", baseline.toString());

        assertThat(code).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("Report: ")
                .contains("Compared with baseline decomposition.json: 0 new cross-candidate dependencies, 0 removed")
                .contains("(unchanged)");
    }

    @Test
    void a_dependency_missing_from_the_baseline_is_printed_with_its_site_and_exits_1() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode report = (ObjectNode) json.readTree(baseline.toFile());
        report.withArray("candidates").forEach(candidate -> ((ObjectNode) candidate).putArray("outbound"));
        Path emptied = temp.resolve("no-coupling.json");
        json.writeValue(emptied.toFile(), report);

        int code = run("--out", temp.resolve("after").toString(), "--baseline", emptied.toString());

        assertThat(code).isEqualTo(Main.PROBLEMS);
        assertThat(out.toString()).contains("(worse)").containsPattern("\\S+\\.java:\\d+: new dependency \\S+ -> \\S+: ");
        assertThat(out.toString().indexOf("Compared with baseline")).isGreaterThan(out.toString().indexOf("Report: "));
    }

    @Test
    void a_baseline_of_another_schema_version_is_a_usage_error_and_nothing_is_written() throws IOException {
        Path other = temp.resolve("v2.json");
        Files.writeString(other, Files.readString(baseline).replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));

        int code = run("--out", temp.resolve("after").toString(), "--baseline", other.toString());

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("baseline v2.json has schemaVersion 2")
                .contains("understands schemaVersion 1 only");
        assertThat(temp.resolve("after")).doesNotExist();
    }

    @Test
    void a_missing_baseline_is_a_usage_error_that_says_how_to_write_one() {
        int code = run("--baseline", temp.resolve("nope.json").toString());

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--baseline file does not exist").contains("nope.json")
                .contains("./strangler analyze PATH --out DIR");
    }
}
