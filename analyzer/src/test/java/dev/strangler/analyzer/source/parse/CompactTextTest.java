package dev.strangler.analyzer.source.parse;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CompactTextTest {

    @Test
    void drops_comments_and_blanks_but_keeps_every_line_break() {
        String text = """
                package a;   // the package
                /**
                 * Javadoc over
                 * three lines.
                 */
                class A {
                    int x = 1 /* inline */ + 2;\r
                \t\tint y;  \s
                }
                """;

        String compact = CompactText.of(text);

        assertThat(compact).isEqualTo("package a; \n\n\n\n\nclass A {\nint x = 1 + 2;\r\nint y;\n}\n");
        assertThat(compact.lines().count()).isEqualTo(text.lines().count());
    }

    @Test
    void keeps_string_character_and_text_block_literals_exactly() {
        String text = "class A {\n  String s = \"a  // not a comment /* nor this */ \\\" still\";\n"
                + "  char q = '\"'; char e = '\\''; char slash = '/';\n"
                + "  String block = \"\"\"\n      SELECT  *  -- kept\n        FROM t /* kept */\n      \"\"\";\n}\n";

        String compact = CompactText.of(text);

        assertThat(compact).contains("\"a  // not a comment /* nor this */ \\\" still\"")
                .contains("'\"'").contains("'\\''").contains("'/'")
                .contains("\"\"\"\n      SELECT  *  -- kept\n        FROM t /* kept */\n      \"\"\"");
    }

    @Test
    void a_comment_between_two_tokens_still_separates_them() {
        assertThat(CompactText.of("int/**/x;")).isEqualTo("int x;");
        assertThat(CompactText.of("a = b/*\n*/-c;")).isEqualTo("a = b\n-c;");
    }

    @Test
    void leaves_text_it_cannot_be_sure_of_as_written() {
        String escaped = "class A { String s = \"\\u0022\"; } // \\u000a";
        String unterminated = "class A { /* never closed";
        String openString = "class A { String s = \"no end\n}";

        assertThat(CompactText.of(escaped)).isSameAs(escaped);
        assertThat(CompactText.of(unterminated)).isSameAs(unterminated);
        assertThat(CompactText.of(openString)).isSameAs(openString);
    }

    /** Every Java file of the sample monolith and the fixtures: the same tree, every node on the same lines. */
    @Test
    void real_sources_parse_to_the_same_tree_with_the_same_lines() throws IOException {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setAttributeComments(false));
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(new DefaultPrinterConfiguration()
                .removeOption(new DefaultConfigurationOption(DefaultPrinterConfiguration.ConfigOption.PRINT_COMMENTS))
                .removeOption(new DefaultConfigurationOption(DefaultPrinterConfiguration.ConfigOption.PRINT_JAVADOC)));
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("../legacy-sample-monolith/src"), Path.of("src/test/resources/fixtures"),
                Path.of("src/main/java"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            }
        }
        int compared = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            ParseResult<CompilationUnit> original = parser.parse(text);
            if (!original.isSuccessful()) {
                continue; // the bad-input fixtures
            }
            String compact = CompactText.of(text);
            ParseResult<CompilationUnit> compacted = parser.parse(compact);
            assertThat(compacted.isSuccessful()).as("%s parses when compacted", file).isTrue();
            CompilationUnit a = original.getResult().orElseThrow();
            CompilationUnit b = compacted.getResult().orElseThrow();
            assertThat(printer.print(b)).as("%s prints the same", file).isEqualTo(printer.print(a));
            assertThat(lines(b)).as("%s keeps its nodes' lines", file).isEqualTo(lines(a));
            compared++;
        }
        assertThat(compared).isGreaterThan(300);
    }

    private static List<String> lines(CompilationUnit unit) {
        List<String> lines = new ArrayList<>();
        unit.walk(Node.TreeTraversal.PREORDER, node -> lines.add(node.getClass().getSimpleName() + " "
                + node.getRange().map(r -> r.begin.line + "-" + r.end.line).orElse("?")));
        return lines;
    }
}
