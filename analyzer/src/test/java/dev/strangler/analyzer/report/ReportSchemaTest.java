package dev.strangler.analyzer.report;

import dev.strangler.analyzer.core.Decomposer;
import dev.strangler.analyzer.core.DecompositionOptions;
import dev.strangler.analyzer.core.ModelFixtures;
import dev.strangler.analyzer.core.ProgressListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report schema accepts what the writer writes and refuses a report that is broken, saying where. */
class ReportSchemaTest {
    private static final Path SAMPLE_REPORT = Path.of("../reports/legacy-sample-monolith/decomposition.json");

    private static String report() {
        return new JsonReportWriter().render(
                new Decomposer().decompose(ModelFixtures.shop(), DecompositionOptions.defaults(), ProgressListener.NONE));
    }

    @Test
    void the_committed_sample_report_follows_the_schema() throws IOException {
        assertThat(SAMPLE_REPORT).as("the sample's committed report; regenerate it with ./strangler analyze"
                + " legacy-sample-monolith --out reports/legacy-sample-monolith").isRegularFile();

        ReportSchema.assertValid(Files.readString(SAMPLE_REPORT, StandardCharsets.UTF_8));
    }

    @Test
    void a_missing_field_is_named_with_its_path() {
        String broken = report().replaceFirst("\"framework\": \"[^\"]*\",\\s*", "");

        assertThat(ReportSchema.violations(broken)).singleElement().asString()
                .startsWith("$.candidates[0].routes[0]: ").contains("framework");
    }

    @Test
    void another_schema_version_is_refused() {
        String broken = report().replace("\"schemaVersion\": 1,", "\"schemaVersion\": 2,");

        assertThat(ReportSchema.violations(broken)).singleElement().asString()
                .startsWith("$.schemaVersion: ").contains("1");
    }

    @Test
    void a_misspelt_field_is_refused() {
        String broken = report().replaceFirst("\"sharedKernel\":", "\"sharedKernal\":");

        assertThat(ReportSchema.violations(broken))
                .anySatisfy(v -> assertThat(v).startsWith("$.candidates[0]: ").contains("sharedKernal"))
                .anySatisfy(v -> assertThat(v).startsWith("$.candidates[0]: ").contains("sharedKernel"));
    }

    @Test
    void a_value_outside_a_closed_set_is_refused() {
        String broken = report().replaceFirst("\"kind\": \"CALL\"", "\"kind\": \"CALLS\"");

        assertThat(ReportSchema.violations(broken)).singleElement().asString().contains("kind").contains("CALL");
    }

    @Test
    void a_number_written_as_text_is_refused() {
        String broken = report().replaceFirst("\"filesFound\": (\\d+)", "\"filesFound\": \"$1\"");

        assertThat(ReportSchema.violations(broken)).singleElement().asString()
                .startsWith("$.codebase.stats.filesFound: ").contains("integer");
    }

    @Test
    void assert_valid_fails_listing_the_violations() {
        String broken = report().replace("\"schemaVersion\": 1,", "\"schemaVersion\": 2,");

        assertThatThrownBy(() -> ReportSchema.assertValid(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("$.schemaVersion");
    }
}
