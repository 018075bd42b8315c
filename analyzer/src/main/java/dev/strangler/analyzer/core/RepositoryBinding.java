package dev.strangler.analyzer.core;

import java.util.Objects;

/**
 * A repository (Spring Data interface, DAO) and the entity it serves.
 *
 * @param repository the repository type
 * @param entity the entity it reads and writes
 * @param location where the binding is declared (the repository's declaration)
 */
public record RepositoryBinding(ClassName repository, ClassName entity, SourceLocation location) {
    public RepositoryBinding {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(location, "location");
    }
}
