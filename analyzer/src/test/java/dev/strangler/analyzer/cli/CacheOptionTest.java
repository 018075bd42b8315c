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
    void after_a_body_edit_the_warm_run_re_analyses_one_file_and_writes_the_reports_of_a_run_without_cache()
            throws IOException {
        Path app = temp.resolve("app");
        copy(APP, app);
        Path report = temp.resolve("report");
        run(app.toString(), "--out", report.toString(), "--quiet");
        Path dao = app.resolve("src/main/java/org/lendwell/dao/AuthorDao.java");
        String text = Files.readString(dao);
        assertThat(text).contains("\"SELECT id FROM author WHERE name = ?\"");
        // another table read inside a method body: the model changes, the file's outline does not
        Files.writeString(dao, text.replace("\"SELECT id FROM author WHERE name = ?\"",
                "\"SELECT id FROM author_alias WHERE name = ?\""));
        err.getBuffer().setLength(0);

        run(app.toString(), "--out", report.toString(), "--quiet");
        String note = err.toString();
        run(app.toString(), "--out", temp.resolve("uncached").toString(), "--quiet", "--no-cache");

        assertThat(note).contains("cache: 1 of ").contains(" Java files re-analysed (1 changed, 0 related by inheritance;");
        List<byte[]> warm = read(report);
        List<byte[]> cold = read(temp.resolve("uncached"));
        for (int i = 0; i < REPORTS.size(); i++) {
            assertThat(warm.get(i)).as(REPORTS.get(i)).isEqualTo(cold.get(i));
        }
        assertThat(new String(warm.get(0), java.nio.charset.StandardCharsets.UTF_8)).contains("author_alias");
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

    private static void copy(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static List<byte[]> read(Path folder) throws IOException {
        return List.of(Files.readAllBytes(folder.resolve(REPORTS.get(0))), Files.readAllBytes(folder.resolve(REPORTS.get(1))),
                Files.readAllBytes(folder.resolve(REPORTS.get(2))));
    }
}
