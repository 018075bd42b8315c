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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlReportWriterTest {
    private static final Pattern EMBEDDED = Pattern.compile(
            "<script type=\"application/json\" id=\"report-data\">\n(.*?)\n</script>", Pattern.DOTALL);

    private static String json() {
        return new JsonReportWriter().render(new Decomposer().decompose(ModelFixtures.shop(),
                DecompositionOptions.defaults(), ProgressListener.NONE));
    }

    @Test
    void embeds_the_json_report_unchanged_but_for_escaped_angle_brackets_and_ampersands() {
        String json = json();

        Matcher embedded = EMBEDDED.matcher(new HtmlReportWriter().render(json));

        assertThat(embedded.find()).isTrue();
        assertThat(embedded.group(1).replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&"))
                .isEqualTo(json);
    }

    @Test
    void text_that_would_end_the_script_element_is_escaped() {
        String json = "{\"message\": \"</script><!-- a & b >\"}";

        String safe = HtmlReportWriter.forScriptElement(json);

        assertThat(safe).isEqualTo("{\"message\": \"\\u003c/script\\u003e\\u003c!-- a \\u0026 b \\u003e\"}");
    }

    @Test
    void line_and_paragraph_separators_are_escaped_and_other_characters_kept() {
        String json = "{\"message\": \"caf\u00e9 \u20ac \u2028 \u2029 \u2027 \ud83d\ude00 <\"}";

        String safe = HtmlReportWriter.forScriptElement(json);

        assertThat(safe).isEqualTo("{\"message\": \"caf\u00e9 \u20ac \\u2028 \\u2029 \u2027 \ud83d\ude00 \\u003c\"}");
    }

    @Test
    void the_streamed_page_is_the_rendered_one() throws IOException {
        String json = json();
        java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();

        new HtmlReportWriter().write(json.getBytes(StandardCharsets.UTF_8), streamed);

        assertThat(streamed.toString(StandardCharsets.UTF_8)).isEqualTo(new HtmlReportWriter().render(json));
    }

    @Test
    void page_is_self_contained_with_the_graph_library_inlined() {
        String page = new HtmlReportWriter().render(json());

        assertThat(page).contains("The Cytoscape Consortium").contains("function buildRoutes")
                .doesNotContain("<script src").doesNotContain("<link").doesNotContain("{{report}}");
        assertThat(page.split("</script>", -1)).hasSize(4);
    }

    @Test
    void the_samples_committed_page_is_the_one_its_committed_json_gives() throws IOException {
        Path folder = Path.of("../reports/legacy-sample-monolith");

        String rendered = new HtmlReportWriter().render(Files.readString(folder.resolve("decomposition.json"),
                StandardCharsets.UTF_8));

        // compared as a yes or no: a diff of two 1 MB pages would bury the message
        assertThat(Files.readString(folder.resolve("decomposition.html"), StandardCharsets.UTF_8).equals(rendered))
                .as("reports/legacy-sample-monolith/decomposition.html must show the decomposition.json beside it; "
                        + "regenerate both with ./strangler analyze legacy-sample-monolith")
                .isTrue();
    }

    @Test
    void same_json_gives_byte_identical_pages() {
        String json = json();

        assertThat(new HtmlReportWriter().render(json)).isEqualTo(new HtmlReportWriter().render(json));
    }

    @Test
    void template_placeholders_without_a_value_are_named() {
        assertThatThrownBy(() -> PageTemplate.fill("<p>{{title}}</p>", Map.of("style", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{title}}").hasMessageContaining("style");
    }

    @Test
    void inserted_text_is_not_read_again_as_a_placeholder() {
        assertThat(PageTemplate.fill("{{a}}|{{b}}", Map.of("a", "{{b}}", "b", "x"))).isEqualTo("{{b}}|x");
    }
}
