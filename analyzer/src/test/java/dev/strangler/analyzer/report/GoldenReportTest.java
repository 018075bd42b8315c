package dev.strangler.analyzer.report;

import dev.strangler.analyzer.core.Decomposer;
import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.DecompositionOptions;
import dev.strangler.analyzer.core.ModelFixtures;
import dev.strangler.analyzer.core.ProgressListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports of a small hand-built model against golden files. To regenerate them on purpose, run
 * {@code ./mvnw -o -pl analyzer test -Dtest=GoldenReportTest -Dgolden.update=true} and review the diff.
 */
class GoldenReportTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/tiny-shop");

    private static Decomposition decompose() {
        return new Decomposer().decompose(ModelFixtures.shop(), DecompositionOptions.defaults(), ProgressListener.NONE);
    }

    @Test
    void markdown_report_matches_golden_file() throws IOException {
        String rendered = new MarkdownReportWriter().render(decompose());

        assertThat(rendered).isEqualTo(golden("decomposition.md", rendered));
    }

    @Test
    void json_report_matches_golden_file() throws IOException {
        String rendered = new JsonReportWriter().render(decompose());

        ReportSchema.assertValid(rendered);
        assertThat(rendered).isEqualTo(golden("decomposition.json", rendered));
    }

    @Test
    void same_input_gives_byte_identical_reports() {
        assertThat(new JsonReportWriter().render(decompose())).isEqualTo(new JsonReportWriter().render(decompose()));
        assertThat(new MarkdownReportWriter().render(decompose())).isEqualTo(new MarkdownReportWriter().render(decompose()));
    }

    private static String golden(String file, String rendered) throws IOException {
        Path path = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(path, rendered, StandardCharsets.UTF_8);
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
