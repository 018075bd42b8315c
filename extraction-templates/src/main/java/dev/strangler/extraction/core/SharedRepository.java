package dev.strangler.extraction.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Spring Data repository of another candidate that the function serves itself over the shared database, instead of
 * adapting it to the monolith's routes: every method the moved code calls on it is one Spring Data derives (the CRUD
 * methods, {@code findByEmail}, {@code existsByCode}..., or one it declares with {@code @Query}, which the interface
 * carries), and its entity is copied into the function. The function
 * then reads and writes the owner's tables directly, as the monolith's own repository did, until the owner moves.
 * One decision for every flavor: the spring flavor declares the interface as a Spring Data repository, the plain
 * flavor builds it with Spring Data's repository factory.
 *
 * @param entityClass the fully qualified name of the repository's entity, {@code com.acme.model.Customer}
 * @param idType the entity's id type as the repository declares it, {@code Long}
 */
public record SharedRepository(String entityClass, String idType) {
    private static final Set<String> CRUD = Set.of("findById", "findAll", "findAllById", "save", "saveAll",
            "saveAndFlush", "delete", "deleteById", "deleteAll", "deleteAllById", "existsById", "count", "flush",
            "getReferenceById", "getById", "getOne");
    private static final Pattern DERIVED = Pattern.compile(
            "(find|read|get|query|search|stream|count|exists|delete|remove)\\w*By[A-Z]\\w*");

    private static final String QUERY = "@org.springframework.data.jpa.repository.Query";
    private static final Set<String> WRITES = Set.of("save", "saveAll", "saveAndFlush", "delete", "deleteById",
            "deleteAll", "deleteAllById", "flush");

    public SharedRepository {
        Objects.requireNonNull(entityClass, "entityClass");
        Objects.requireNonNull(idType, "idType");
    }

    /**
     * Decides whether a repository that stays behind is served over the shared database.
     *
     * @param methods what the moved code calls on it
     * @param entityClass its entity, as its declaration names it ({@code extends JpaRepository<Customer, Long>}),
     *                    or null when it is not a Spring Data repository
     * @param idType its id type as declared there, or null
     * @param copied every class the function gets a copy of (moved, kernel, borrowed)
     */
    public static Optional<SharedRepository> decide(List<AdapterMethod> methods, String entityClass, String idType,
            Set<String> copied) {
        if (entityClass == null || idType == null || methods.isEmpty() || !copied.contains(entityClass)) {
            return Optional.empty();
        }
        // a method the repository declares with @Query (carried on the interface) runs the monolith's own query
        boolean derivable = methods.stream().allMatch(m -> CRUD.contains(m.name()) || DERIVED.matcher(m.name()).matches()
                || m.annotations().stream().anyMatch(a -> a.startsWith(QUERY)));
        return derivable ? Optional.of(new SharedRepository(entityClass, idType)) : Optional.empty();
    }

    /** Whether the calls only read: no CRUD write, no derived delete, no {@code @Modifying} query. */
    public static boolean onlyReads(List<AdapterMethod> methods) {
        return methods.stream().noneMatch(SharedRepository::writes);
    }

    /** Whether a repository method writes: a CRUD write, a derived delete, a {@code @Modifying} query. */
    public static boolean writes(AdapterMethod m) {
        return WRITES.contains(m.name()) || m.name().startsWith("delete") || m.name().startsWith("remove")
                || m.annotations().stream().anyMatch(a -> a.contains(".Modifying"));
    }

    public String entitySimpleName() {
        return entityClass.substring(entityClass.lastIndexOf('.') + 1);
    }
}
