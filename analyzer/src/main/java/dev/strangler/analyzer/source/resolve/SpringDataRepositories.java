package dev.strangler.analyzer.source.resolve;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spring Data repositories among the codebase's interfaces, and the entity each serves, found through the
 * {@link TypeIndex}'s supertypes. Thread-safe once the index is linked: the entities are cached per type.
 */
final class SpringDataRepositories {
    /** Spring Data base interfaces whose first type argument is the entity served. */
    static final Set<String> INTERFACES = Set.of("Repository", "CrudRepository", "ListCrudRepository",
            "PagingAndSortingRepository", "ListPagingAndSortingRepository", "JpaRepository", "MongoRepository",
            "ReactiveCrudRepository", "ReactiveSortingRepository", "R2dbcRepository", "CoroutineCrudRepository",
            "ElasticsearchRepository", "Neo4jRepository", "CassandraRepository", "KeyValueRepository",
            "JpaSpecificationExecutor", "RevisionRepository", "EnversRevisionRepository");

    private final TypeIndex index;
    private final Map<String, Optional<JType>> entities = new ConcurrentHashMap<>();

    SpringDataRepositories(TypeIndex index) {
        this.index = index;
    }

    /**
     * The codebase entity a Spring Data repository interface serves, from the first type argument of the Spring
     * Data interface it extends (directly or through a codebase base interface), or null when it is not one.
     */
    JType entity(IndexedType type) {
        if (!type.isInterface) {
            return null;
        }
        Optional<JType> cached = entities.get(type.name);
        if (cached == null) {
            cached = Optional.ofNullable(findEntity(type, 0));
            entities.put(type.name, cached);
        }
        return cached.orElse(null);
    }

    /** Whether the type extends a Spring Data interface, directly or through codebase interfaces. */
    boolean isRepository(IndexedType type) {
        if (!type.isInterface) {
            return false;
        }
        for (String name : index.supertypeNames(type)) {
            if (INTERFACES.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private JType findEntity(IndexedType type, int depth) {
        if (depth > TypeIndex.MAX_HIERARCHY_DEPTH) {
            return null;
        }
        for (JType supertype : index.supertypes(type)) {
            JType first = supertype.argument(0);
            if (!supertype.codebase() && INTERFACES.contains(supertype.simpleName())) {
                if (first != null && first.codebase()) {
                    return first;
                }
            } else if (supertype.codebase() && index.get(supertype.name()) != null) {
                JType inherited = findEntity(index.get(supertype.name()), depth + 1);
                if (inherited != null) {
                    return inherited;
                }
                if (first != null && first.codebase() && isRepository(index.get(supertype.name()))) {
                    return first;
                }
            }
        }
        return null;
    }
}
