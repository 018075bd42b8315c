package dev.strangler.analyzer.core;

import java.util.Objects;

/**
 * A persistent entity and the table it is stored in.
 *
 * @param entity the entity class
 * @param table the table name, lower-cased, schema kept if given ({@code sales.orders})
 * @param location where the mapping is declared
 */
public record EntityMapping(ClassName entity, String table, SourceLocation location) {
    public EntityMapping {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(location, "location");
        table = Tables.normalize(table);
    }
}
