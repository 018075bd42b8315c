package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.MethodInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ResolutionFixtureTest {
    private static Codebase codebase;

    @BeforeAll
    static void scan() {
        codebase = Fixtures.scan("resolution");
    }

    @Test
    void resolves_through_interface_fields_to_every_implementation_and_through_nested_getters() {
        assertThat(method("res.core.Librarian", "authorOf").calls()).containsExactly(
                id("res.core.CachedCatalog", "lookup"), id("res.core.Catalog", "lookup"),
                id("res.core.DefaultCatalog", "lookup"), id("res.model.Book", "getAuthor"),
                id("res.model.Book.Author", "getName"));
    }

    @Test
    void resolves_inherited_generic_methods_on_parameters_to_their_declaring_class() {
        assertThat(method("res.core.Librarian", "count").calls()).containsExactly(
                id("res.dao.BaseDao", "all"), id("res.dao.BaseDao", "find"), id("res.dao.BaseDao", "save"));
    }

    @Test
    void resolves_new_var_static_calls_static_imports_lambdas_and_method_references() {
        assertThat(method("res.core.Librarian", "loud").calls()).containsExactly(
                id("res.dao.BaseDao", "all"), id("res.dao.BookDao", "<init>"), id("res.dao.BookDao", "byTitle"),
                id("res.model.Book", "getTitle"), id("res.util.Texts", "shout"));
        assertThat(method("res.dao.BookDao", "byTitle").calls()).contains(id("res.model.Book", "getTitle"));
    }

    @Test
    void types_generated_getters_and_record_accessors_from_their_fields() {
        assertThat(method("res.lombok.ShelfReader", "featuredTitle").calls()).containsExactly(
                id("res.lombok.Shelf", "getFeatured"), id("res.lombok.Shelf", "getLabel"),
                id("res.lombok.Shelf.Label", "book"), id("res.model.Book", "getAuthor"),
                id("res.model.Book", "getTitle"), id("res.model.Book.Author", "getName"));
    }

    @Test
    void takes_a_plain_managed_component_for_a_service() {
        assertThat(codebase.types()).filteredOn(t -> t.name().value().equals("res.core.CachedCatalog"))
                .extracting(t -> t.stereotypes()).containsExactly(java.util.Set.of(dev.strangler.analyzer.core.Stereotype.SERVICE));
    }

    @Test
    void keeps_a_name_based_guess_and_counts_it_but_not_calls_chained_on_library_results() {
        assertThat(codebase.dependencies()).filteredOn(Dependency::guessed)
                .extracting(d -> d.from().value(), d -> d.to().value(), Dependency::kind)
                .containsExactly(tuple("res.core.Librarian", "res.core.LibrarianHelper", DependencyKind.CALL));
        assertThat(codebase.stats().guessedReferences()).isEqualTo(1);
        assertThat(codebase.stats().resolvedReferences()).isGreaterThan(30);
        assertThat(codebase.stats().unresolvedReferences()).isZero();
    }

    @Test
    void records_dependencies_between_nested_and_generic_types() {
        assertThat(codebase.dependencies()).extracting(d -> d.from().value(), d -> d.to().value(), Dependency::kind)
                .contains(tuple("res.model.Book", "res.model.Book.Author", DependencyKind.FIELD),
                        tuple("res.dao.BookDao", "res.dao.BaseDao", DependencyKind.INHERITANCE),
                        tuple("res.dao.BookDao", "res.model.Book", DependencyKind.SIGNATURE),
                        tuple("res.core.Librarian", "res.dao.BookDao", DependencyKind.INSTANTIATION));
    }

    @Test
    void finds_sources_in_nested_gradle_modules_and_attributes_sites() {
        assertThat(codebase.types()).hasSize(13);
        assertThat(codebase.types().get(0).location().path()).startsWith("app/src/main/java/res/");
        assertThat(codebase.dependencies()).allMatch(d -> !d.sites().isEmpty() && d.sites().size() <= 5
                && d.sites().stream().allMatch(s -> s.line() > 0));
    }

    private static MethodInfo method(String owner, String name) {
        return codebase.methods().stream().filter(m -> m.id().equals(id(owner, name))).findFirst()
                .orElseThrow(() -> new AssertionError("no method " + owner + "#" + name));
    }

    private static MethodId id(String owner, String name) {
        return new MethodId(ClassName.of(owner), name);
    }
}
