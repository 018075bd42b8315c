package dev.strangler.analyzer.core;

import java.util.Objects;

/**
 * One serverless risk found in code.
 *
 * @param kind what sort of risk
 * @param owner the class it is in
 * @param location file and line
 * @param detail what was seen, for a human: {@code static HashMap field PRICE_CACHE}
 */
public record Risk(RiskKind kind, ClassName owner, SourceLocation location, String detail) {
    public Risk {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(detail, "detail");
    }
}
