package dev.strangler.extraction.source.springapp;

import java.util.Objects;

/**
 * One value a component receives from the container: a constructor parameter or an {@code @Autowired} field.
 *
 * @param name the parameter's or field's name
 * @param type its type, erased and fully qualified
 * @param genericType its type as resolved, with type arguments ({@code java.util.List<a.B>}); equal to type when plain
 * @param value the {@code @Value} expression, such as {@code ${shop.limit:10}}, or null for a bean
 */
public record Injection(String name, String type, String genericType, String value) {

    public Injection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(genericType, "genericType");
    }

    public boolean isValue() {
        return value != null;
    }
}
