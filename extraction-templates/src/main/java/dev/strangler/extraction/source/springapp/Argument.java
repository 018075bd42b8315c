package dev.strangler.extraction.source.springapp;

import java.util.Objects;

/**
 * How one parameter of a handler method gets its value, as Spring MVC binds it.
 *
 * @param kind where the value comes from
 * @param name the path variable, query parameter or header name; the parameter's name otherwise
 * @param type the parameter's type, erased and fully qualified ({@code java.lang.Long}, {@code long})
 * @param required whether a missing value is an error
 * @param defaultValue the annotation's default value, or null
 * @param valid whether the value is validated ({@code @Valid} or {@code @Validated})
 * @param unsupported why the plain function cannot bind it (kind {@link Kind#UNSUPPORTED}), else null
 */
public record Argument(Kind kind, String name, String type, boolean required, String defaultValue, boolean valid,
                       String unsupported) {

    /** The sources of a handler argument the plain function binds. */
    public enum Kind { PATH, PARAM, HEADER, BODY, SESSION, REQUEST, UNSUPPORTED }

    public Argument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (kind == Kind.UNSUPPORTED && (unsupported == null || unsupported.isBlank())) {
            throw new IllegalArgumentException("an unsupported argument must say why, but '" + name + "' does not");
        }
    }

    static Argument of(Kind kind, String name, String type, boolean required, String defaultValue, boolean valid) {
        return new Argument(kind, name, type, required, defaultValue, valid, null);
    }

    static Argument unsupported(String name, String type, String reason) {
        return new Argument(Kind.UNSUPPORTED, name, type, false, null, false, reason);
    }
}
