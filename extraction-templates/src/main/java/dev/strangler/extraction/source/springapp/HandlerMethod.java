package dev.strangler.extraction.source.springapp;

import java.util.List;
import java.util.Objects;

/**
 * One request-handling method of a controller.
 *
 * @param controller the controller's class name
 * @param name the method's name
 * @param httpMethods the HTTP methods its mapping annotation names (empty: any)
 * @param arguments its parameters in order, with how each is bound
 * @param status the status of its {@code @ResponseStatus}, else 200
 * @param returnsVoid whether it declares {@code void}
 */
public record HandlerMethod(String controller, String name, List<String> httpMethods, List<Argument> arguments,
                            int status, boolean returnsVoid) {

    public HandlerMethod {
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(name, "name");
        httpMethods = List.copyOf(httpMethods);
        arguments = List.copyOf(arguments);
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status, but was " + status);
        }
    }

    /** The reasons some of its arguments cannot be bound; empty when all can. */
    public List<String> unsupported() {
        return arguments.stream().filter(a -> a.kind() == Argument.Kind.UNSUPPORTED)
                .map(a -> "parameter '" + a.name() + "' (" + a.type() + "): " + a.unsupported()).toList();
    }
}
