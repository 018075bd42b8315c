package dev.strangler.extraction.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Spring Data repository of another candidate that the function serves itself over the shared database, instead of
 * adapting it to the monolith's routes: every method the moved code calls on it is one Spring Data derives (the CRUD
 * methods, {@code findByEmail}, {@code existsByCode}...), and its entity is copied into the function. The function
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
        boolean derivable = methods.stream().map(AdapterMethod::name)
                .allMatch(m -> CRUD.contains(m) || DERIVED.matcher(m).matches());
        return derivable ? Optional.of(new SharedRepository(entityClass, idType)) : Optional.empty();
    }

    public String entitySimpleName() {
        return entityClass.substring(entityClass.lastIndexOf('.') + 1);
    }
}
