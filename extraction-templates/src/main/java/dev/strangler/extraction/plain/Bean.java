package dev.strangler.extraction.plain;

import java.util.List;
import java.util.Objects;

/**
 * One bean of the generated object graph and the Java statements that create it.
 *
 * @param field the field of the generated {@code Beans} class that holds it
 * @param type its class, fully qualified
 * @param statements the statements that assign the field, in order
 * @param kind controller, advice, component or repository
 */
record Bean(String field, String type, List<String> statements, String kind) {

    Bean {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        statements = List.copyOf(statements);
        Objects.requireNonNull(kind, "kind");
    }
}
