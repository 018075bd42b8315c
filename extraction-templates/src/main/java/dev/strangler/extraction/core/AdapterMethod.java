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
 * @param call the monolith route that answers it, or null when none does
 * @param annotations what the interface declares on it, fully qualified (a repository's {@code @Query}), as written
 * @param localRead the monolith's code the function runs itself because it only reads, or null; a method with a
 *                  monolith route is never read locally
 * @param notLocal why the method cannot be read in the function, when neither a route nor a local read answers it
 */
public record AdapterMethod(String returnType, String name, List<Parameter> parameters, MonolithCall call,
                            List<String> annotations, LocalRead localRead, List<String> notLocal) {
    public AdapterMethod {
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        annotations = List.copyOf(annotations);
        notLocal = List.copyOf(notLocal);
        if (call != null && localRead != null) {
            throw new IllegalArgumentException(name + " is answered by a monolith route, so it cannot also be read locally");
        }
    }

    public AdapterMethod(String returnType, String name, List<Parameter> parameters, MonolithCall call) {
        this(returnType, name, parameters, call, List.of(), null, List.of());
    }

    public Optional<MonolithCall> monolithCall() {
        return Optional.ofNullable(call);
    }

    public Optional<LocalRead> local() {
        return Optional.ofNullable(localRead);
    }

    /** Neither a monolith route nor a local read answers it: the adapter throws "not yet moved". */
    public boolean isNotYetMoved() {
        return call == null && localRead == null;
    }

    /** This method answered by {@code route}, or, without one, read locally or not, as decided. */
    public AdapterMethod answeredBy(MonolithCall route, LocalRead read, List<String> whyNotLocal) {
        return new AdapterMethod(returnType, name, parameters, route, annotations, route == null ? read : null,
                route == null && read == null ? whyNotLocal : List.of());
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
