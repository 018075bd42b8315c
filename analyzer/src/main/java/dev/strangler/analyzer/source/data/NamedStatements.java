package dev.strangler.analyzer.source.data;

import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL and JPQL declared under a name away from the code that runs it, and looked up by that name: iBatis 2 SQL
 * map statements ({@code queryForList("getUsers")}), JPA named queries ({@code createNamedQuery("Cargo.findAll")},
 * from annotations and {@code orm.xml}), and named SQL in {@code .sql} or {@code .properties} files
 * ({@code SystemGlobals.getSql("UserModel.selectById")}). Filled before the Java code is analysed, then read by
 * several threads; which names were used is recorded so unused ones can be reported.
 */
public final class NamedStatements {
    /**
     * Methods that run a statement given by id. A name without a dot (iBatis ids, when statement namespaces are not
     * used) is looked up only in calls to these; a dotted name in any call, since a string such as
     * {@code "UserModel.selectById"} is rarely anything else.
     */
    static final Set<String> RUNNING_METHODS = Set.of("queryForList", "queryForObject", "queryForMap",
            "queryForPaginatedList", "queryWithRowHandler", "insert", "update", "delete", "selectList", "selectOne",
            "selectMap", "selectCursor", "select", "createNamedQuery", "createNamedStoredProcedureQuery",
            "getNamedQuery", "getSql");

    /**
     * One statement.
     *
     * @param name the name code uses for it
     * @param text its SQL or JPQL
     * @param origin what declared it, which also says how to read {@code text}
     * @param location where it is declared
     */
    record Statement(String name, String text, DataAccessOrigin origin, SourceLocation location) {
        Statement {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(location, "location");
        }
    }

    private final Map<String, List<Statement>> byName = new HashMap<>();
    private final List<Statement> declared = new ArrayList<>();
    private final Set<SourceLocation> used = ConcurrentHashMap.newKeySet();

    void add(Statement statement) {
        byName.computeIfAbsent(statement.name(), k -> new ArrayList<>()).add(statement);
        declared.add(statement);
    }

    /** Makes the statement reachable under a second name too (an iBatis id without its namespace). */
    void alias(String alias, Statement statement) {
        byName.computeIfAbsent(alias, k -> new ArrayList<>())
                .add(new Statement(alias, statement.text(), statement.origin(), statement.location()));
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }

    /** The statements {@code name} stands for when given to {@code method}; empty when it names none. */
    List<Statement> lookup(String name, String method) {
        if (byName.isEmpty() || name == null || name.isEmpty()) {
            return List.of();
        }
        List<Statement> found = byName.get(name.strip());
        if (found == null || (name.indexOf('.') < 0 && !RUNNING_METHODS.contains(method))) {
            return List.of();
        }
        found.forEach(statement -> used.add(statement.location()));
        return found;
    }

    /** Counts the statements at {@code locations} as used, as the lookups that found them did (a cached analysis). */
    public void use(java.util.Collection<SourceLocation> locations) {
        used.addAll(locations);
    }

    /** How many names statements of {@code origin} were declared under (variants of a name count once). */
    int count(DataAccessOrigin origin) {
        return (int) declared.stream().filter(s -> s.origin() == origin).map(Statement::name).distinct().count();
    }

    /** The names of the statements of {@code origin} that no lookup found, sorted and distinct. */
    List<String> unused(DataAccessOrigin origin) {
        TreeSet<String> names = new TreeSet<>();
        for (Statement statement : declared) {
            if (statement.origin() == origin && !used.contains(statement.location())) {
                names.add(statement.name());
            }
        }
        return new ArrayList<>(names);
    }
}
