package dev.strangler.analyzer.core;

import java.util.Objects;

/**
 * One class reading or writing one table.
 *
 * @param accessor the class whose code touches the table (for MyBatis XML, the mapper interface)
 * @param member the method or statement id doing it, or the empty string when the whole class does
 * @param table the table name as {@link Tables#normalize(String)} gives it
 * @param mode read or write
 * @param origin where the access was found
 * @param location the statement's place
 */
public record TableAccess(ClassName accessor, String member, String table, AccessMode mode,
                          DataAccessOrigin origin, SourceLocation location) {
    public TableAccess {
        Objects.requireNonNull(accessor, "accessor");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(location, "location");
        table = Tables.normalize(table);
    }
}
