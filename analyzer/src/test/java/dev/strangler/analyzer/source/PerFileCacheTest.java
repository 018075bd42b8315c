package dev.strangler.analyzer.source;

import dev.strangler.analyzer.cache.ScanCache;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.ProgressListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-file facts of the scan cache on a copy of the sample monolith: after an edit of each kind, the warm run
 * analyses exactly the files whose facts can have changed and gives the model of a cold run of the edited tree.
 */
class PerFileCacheTest {
    private static final String JAVA = "src/main/java/com/acmeshop/";

    @TempDir
    Path temp;

    private Path tree;
    private Path cacheFolder;

    @BeforeEach
    void copyTheSampleMonolith() throws IOException {
        tree = ScanCacheTest.copySample(temp.resolve("monolith"));
        cacheFolder = temp.resolve("out").resolve(ScanCache.FOLDER);
    }

    @Test
    void a_method_body_edit_re_analyses_only_that_file() throws IOException {
        Codebase before = cached().codebase();
        // a new reference in a body, on the same line: the file's outline stays, its facts change
        edit("controller/ReviewController.java", "return reviewService.rating(productId);",
                "com.acmeshop.util.DateUtils.class.getName(); return reviewService.rating(productId);");

        ScanRun warm = cached();

        assertThat(warm.cacheNote()).isEqualTo("cache: 1 of " + javaFiles() + " Java files re-analysed (1 changed,"
                + " 0 related by inheritance; 1 parsed in full, " + (javaFiles() - 1) + " as outlines)");
        assertThat(warm.filesAnalysed()).isEqualTo(1);
        assertThat(warm.codebase()).isNotEqualTo(before).isEqualTo(uncached());
        assertThat(cached().filesAnalysed()).as("then nothing changed").isZero();
    }

