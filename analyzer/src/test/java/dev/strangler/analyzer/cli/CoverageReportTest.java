package dev.strangler.analyzer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports' entry point coverage, through {@link Main#run} on fixture apps. */
class CoverageReportTest {
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int analyse(String fixture) {
        return Main.run(new String[]{Path.of("src/test/resources/fixtures", fixture).toString(), "--out",
                temp.toString(), "--quiet"}, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void a_codebase_without_entry_points_exits_1_and_its_reports_say_the_split_rests_on_structure_alone()
            throws IOException {
        int code = analyse("no-entry");

        assertThat(code).isEqualTo(Main.PROBLEMS);
        assertThat(err.toString()).contains("warning: no entry point found");
        String markdown = Files.readString(temp.resolve("decomposition.md"), StandardCharsets.UTF_8);
        assertThat(markdown).contains("**No entry point was found, so no use case was traced: the split rests on"
                + " structure alone (dependencies and tables).")
                .contains("  - tapestry: 0 (**not traced**) — detected by import org.apache.tapestry5 in 1 file");
        String json = Files.readString(temp.resolve("decomposition.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"structureOnly\": true").contains("\"framework\": \"tapestry\"");
    }

    @Test
    void a_codebase_with_entry_points_reports_them_per_framework_with_the_evidence() throws IOException {
        int code = analyse("javaee");

        assertThat(code).as(err.toString()).isEqualTo(Main.PROBLEMS); // the batchlet its job names is missing
        String markdown = Files.readString(temp.resolve("decomposition.md"), StandardCharsets.UTF_8);
        assertThat(markdown).doesNotContain("structure alone")
                .contains("  - websocket: 2 — detected by import javax.websocket in 1 file")
                .contains("  - jsf: 8 — detected by descriptor src/main/webapp/WEB-INF/faces-config.xml; descriptor"
                        + " src/main/webapp/booking/booking-flow.xml; import javax.faces in 1 file");
        String json = Files.readString(temp.resolve("decomposition.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"structureOnly\": false");
    }
}
