package dev.strangler.analyzer.source.parse;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutlineSourceTest {
    private static final String SOURCE = "class \u00dc {\n  int x = 1;\n  void a() {\n    x++;\n  }\n}\n";

    @Test
    void an_outline_comes_back_with_its_figures_and_its_tree_without_bodies() {
        for (OutlineSource source : new OutlineSource[]{new OutlineSource(3, 4, null),
                new OutlineSource(0, 0, "windows-1252")}) {
            CompilationUnit unit = TreeCodecTest.parse(SOURCE);

            OutlineSource.Restored back = OutlineSource.decode(source.encode(unit));

            assertThat(back.source()).isEqualTo(source);
            MethodDeclaration method = back.unit().findFirst(MethodDeclaration.class).orElseThrow();
            assertThat(method.getBody().orElseThrow().getStatements()).isEmpty();
            assertThat(method.getRange()).isEqualTo(unit.findFirst(MethodDeclaration.class).orElseThrow().getRange());
            assertThat(back.unit().getType(0).getNameAsString()).isEqualTo("\u00dc");
        }
    }

    @Test
    void cut_or_padded_bytes_are_refused_never_read_as_another_outline() {
        byte[] good = new OutlineSource(2, 2, "ISO-8859-1").encode(TreeCodecTest.parse("class A {\n}\n"));

        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> OutlineSource.decode(cut)).as("cut to %d bytes", length)
                    .isInstanceOf(RuntimeException.class);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> OutlineSource.decode(Arrays.copyOf(good, good.length + 1)))
                .withMessageContaining("left over");
    }

    @Test
    void negative_line_counts_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OutlineSource(-1, 0, null))
                .withMessageContaining("0 or more");
    }
}
