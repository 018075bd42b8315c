package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.source.parse.SourceTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutTest {
    @TempDir
    Path root;

    @Test
    void reads_main_sources_of_a_gradle_multi_module_build_and_skips_output_tests_and_generated_code() throws IOException {
        Files.writeString(root.resolve("settings.gradle"), "include 'core', 'web'\n");
        write("core/build.gradle", "");
        write("core/src/main/java/acme/core/Order.java", "package acme.core;\npublic class Order {\n}\n");
        write("core/src/main/java/acme/build/Pipeline.java", "package acme.build;\npublic class Pipeline {\n}\n");
        write("core/src/main/java/acme/test/Fixture.java", "package acme.test;\npublic class Fixture {\n}\n");
        write("core/build/generated/sources/acme/Gen.java", "package acme;\nclass Gen {\n}\n");
        write("core/src/test/java/acme/core/OrderTest.java", "package acme.core;\nclass OrderTest {\n}\n");
        write("core/src/integrationTest/java/acme/core/OrderIT.java", "package acme.core;\nclass OrderIT {\n}\n");
        write("web/build.gradle.kts", "");
        write("web/src/main/java/acme/web/OrderController.java",
                "package acme.web;\nimport acme.core.Order;\npublic class OrderController {\n    Order order;\n}\n");
        write("web/out/production/acme/web/Copy.java", "package acme.web;\nclass Copy {\n}\n");
        write("web/src/main/resources/generated/Stub.java", "package generated;\nclass Stub {\n}\n");

        Codebase codebase = new SourceScanner(new ScanOptions(List.of(), 2)).scan(root, ProgressListener.NONE);

        assertThat(codebase.types()).extracting(t -> t.name().value())
                .containsExactly("acme.build.Pipeline", "acme.core.Order", "acme.test.Fixture", "acme.web.OrderController");
        assertThat(codebase.problems()).extracting(Problem::toCompilerStyle).contains(
                "core/build: note: skipped build output folder",
                "core/src/test: note: skipped test sources folder",
                "core/src/integrationTest: note: skipped test sources folder",
                "web/out: note: skipped build output folder",
                "web/src/main/resources/generated: note: skipped generated sources folder");
        assertThat(codebase.dependencies()).extracting(d -> d.from().value() + " -> " + d.to().value())
                .containsExactly("acme.web.OrderController -> acme.core.Order");
    }

    @Test
    void hands_out_the_largest_files_first_with_ties_in_file_order() throws IOException {
        write("src/main/java/acme/A.java", "package acme;\nclass A {\n}\n");
        write("src/main/java/acme/B.java", "package acme;\nclass B {\n    int a;\n    int b;\n}\n");
        write("src/main/java/acme/C.java", "package acme;\nclass C {\n}\n");
        write("src/main/java/acme/D.java", "package acme;\nclass D {\n    int a;\n}\n");

        SourceTree tree = SourceTree.walk(root, 1_000_000);

        assertThat(tree.javaFiles()).extracting(file -> file.getFileName().toString())
                .containsExactly("A.java", "B.java", "C.java", "D.java");
        assertThat(tree.largestFirst()).containsExactly(1, 3, 0, 2);
    }

    @Test
    void counts_non_blank_lines_and_of_those_the_lines_of_code() throws IOException {
        write("src/main/java/acme/Order.java", """
                package acme;

                /**
                 * An order.
                 */
                public class Order { // the aggregate
                    // its total
                    long total; /* in cents */

                    /* one line */ void pay() {
                    }
                }
                """);

        Codebase codebase = new SourceScanner(new ScanOptions(List.of(), 1)).scan(root, ProgressListener.NONE);

        assertThat(codebase.stats().linesOfCode()).isEqualTo(10);
        assertThat(codebase.stats().codeLines()).isEqualTo(6);
        assertThat(codebase.types()).singleElement().extracting(t -> t.linesOfCode()).isEqualTo(5);
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