    @Test
    void a_file_that_is_not_utf_8_parsed_as_an_outline_keeps_its_warning_and_its_line_counts() throws IOException {
        Files.write(tree.resolve(JAVA + "util/Legacy.java"), ("package com.acmeshop.util;\n\n// Caf\u00e9 cr\u00e8me\n"
                + "public class Legacy {\n    public String name() {\n        return \"cr\u00e8me br\u00fbl\u00e9e\";\n"
                + "    }\n}\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        cached();
        edit("controller/ReviewController.java", "return reviewService.rating(productId);",
                "com.acmeshop.util.DateUtils.class.getName(); return reviewService.rating(productId);");

        ScanRun warm = cached();

        assertThat(warm.cacheNote()).endsWith("1 parsed in full, " + (javaFiles() - 1) + " as outlines)");
        assertThat(warm.codebase().problems()).anySatisfy(problem -> assertThat(problem.toCompilerStyle())
                .contains("util/Legacy.java").contains("not valid UTF-8"));
        assertThat(warm.codebase()).isEqualTo(uncached());
    }

    @Test
    void a_body_edit_in_a_supertype_re_analyses_its_subtypes_too() throws IOException {
        cached();
        long subtypes;
        try (Stream<Path> files = Files.list(tree.resolve(JAVA + "exception"))) {
            subtypes = files.filter(f -> ScanCacheTest.read(f).contains("extends ShopException")).count();
        }
        assertThat(subtypes).isPositive();
        edit("exception/ShopException.java", "this.status = status;",
                "this.status = status; com.acmeshop.util.DateUtils.class.getName();");

        ScanRun warm = cached();

        assertThat(warm.filesAnalysed()).isEqualTo(1 + (int) subtypes);
        assertThat(warm.cacheNote()).contains("(1 changed, " + subtypes + " related by inheritance; " + (1 + subtypes)
                + " parsed in full, " + (javaFiles() - 1 - subtypes) + " as outlines)");
        assertThat(warm.codebase()).isEqualTo(uncached());
    }

    @Test
    void a_servlet_whose_body_a_front_controller_pass_reads_is_parsed_in_full_though_unchanged() throws IOException {
        Path app = temp.resolve("front-controller");
        ScanCacheTest.copy(Path.of("src/test/resources/fixtures/front-controller"), app);
        Codebase cold = run(app).codebase();
        assertThat(cold.entryPoints()).as("routes found through the servlet's reflective dispatch").isNotEmpty();
        Path action = app.resolve("src/forum/command/TopicAction.java");
        Files.writeString(action, ScanCacheTest.read(action).replace("return \"\";", "return \"edited\";"));

        ScanRun warm = run(app);

        // TopicAction changed, Command is its supertype; Front is unchanged but the front-controller pass reads its body
        assertThat(warm.cacheNote()).isEqualTo("cache: 2 of 3 Java files re-analysed (1 changed, 1 related by inheritance;"
                + " 3 parsed in full, 0 as outlines)");
        assertThat(warm.codebase()).isEqualTo(new SourceScanner(new ScanOptions(List.of(), 2))
                .scan(app, ProgressListener.NONE)).isEqualTo(cold);
    }

    @Test
    void a_constant_read_elsewhere_a_route_or_a_body_that_grows_a_line_changes_the_outline_a_full_run()
            throws IOException {
        cached();
        List<String[]> edits = List.of(
                new String[]{"common/ShopConstants.java", "OUTBOX_PENDING = \"PENDING\"", "OUTBOX_PENDING = \"WAITING\""},
                new String[]{"controller/ReviewController.java", "@GetMapping(\"/rating\")", "@GetMapping(\"/ratings\")"},
                new String[]{"controller/ReviewController.java", "@ResponseStatus(HttpStatus.CREATED)",
                        "@ResponseStatus(HttpStatus.ACCEPTED)"},
                new String[]{"service/CouponService.java", "public class CouponService {",
                        "public class CouponService {\n"});
        for (String[] edit : edits) {
            edit(edit[0], edit[1], edit[2]);

            ScanRun warm = cached();

            assertThat(warm.cacheNote()).as(edit[2]).isEqualTo("cache: full run, 1 file changed, outside method bodies");
            assertThat(warm.filesAnalysed()).as(edit[2]).isEqualTo(javaFiles());
            assertThat(warm.codebase()).as(edit[2]).isEqualTo(uncached());
        }
    }

    @Test
    void a_new_class_a_deleted_file_and_a_descriptor_edit_are_full_runs_equal_to_cold_ones() throws IOException {
        Path descriptor = tree.resolve("src/main/resources/META-INF/orm.xml");
        Files.createDirectories(descriptor.getParent());
        Files.writeString(descriptor, "<entity-mappings><entity class=\"com.acmeshop.model.Coupon\">"
                + "<table name=\"old_coupons\"/></entity></entity-mappings>\n");
        cached();

        Files.writeString(tree.resolve(JAVA + "util/Added.java"), "package com.acmeshop.util;\n"
                + "public class Added { void f() { new com.acmeshop.util.DateUtils(); } }\n");
        assertFullRun("cache: full run, 1 file added");

        Files.delete(tree.resolve(JAVA + "dto/QuoteDto.java"));
        assertFullRun("cache: full run, 1 file removed");

        Files.writeString(descriptor, ScanCacheTest.read(descriptor).replace("old_coupons", "new_coupons"));
        assertFullRun("cache: full run, 1 file changed");

        edit("../../../resources/application.properties", "", "# edited\n");
        assertFullRun("cache: full run, 1 file changed");
    }

    @Test
    void a_damaged_or_other_format_per_file_store_is_refused_with_a_warning_and_a_full_run() throws IOException {
        Codebase cold = cached().codebase();
        Path store = cacheFolder.resolve("files.bin");
        byte[] good = Files.readAllBytes(store);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x20;
        byte[] otherFormat = good.clone();
        otherFormat[8] = 99;
        List<byte[]> bad = List.of(flipped, java.util.Arrays.copyOf(good, good.length / 2), otherFormat,
                "STRFILES and then nonsense".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> expected = List.of("checksum mismatch", "checksum mismatch", "has format 99", "");
        edit("controller/ReviewController.java", "return reviewService.rating(productId);",
                "com.acmeshop.util.DateUtils.class.getName(); return reviewService.rating(productId);");
        Codebase edited = uncached();
        for (int i = 0; i < bad.size(); i++) {
            Files.write(store, bad.get(i));
            Files.deleteIfExists(cacheFolder.resolve("scan.bin"));

            ScanRun run = cached();

            assertThat(run.warnings()).as("case %d", i).singleElement().asString().contains("files.bin")
                    .contains(expected.get(i)).contains("ignored, and rewritten at the end of this run");
            assertThat(run.cacheNote()).as("case %d", i).isEqualTo("cache: full run, no cache yet");
            assertThat(run.filesAnalysed()).isEqualTo(javaFiles());
            assertThat(run.codebase()).isEqualTo(edited);
        }
        assertThat(cold).isNotEqualTo(edited);
    }

    private void assertFullRun(String note) {
        ScanRun warm = cached();
        assertThat(warm.cacheNote()).isEqualTo(note);
        assertThat(warm.filesAnalysed()).isEqualTo(javaFiles());
        assertThat(warm.codebase()).isEqualTo(uncached());
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = tree.resolve(JAVA + file).normalize();
        String text = ScanCacheTest.read(path);
        assertThat(text).as(file).contains(from);
        Files.writeString(path, from.isEmpty() ? to + text : text.replace(from, to));
    }

    private ScanRun run(Path app) {
        return new SourceScanner(new ScanOptions(List.of(), 2), ScanCache.in(temp.resolve("front-out")))
                .run(app, ProgressListener.NONE);
    }

    private ScanRun cached() {
        return new SourceScanner(new ScanOptions(List.of(), 2), ScanCache.in(cacheFolder)).run(tree, ProgressListener.NONE);
    }

    private Codebase uncached() {
        return new SourceScanner(new ScanOptions(List.of(), 2)).scan(tree, ProgressListener.NONE);
    }

    private int javaFiles() {
        try (Stream<Path> files = Files.walk(tree.resolve("src/main/java"))) {
            return (int) files.filter(f -> f.toString().endsWith(".java")).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
