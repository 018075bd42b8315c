package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.ModelFixtures;
import dev.strangler.analyzer.report.ReportSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line on a hand-built model (the scanners have their own tests). */
class MainTest {
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Codebase codebase, String... args) {
        return AnalyzeCommand.execute(args, new PrintWriter(out), new PrintWriter(err),
                (root, classpath, threads, progress) -> codebase);
    }

    @Test
    void writes_both_reports_and_exits_1_when_the_input_had_problems() throws IOException {
        Path report = temp.resolve("report");

        int code = run(ModelFixtures.shop(), temp.toString(), "--out", report.toString(), "--quiet");

        assertThat(code).isEqualTo(Main.PROBLEMS);
        assertThat(Files.readString(report.resolve("decomposition.json"))).contains("\"schemaVersion\": 1");
        ReportSchema.assertValid(report.resolve("decomposition.json"));
        assertThat(Files.readString(report.resolve("decomposition.md"))).contains("```mermaid");
        assertThat(err.toString()).contains("src/main/java/com/acme/web/Broken.java:3:1: error: cannot parse");
        assertThat(out.toString()).contains("3 candidate services").contains("orders").contains("Report: ");
    }

    @Test
    void exits_0_without_problems() {
        Codebase shop = ModelFixtures.shop();
        Codebase clean = new Codebase(shop.name(), shop.types(), shop.dependencies(), shop.methods(), shop.entryPoints(),
                shop.entities(), shop.repositories(), shop.tableAccesses(), shop.risks(), java.util.List.of(), shop.stats());

        int code = run(clean, temp.toString(), "--out", temp.resolve("r").toString());

        assertThat(code).isEqualTo(Main.OK);
        assertThat(err.toString()).isEmpty();
        ReportSchema.assertValid(temp.resolve("r/decomposition.json"));
    }

    @Test
    void default_output_folder_is_named_after_the_analysed_folder() {
        Path analysed = temp.resolve("my-monolith");

        assertThat(analysed.toFile().mkdirs()).isTrue();
        String previous = System.getProperty("user.dir");
        int code = run(ModelFixtures.shop(), analysed.toString(), "--quiet");

        assertThat(code).isEqualTo(Main.PROBLEMS);
        assertThat(out.toString()).contains("reports/my-monolith/decomposition.md".replace('/', java.io.File.separatorChar));
        assertThat(previous).isEqualTo(System.getProperty("user.dir"));
        deleteQuietly(Path.of("reports", "my-monolith"));
    }

    @Test
    void a_missing_path_is_a_usage_error() {
        int code = run(ModelFixtures.shop(), temp.resolve("nope").toString());

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("PATH does not exist").contains("nope");
    }

    @Test
    void services_and_resolution_together_are_a_usage_error() {
        int code = run(ModelFixtures.shop(), temp.toString(), "--services", "3", "--resolution", "1.5");

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("either --services or --resolution");
    }

    @Test
    void an_unknown_option_is_a_usage_error() {
        int code = run(ModelFixtures.shop(), temp.toString(), "--colour");

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--colour");
    }

    @Test
    void help_is_printed_on_stdout_with_exit_0() {
        int code = run(ModelFixtures.shop(), "--help");

        assertThat(code).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("--services").contains("--decisions").contains("Exit codes");
    }

    @Test
    void nothing_to_analyse_fails_with_a_clear_message() {
        Codebase empty = new dev.strangler.analyzer.core.ModelBuilder("empty", "p").build();

        int code = run(empty, temp.toString());

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("nothing to analyse");
    }

    @Test
    void decisions_and_expected_files_are_honoured() throws IOException {
        Path decisions = Files.writeString(temp.resolve("decisions.yml"), """
                merge:
                  - into: sales
                    candidates: [orders, customers]
                rename:
                  products: catalog
                """);
        Path expected = Files.writeString(temp.resolve("expected.yml"), """
                services:
                  catalog:
                    classes: [com.acme.web.ProductController, com.acme.service.ProductService, com.acme.model.Product]
                  sales:
                    classes: [com.acme.web.OrderController, com.acme.service.OrderService, com.acme.model.Customer]
                """);

        int code = run(ModelFixtures.shop(), temp.toString(), "--out", temp.resolve("r").toString(),
                "--decisions", decisions.toString(), "--expected", expected.toString());

        assertThat(code).isEqualTo(Main.PROBLEMS);
        assertThat(out.toString()).contains("catalog").contains("sales").contains("Agreement with expected.yml: 100.0 %");
        assertThat(Files.readString(temp.resolve("r/decomposition.md"))).contains("## The team's decisions");
        ReportSchema.assertValid(temp.resolve("r/decomposition.json"));
    }

    @Test
    void a_bad_decisions_file_names_the_line() throws IOException {
        Path decisions = Files.writeString(temp.resolve("decisions.yml"), """
                pin:
                  billing: [com.acme.billing.**]
                explode: true
                """);

        int code = run(ModelFixtures.shop(), temp.toString(), "--decisions", decisions.toString());

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("decisions.yml:3: unknown key 'explode'");
    }

    @Test
    void invalid_yaml_in_decisions_names_the_line() throws IOException {
        Path decisions = Files.writeString(temp.resolve("decisions.yml"), "pin:\n  billing: [a.b\n");

        int code = run(ModelFixtures.shop(), temp.toString(), "--decisions", decisions.toString());

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("decisions.yml:").contains("not valid YAML");
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: the folder is under target's working directory only when tests run there
        }
        Path reports = Path.of("reports");
        if (Files.isDirectory(reports) && reports.toFile().list().length == 0) {
            reports.toFile().delete();
        }
    }
}
