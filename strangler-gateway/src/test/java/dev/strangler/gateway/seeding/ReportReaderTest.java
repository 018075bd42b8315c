package dev.strangler.gateway.seeding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportReaderTest {
    /** The analyzer's committed report on the sample monolith. */
    static final Path SAMPLE_REPORT = Path.of("../reports/legacy-sample-monolith/decomposition.json");

    private final ReportReader reader = new ReportReader();

    @TempDir
    Path temp;

    static String sampleReport() throws IOException {
        assertThat(SAMPLE_REPORT).as("the analyzer's committed report on the sample monolith; write it with"
                + " ./strangler analyze legacy-sample-monolith --out reports/legacy-sample-monolith").isRegularFile();
        return Files.readString(SAMPLE_REPORT);
    }

    @Test
    void reads_the_candidates_and_entry_points_of_the_sample_report() {
        DecompositionReport report = reader.read(SAMPLE_REPORT);

        assertThat(report.codebase()).isEqualTo("legacy-sample-monolith");
        assertThat(report.candidates()).contains("orders", "cart", "shared-kernel");
        assertThat(report.routes()).anySatisfy(route -> {
            assertThat(route.label()).isEqualTo("GET /api/orders/{id}");
            assertThat(route.candidate()).isEqualTo("orders");
        });
        assertThat(report.routes()).anyMatch(route -> !route.isHttp());
    }

    @Test
    void reads_the_report_in_a_folder() throws IOException {
        Files.writeString(temp.resolve("decomposition.json"), sampleReport());

        assertThat(reader.read(temp).routes()).hasSameSizeAs(reader.read(SAMPLE_REPORT).routes());
    }

    @Test
    void refuses_another_schema_version_for_its_version_before_checking_fields() throws IOException {
        String newer = sampleReport().replace("\"schemaVersion\": 1,", "\"schemaVersion\": 2,")
                .replace("\"generator\": \"strangler-analyzer\",", "\"producer\": \"strangler-analyzer\",");

        assertThatThrownBy(() -> reader.parse(newer, "newer.json"))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageContaining("newer.json has schemaVersion 2")
                .hasMessageContaining("understands schema version 1")
                .hasMessageNotContaining("producer")
                .satisfies(e -> assertThat(((InvalidReportException) e).violations()).isEmpty());
    }

    @Test
    void refuses_a_report_without_a_schema_version() {
        assertThatThrownBy(() -> reader.parse("{\"candidates\": []}", "odd.json"))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageContaining("odd.json has no schemaVersion")
                .hasMessageContaining("schema version 1");
    }

    @Test
    void lists_every_violation_of_a_broken_report_with_its_json_path() throws IOException {
        String broken = sampleReport().replaceFirst("\"framework\": \"spring-mvc\",(\\s*\"handler\")", "$1")
                .replaceFirst("\"kind\": \"HTTP\"", "\"kind\": \"WEB\"")
                .replaceFirst("\"sharedKernel\":", "\"sharedKernal\":");

        assertThatThrownBy(() -> reader.parse(broken, "broken.json"))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageStartingWith("broken.json does not follow the decomposition report schema (version 1)")
                .hasMessageContaining("$.candidates[0].routes[0]: required property 'framework' not found")
                .hasMessageContaining("$.candidates[0]: property 'sharedKernal' is not defined")
                .hasMessageContaining("$.candidates[0].routes[0].kind: ")
                .satisfies(e -> assertThat(((InvalidReportException) e).violations())
                        .allMatch(violation -> violation.startsWith("$.")).hasSizeGreaterThanOrEqualTo(4));
    }

    @Test
    void says_where_the_report_is_missing_and_how_to_write_one() {
        assertThatThrownBy(() -> reader.read(temp.resolve("nope.json")))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageContaining("there is no report at " + temp.resolve("nope.json"))
                .hasMessageContaining("./strangler analyze");
        assertThatThrownBy(() -> reader.read(temp))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageContaining("there is no decomposition.json in " + temp);
    }

    @Test
    void refuses_text_that_is_not_a_json_object() {
        assertThatThrownBy(() -> reader.parse("schemaVersion: 1\n", "report.yml"))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageContaining("report.yml is not JSON").hasMessageContaining("line 1");
        assertThatThrownBy(() -> reader.parse("[1, 2]", "list.json"))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageContaining("list.json is not a decomposition report: it holds a JSON array");
    }
}
