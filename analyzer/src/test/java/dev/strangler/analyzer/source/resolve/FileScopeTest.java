package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.Name;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileScopeTest {
    private final FileScope scope = new FileScope("shop/Order.java", StaticJavaParser.parse("""
            package shop;
            import org.apache.struts2.convention.annotation.Action;
            import javax.persistence.*;
            import static java.util.concurrent.TimeUnit.SECONDS;
            import java.util.List;
            import a.List;
            class Order {}
            """));

    @Test
    void tells_whether_an_import_starts_with_a_prefix_as_text() {
        assertThat(scope.importsFrom("org.apache.struts")).isTrue(); // covers struts2, as the prefix is text
        assertThat(scope.importsFrom("org.apache.struts2.convention.annotation.Action")).isTrue();
        assertThat(scope.importsFrom("javax.persistence")).isTrue(); // a wildcard import
        assertThat(scope.importsFrom("javax.persistence.Entity")).isFalse();
        assertThat(scope.importsFrom("org.apache.struts2.convention.annotation.ActionX")).isFalse();
        assertThat(scope.importsFrom("org.apache.tapestry5")).isFalse();
        assertThat(scope.importsFrom("zzz")).isFalse();
        assertThat(scope.importsFrom("")).isTrue();
    }

    @Test
    void spells_a_qualified_name_as_javaparser_does() {
        for (String written : new String[]{"a", "a.b", "org.apache.struts2.convention.annotation.Action", "x.Y.z"}) {
            Name name = StaticJavaParser.parseName(written);
            assertThat(FileScope.dotted(name)).isEqualTo(name.asString()).isEqualTo(written);
        }
        assertThat(scope.packageName).isEqualTo("shop");
    }

    @Test
    void leaves_out_static_imports_and_a_single_import_whose_simple_name_a_later_one_takes() {
        assertThat(scope.importsFrom("java.util.concurrent")).isFalse();
        assertThat(scope.importsFrom("a.List")).isTrue();
        assertThat(scope.importsFrom("java.util")).isFalse();
    }
}
