package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TypeNamesTest {
    private final TypeIndex index = new TypeIndex(LibraryIndex.EMPTY);

    TypeNamesTest() {
        add("shop/order/Order.java", """
                package shop.order;
                import shop.billing.Invoice;
                import org.acme.Money;
                import shop.catalog.*;
                import java.util.*;
                import org.vendor.*;
                class Order<T> extends Base {
                    class Line {}
                }
                """);
        add("shop/order/Base.java", "package shop.order; class Base { static class Audit {} }");
        add("shop/order/Status.java", "package shop.order; enum Status { OPEN }");
        add("shop/billing/Invoice.java", "package shop.billing; public class Invoice { public static class Item {} }");
        add("shop/catalog/Product.java", "package shop.catalog; public class Product {}");
        add("shop/order/deep/Helper.java", "package shop.order.deep; public class Helper {}");
        add("other/Helper.java", "package other; public class Helper {}");
        index.link();
    }

    @Test
    void resolves_names_from_the_enclosing_types_outwards_then_imports_then_the_package() {
        assertThat(resolve("T")).isEqualTo(result(TypeIndex.Outcome.TYPE_PARAMETER, "T"));
        assertThat(resolve("Line")).isEqualTo(codebase("shop.order.Order.Line"));
        assertThat(resolve("Audit")).as("a member type inherited from a codebase supertype")
                .isEqualTo(codebase("shop.order.Base.Audit"));
        assertThat(resolve("Invoice")).isEqualTo(codebase("shop.billing.Invoice"));
        assertThat(resolve("Money")).as("a single import the codebase does not declare")
                .isEqualTo(result(TypeIndex.Outcome.LIBRARY, "org.acme.Money"));
        assertThat(resolve("Status")).isEqualTo(codebase("shop.order.Status"));
        assertThat(resolve("Product")).as("through a codebase wildcard import").isEqualTo(codebase("shop.catalog.Product"));
    }

    @Test
    void settles_library_names_from_the_jdk_and_says_when_a_foreign_wildcard_may_hold_one() {
        assertThat(resolve("List")).isEqualTo(result(TypeIndex.Outcome.LIBRARY, "java.util.List"));
        assertThat(resolve("String")).isEqualTo(result(TypeIndex.Outcome.LIBRARY, "java.lang.String"));
        assertThat(resolve("Widget")).as("not in the JDK: may come from org.vendor.*")
                .isEqualTo(result(TypeIndex.Outcome.LIBRARY, "Widget"));
    }

    @Test
    void guesses_a_codebase_type_of_that_simple_name_nearest_the_package_and_else_says_unknown() {
        assertThat(resolveFromFile("shop/order/Base.java", "Helper"))
                .isEqualTo(result(TypeIndex.Outcome.GUESSED, "shop.order.deep.Helper"));
        assertThat(resolveFromFile("shop/order/Base.java", "Nowhere"))
                .isEqualTo(result(TypeIndex.Outcome.UNKNOWN, "Nowhere"));
    }

    @Test
    void resolves_a_qualified_name_whole_or_by_its_first_segment() {
        assertThat(resolve("shop.catalog.Product")).isEqualTo(codebase("shop.catalog.Product"));
        assertThat(resolve("Invoice.Item")).isEqualTo(codebase("shop.billing.Invoice.Item"));
        assertThat(resolve("Money.Currency")).isEqualTo(result(TypeIndex.Outcome.LIBRARY, "org.acme.Money.Currency"));
        assertThat(resolve("java.time.Instant")).isEqualTo(result(TypeIndex.Outcome.LIBRARY, "java.time.Instant"));
    }

    @Test
    void converts_a_written_type_with_its_generic_arguments_and_array_dimensions() {
        IndexedType order = index.get("shop.order.Order");
        JType type = index.toJType(StaticJavaParser.parseType("Map<String, List<Product>>[]"), order, order.scope,
                Set.of());
        assertThat(type).isEqualTo(new JType("java.util.Map", false, List.of(JType.library("java.lang.String"),
                JType.library("java.util.List", List.of(JType.codebase("shop.catalog.Product")))), 1));
        assertThat(index.toJType(StaticJavaParser.parseType("T"), order, order.scope, Set.of())).isNull();
        assertThat(index.toJType(StaticJavaParser.parseType("int"), order, order.scope, Set.of())).isNull();
    }

    @Test
    void links_each_type_to_its_supertypes_and_back() {
        IndexedType order = index.get("shop.order.Order");
        assertThat(index.ancestors(order)).extracting(type -> type.name).containsExactly("shop.order.Base");
        assertThat(index.directSubtypes("shop.order.Base")).containsExactly("shop.order.Order");
        assertThat(index.supertypeNames(order)).containsExactlyInAnyOrder("shop.order.Base", "Base");
    }

    private TypeIndex.Resolution resolve(String written) {
        IndexedType order = index.get("shop.order.Order");
        return index.resolve(written, order, order.scope, Set.of());
    }

    private TypeIndex.Resolution resolveFromFile(String path, String written) {
        IndexedType type = index.all().stream().filter(t -> t.scope.path.equals(path)).findFirst().orElseThrow();
        return index.resolve(written, type, type.scope, Set.of());
    }

    private static TypeIndex.Resolution codebase(String name) {
        return result(TypeIndex.Outcome.CODEBASE, name);
    }

    private static TypeIndex.Resolution result(TypeIndex.Outcome outcome, String name) {
        return new TypeIndex.Resolution(outcome, name);
    }

    private void add(String path, String source) {
        CompilationUnit unit = StaticJavaParser.parse(source);
        FileScope scope = new FileScope(path, unit);
        for (TypeDeclaration<?> type : unit.getTypes()) {
            add(scope.qualify(type.getNameAsString()), type, scope, null);
        }
    }

    private void add(String name, TypeDeclaration<?> declaration, FileScope scope, IndexedType outer) {
        IndexedType type = new IndexedType(name, declaration, scope, outer);
        index.add(type);
        for (BodyDeclaration<?> member : declaration.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                add(name + "." + nested.getNameAsString(), nested, scope, type);
            }
        }
    }
}
