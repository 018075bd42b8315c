package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadInputTest {
    @TempDir
    static Path tree;
    private static Codebase codebase;

    @BeforeAll
    static void scan_a_tree_with_every_kind_of_bad_input() throws IOException {
        Path source = Fixtures.path("bad-input");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = tree.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Path java = tree.resolve("src/main/java/bad");
        Files.write(java.resolve("Latin.java"), "package bad;\n// Grüße aus Köln\npublic class Latin {\n}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(java.resolve("Huge.java"), "package bad;\npublic class Huge {\n" + "    // padding\n".repeat(400) + "}\n");
        Files.createDirectories(tree.resolve("src/main/java/empty"));
        Files.createDirectories(tree.resolve("src/main/java/loop"));
        Files.createSymbolicLink(tree.resolve("src/main/java/loop/back"), tree.resolve("src/main/java"));
        codebase = new SourceScanner(new ScanOptions(List.of(), 2, 4096)).scan(tree, ProgressListener.NONE);
    }

    @Test
    void reports_each_bad_file_compiler_style_and_keeps_going() {
        assertThat(codebase.problems()).extracting(Problem::toCompilerStyle).anySatisfy(p -> assertThat(p)
                .startsWith("src/main/java/bad/Broken.java:4:21: error: could not parse, file left out: Parse error."));
        assertThat(codebase.problems()).extracting(Problem::toCompilerStyle).contains(
                "src/main/java/bad/GeneratedParser.java:5: note: skipped generated source (@Generated on GeneratedParser)",
                "src/main/java/bad/Latin.java: warning: not valid UTF-8; read as windows-1252 instead; convert the file"
                        + " to UTF-8 to be sure names and strings are read right",
                "src/main/java/empty: note: empty folder",
                "src/main/java/loop/back: warning: symbolic link loop: the link leads back to a folder being scanned;"
                        + " not followed");
        assertThat(codebase.problems()).extracting(Problem::toCompilerStyle).anySatisfy(p -> assertThat(p)
                .startsWith("src/main/java/bad/Huge.java: warning: skipped: file has ").contains("limit of 4096"));
    }

    @Test
    void parses_the_newest_syntax_and_old_code_that_uses_later_keywords_as_names() {
        assertThat(codebase.types()).extracting(t -> t.name().value())
                .contains("bad.Modern", "bad.Modern.Circle", "bad.OldStyle", "bad.Latin", "bad.Fine")
                .doesNotContain("bad.Broken", "bad.GeneratedParser", "bad.Huge");
        assertThat(codebase.problems()).extracting(Problem::path)
                .doesNotContain("src/main/java/bad/OldStyle.java", "src/main/java/bad/Modern.java");
        assertThat(codebase.dependencies()).extracting(d -> d.from().value() + " -> " + d.to().value())
                .contains("bad.Modern -> bad.Modern.Square", "bad.Fine -> bad.Modern");
    }

    @Test
    void counts_found_parsed_and_skipped_files() {
        assertThat(codebase.stats().filesFound()).isEqualTo(7);
        assertThat(codebase.stats().filesParsed()).isEqualTo(4);
        assertThat(codebase.stats().filesSkipped()).isEqualTo(3);
    }

    @Test
    void rejects_a_root_that_does_not_exist_or_is_a_file() {
        SourceScanner scanner = new SourceScanner(ScanOptions.defaults());

        assertThatThrownBy(() -> scanner.scan(tree.resolve("nope"), ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> scanner.scan(tree.resolve("src/main/java/bad/Fine.java"), ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a folder");
    }

    @Test
    void says_when_a_folder_holds_no_java_sources(@TempDir Path empty) {
        Codebase nothing = new SourceScanner(ScanOptions.defaults()).scan(empty, ProgressListener.NONE);

        assertThat(nothing.types()).isEmpty();
        assertThat(nothing.problems()).extracting(Problem::toCompilerStyle).contains(
                ".: error: no main Java sources found under the root; point the analyzer at a project or source folder");
    }
}
