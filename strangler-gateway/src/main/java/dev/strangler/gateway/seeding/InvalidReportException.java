package dev.strangler.gateway.seeding;

import java.util.List;

/** A decomposition report that cannot be seeded from: missing, not JSON, another schema version, or off the schema. */
public class InvalidReportException extends RuntimeException {

    private final List<String> violations;

    InvalidReportException(String message) {
        this(message, List.of());
    }

    InvalidReportException(String message, List<String> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** Each violation of the schema as {@code <JSON path>: <what is wrong>}; empty when the report was refused earlier. */
    public List<String> violations() {
        return violations;
    }
}
