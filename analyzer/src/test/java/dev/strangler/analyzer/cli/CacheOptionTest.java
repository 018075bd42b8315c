package dev.strangler.analyzer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan cache through the command line: on by default under the output folder, identical reports, --no-cache. */
class CacheOptionTest {
    private static final List<String> REPORTS = List.of("decomposition.json", "decomposition.md", "decomposition.html");
    private static final Path APP = Path.of("src/test/resources/fixtures/servlet-jdbc-app");

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void a_warm_run_writes_the_same_three_reports_as_the_cold_run_and_says_it_reused_the_scan() throws IOException {
        Path report = temp.resolve("report");

        run(APP.toString(), "--out", report.toString(), "--quiet");
        List<byte[]> cold = read(report);
        assertThat(err.toString()).contains("cache: full run, no cache yet");
        assertThat(report.resolve(".strangler-cache/scan.bin")).isRegularFile();
        err.getBuffer().setLength(0);

        int code = run(APP.toString(), "--out", report.toString(), "--quiet");

        assertThat(code).as(err.toString()).isIn(Main.OK, Main.PROBLEMS);
        assertThat(err.toString()).containsPattern("cache: 0 of \\d+ files re-analysed");
        List<byte[]> warm = read(report);
        for (int i = 0; i < REPORTS.size(); i++) {
            assertThat(warm.get(i)).as(REPORTS.get(i)).isEqualTo(cold.get(i));
        }
    }

    @Test
    void no_cache_neither_reads_nor_writes_the_cache_and_gives_the_same_reports() throws IOException {
        Path cached = temp.resolve("cached");
        Path uncached = temp.resolve("uncached");
        run(APP.toString(), "--out", cached.toString(), "--quiet");
        run(APP.toString(), "--out", cached.toString(), "--quiet");
        err.getBuffer().setLength(0);

        run(APP.toString(), "--out", uncached.toString(), "--quiet", "--no-cache");

        assertThat(uncached.resolve(".strangler-cache")).doesNotExist();
        assertThat(err.toString()).doesNotContain("cache:");
        List<byte[]> warm = read(cached);
        List<byte[]> cold = read(uncached);
        for (int i = 0; i < REPORTS.size(); i++) {
            assertThat(warm.get(i)).as(REPORTS.get(i)).isEqualTo(cold.get(i));
        }
    }

    @Test
    void help_lists_no_cache() {
        run("--help");

        assertThat(out.toString()).contains("--no-cache").contains(".strangler-cache");
    }

    private static List<byte[]> read(Path folder) throws IOException {
        return List.of(Files.readAllBytes(folder.resolve(REPORTS.get(0))), Files.readAllBytes(folder.resolve(REPORTS.get(1))),
                Files.readAllBytes(folder.resolve(REPORTS.get(2))));
    }
}
