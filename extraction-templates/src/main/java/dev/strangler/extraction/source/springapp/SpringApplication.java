package dev.strangler.extraction.source.springapp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a Spring application the plain flavor rebuilds without a Spring context.
 *
 * @param components the beans, in source order
 * @param entities the JPA entity classes
 * @param entityIds each entity's {@code @Id} type, erased and fully qualified, where the sources show it
 * @param entityConstraints whether an entity carries Bean Validation constraints (Hibernate then validates them)
 * @param handlers the request-handling methods of the controllers
 * @param problems what could not be read, one sentence each
 */
public record SpringApplication(List<Component> components, List<String> entities, Map<String, String> entityIds,
                                boolean entityConstraints, List<HandlerMethod> handlers, List<String> problems) {

    public SpringApplication {
        components = List.copyOf(components);
        entities = List.copyOf(entities);
        entityIds = Map.copyOf(entityIds);
        handlers = List.copyOf(handlers);
        problems = List.copyOf(problems);
    }

    /** The handler method a report's {@code Class#method} names, preferring one mapped to the given HTTP method. */
    public Optional<HandlerMethod> handler(String reference, String httpMethod) {
        int hash = reference.indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        String type = reference.substring(0, hash);
        String name = reference.substring(hash + 1);
        List<HandlerMethod> named = handlers.stream()
                .filter(h -> h.controller().equals(type) && h.name().equals(name)).toList();
        return named.stream().filter(h -> h.httpMethods().contains(httpMethod)).findFirst()
                .or(() -> named.stream().findFirst());
    }
}
