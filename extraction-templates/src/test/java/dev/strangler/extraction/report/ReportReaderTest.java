package dev.strangler.extraction.report;

import dev.strangler.extraction.core.BadInputException;
import dev.strangler.extraction.core.Candidate;
import dev.strangler.extraction.core.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportReaderTest {
    static final Path SAMPLE_REPORT = Path.of("..", "reports", "legacy-sample-monolith", "decomposition.json");
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void reads_the_sample_report_from_its_folder() {
        Report report = new ReportReader().read(SAMPLE_REPORT.getParent());

        assertThat(report.serviceNames()).startsWith("coupon").contains("cart", "orders").doesNotContain("shared-kernel");
        Candidate coupon = report.candidate("coupon").orElseThrow();
        assertThat(coupon.classes()).contains("com.acmeshop.controller.CouponController");
        assertThat(coupon.routes()).extracting(r -> r.method() + " " + r.path()).containsExactly("GET /api/coupons/{code}");
        assertThat(report.edges()).isNotEmpty();
    }

    @Test
    void refuses_another_schema_version_first_naming_the_one_it_understands(@TempDir Path dir) throws Exception {
        ObjectNode root = (ObjectNode) mapper.readTree(SAMPLE_REPORT.toFile());
        root.put("schemaVersion", 2);
        root.remove("candidates");
        Path file = dir.resolve("decomposition.json");
        mapper.writeValue(file.toFile(), root);

        assertThatThrownBy(() -> new ReportReader().read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("schemaVersion 2")
                .hasMessageContaining("understands schemaVersion 1 only");
    }

    @Test
    void refuses_a_report_that_fails_the_schema_with_the_json_path_of_each_problem(@TempDir Path dir) throws Exception {
        ObjectNode root = (ObjectNode) mapper.readTree(SAMPLE_REPORT.toFile());
        ((ObjectNode) root.path("candidates").get(0)).put("extractionOrder", "first");
        Path file = dir.resolve("decomposition.json");
        mapper.writeValue(file.toFile(), root);

        assertThatThrownBy(() -> new ReportReader().read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("does not follow the report schema")
                .satisfies(e -> assertThat(((BadInputException) e).details())
                        .anyMatch(d -> d.contains("/candidates/0/extractionOrder")));
    }

    @Test
    void refuses_a_file_that_is_not_json(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("decomposition.json"), "{ not json");

        assertThatThrownBy(() -> new ReportReader().read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not valid JSON");
    }

    @Test
    void refuses_a_folder_without_a_report_and_says_how_to_write_one(@TempDir Path dir) {
        assertThatThrownBy(() -> new ReportReader().read(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("./strangler analyze");
    }
}
