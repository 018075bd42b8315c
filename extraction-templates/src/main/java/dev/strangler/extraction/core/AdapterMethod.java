package dev.strangler.extraction.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One method the moved code calls on a class that stays behind.
 *
 * @param returnType the return type as written in the monolith ({@code Optional<Customer>}, {@code void})
 * @param name the method's name
 * @param parameters the parameters as written, {@code Long customerId}
 * @param call the monolith route that answers it, or null when none does (the method is not yet moved)
 */
public record AdapterMethod(String returnType, String name, List<Parameter> parameters, MonolithCall call) {
    public AdapterMethod {
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
    }

    public Optional<MonolithCall> monolithCall() {
        return Optional.ofNullable(call);
    }

    public boolean isNotYetMoved() {
        return call == null;
    }

    /** {@code available(Long)}: how the to-do list names it. */
    public String signature() {
        return name + "(" + String.join(", ", parameters.stream().map(Parameter::type).toList()) + ")";
    }

    /**
     * One parameter of an adapter method.
     *
     * @param type the type as written
     * @param name the parameter's name
     */
    public record Parameter(String type, String name) {
        public Parameter {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
        }
    }
}
