package dev.strangler.analyzer.source.resolve;

import java.util.List;
import java.util.Objects;

/**
 * The static type of an expression as far as the scanner can tell: a codebase type by qualified name, or a
 * library type by the name it goes by, with generic arguments where they were written.
 *
 * @param name the qualified name of a codebase type, or a library type's qualified or simple name
 * @param codebase whether the type is declared in the scanned tree
 * @param arguments generic arguments, empty when raw or unknown
 * @param arrayDimensions 0 for a plain type
 */
public record JType(String name, boolean codebase, List<JType> arguments, int arrayDimensions) {
    public JType {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
    }

    static JType codebase(String name) {
        return new JType(name, true, List.of(), 0);
    }

    static JType library(String name) {
        return new JType(name, false, List.of(), 0);
    }

    static JType library(String name, List<JType> arguments) {
        return new JType(name, false, arguments, 0);
    }

    JType withArguments(List<JType> newArguments) {
        return new JType(name, codebase, newArguments, arrayDimensions);
    }

    JType component() {
        return arrayDimensions > 0 ? new JType(name, codebase, arguments, arrayDimensions - 1) : null;
    }

    JType argument(int index) {
        return index < arguments.size() ? arguments.get(index) : null;
    }

    public String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
