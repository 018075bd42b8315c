package dev.strangler.analyzer.source.resolve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LibraryResultsTest {
    private static final JType ORDER = JType.codebase("shop.Order");
    private static final JType LIST = JType.library("java.util.List", List.of(ORDER));
    private static final JType MAP = JType.library("java.util.Map", List.of(JType.library("java.lang.String"), ORDER));

    @Test
    void reads_an_element_from_a_collection_and_a_value_from_a_map() {
        assertThat(LibraryResults.of(LIST, "get")).isEqualTo(ORDER);
        assertThat(LibraryResults.of(MAP, "get")).isEqualTo(ORDER);
        assertThat(LibraryResults.of(MAP, "values")).isEqualTo(JType.library("java.util.Collection", List.of(ORDER)));
        assertThat(LibraryResults.of(MAP, "keySet"))
                .isEqualTo(JType.library("java.util.Set", List.of(JType.library("java.lang.String"))));
    }

    @Test
    void keeps_the_element_type_through_streams_and_optionals() {
        assertThat(LibraryResults.of(LIST, "stream")).isEqualTo(JType.library("java.util.List", List.of(ORDER)));
        assertThat(LibraryResults.of(LIST, "iterator")).isEqualTo(JType.library("java.util.Iterator", List.of(ORDER)));
        assertThat(LibraryResults.of(LIST, "findFirst")).isEqualTo(JType.library("java.util.Optional", List.of(ORDER)));
    }

    @Test
    void knows_nothing_of_a_raw_receiver_or_an_unlisted_method() {
        assertThat(LibraryResults.of(JType.library("java.util.List"), "get")).isNull();
        assertThat(LibraryResults.of(LIST, "hashCode")).isNull();
    }

    @Test
    void takes_the_element_of_an_array_an_iterable_or_a_map() {
        assertThat(LibraryResults.elementType(new JType("shop.Order", true, List.of(), 2)))
                .isEqualTo(new JType("shop.Order", true, List.of(), 1));
        assertThat(LibraryResults.elementType(LIST)).isEqualTo(ORDER);
        assertThat(LibraryResults.elementType(MAP)).isEqualTo(ORDER);
        assertThat(LibraryResults.elementType(null)).isNull();
    }
}
