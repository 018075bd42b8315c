package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.report.ReportSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real scans through {@link Main#run}: fixture apps in other styles, and the sample monolith. */
class EndToEndTest {
    /**
     * Share of the sample monolith's classes that must land in the service its expected decomposition names.
     * Justified in the analyzer README ("Agreement with the sample monolith").
     */
    static final double SAMPLE_AGREEMENT_FLOOR = 0.55;
    /** The same for the servlet + JDBC fixture app (Lendwell), justified in the README too. */
    static final double SERVLET_APP_AGREEMENT_FLOOR = 0.70;

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures", name);
    }

    @Test
    void servlet_and_jdbc_app_without_spring_is_cut_by_its_routes_and_tables() throws IOException {
        Path app = fixture("servlet-jdbc-app");

        int code = run(app.toString(), "--out", temp.toString(), "--quiet",
                "--expected", app.resolve("expected-decomposition.yml").toString());

        assertThat(code).as(err.toString()).isIn(Main.OK, Main.PROBLEMS);
        String json = Files.readString(temp.resolve("decomposition.json"), StandardCharsets.UTF_8);
        ReportSchema.assertValid(json);
        assertThat(json).contains("\"framework\": \"servlet\"");
        assertThat(Double.parseDouble(first(json, "\"accuracy\": ([0-9.]+)")))
                .as(out.toString()).isGreaterThanOrEqualTo(SERVLET_APP_AGREEMENT_FLOOR);
        assertThat(count(json, "\"owned\": true")).as("every table has one owner").isEqualTo(distinctTables(json));
        assertThat(Files.readString(temp.resolve("decomposition.md"))).contains("```mermaid").contains("## Extraction order");
    }

    @Test
    void bad_files_are_listed_compiler_style_and_the_rest_is_still_analysed() throws IOException {
        int code = run(fixture("bad-input").toString(), "--out", temp.toString(), "--quiet");

        assertThat(code).isEqualTo(Main.PROBLEMS);
        ReportSchema.assertValid(temp.resolve("decomposition.json"));
        assertThat(err.toString()).containsPattern("src/main/java/bad/Broken\\.java:\\d+:\\d+: error: ");
        assertThat(Files.readString(temp.resolve("decomposition.md"))).contains("## Problems").contains("Broken.java");
        assertThat(out.toString()).contains("1 candidate services");
    }

    @Test
    void the_same_input_gives_a_byte_identical_report() throws IOException {
        run(fixture("spring-shop").toString(), "--out", temp.resolve("a").toString(), "--quiet", "--threads", "2");
        run(fixture("spring-shop").toString(), "--out", temp.resolve("b").toString(), "--quiet", "--threads", "1");

        ReportSchema.assertValid(temp.resolve("a/decomposition.json"));
        assertThat(Files.readString(temp.resolve("a/decomposition.json")))
                .isEqualTo(Files.readString(temp.resolve("b/decomposition.json")));
        assertThat(Files.readString(temp.resolve("a/decomposition.md")))
                .isEqualTo(Files.readString(temp.resolve("b/decomposition.md")));
    }

    @Test
    void sample_monolith_recovers_the_documented_business_areas() throws IOException {
        Path sample = Path.of(System.getProperty("strangler.sample", "../legacy-sample-monolith"));
        assumeTrue(Files.isDirectory(sample.resolve("src/main/java")),
                "the sample monolith's sources are not at " + sample.toAbsolutePath() + "; end-to-end run skipped");
        Path expected = sample.resolve("expected-decomposition.yml");
        boolean hasExpected = Files.isRegularFile(expected);

        int code = hasExpected
                ? run(sample.toString(), "--out", temp.toString(), "--quiet", "--expected", expected.toString())
                : run(sample.toString(), "--out", temp.toString(), "--quiet");

        assertThat(code).as(err.toString()).isIn(Main.OK, Main.PROBLEMS);
        String json = Files.readString(temp.resolve("decomposition.json"), StandardCharsets.UTF_8);
        ReportSchema.assertValid(json);
        int services = Integer.parseInt(first(json, "\"services\": (\\d+)"));
        assertThat(services).as("a handful of services").isBetween(3, 12);
        if (hasExpected) {
            double accuracy = Double.parseDouble(first(json, "\"accuracy\": ([0-9.]+)"));
            assertThat(accuracy).as(out.toString()).isGreaterThanOrEqualTo(SAMPLE_AGREEMENT_FLOOR);
        }
    }

    private static String first(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("report has " + regex).isTrue();
        return matcher.group(1);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private static long distinctTables(String json) {
        Matcher matcher = Pattern.compile("\"table\": \"([^\"]+)\"").matcher(json);
        java.util.Set<String> tables = new java.util.TreeSet<>();
        while (matcher.find()) {
            tables.add(matcher.group(1));
        }
        return tables.size();
    }
}
