package dev.strangler.extraction.core;

import java.util.List;
import java.util.Objects;

/**
 * What reading the source of one method of a class that stays behind (and the methods of that class it calls) found,
 * for deciding whether the function may run a copy of it ({@link LocalRead#refusals}).
 *
 * @param transaction the transaction its {@code @Transactional} (on the method, else on the class) asks for
 * @param repositoryCalls the calls on the class's repository fields
 * @param writes what it changes besides repositories, as written: a setter call, a field assignment
 * @param unproven calls whose effect reading cannot tell: another bean's method, a codebase class's static method, a
 *                 method of an unknown type
 * @param unavailable what the copy would need that the function cannot have: a bean's own state, a Spring bean in its
 *                    body
 */
public record MethodFacts(Transaction transaction, List<RepositoryCall> repositoryCalls, List<String> writes,
                          List<String> unproven, List<String> unavailable) {

    /** The transaction a method runs in, as its annotations say. */
    public enum Transaction { NONE, READ_ONLY, READ_WRITE }

    public MethodFacts {
        Objects.requireNonNull(transaction, "transaction");
        repositoryCalls = List.copyOf(repositoryCalls);
        writes = List.copyOf(writes);
        unproven = List.copyOf(unproven);
        unavailable = List.copyOf(unavailable);
    }

    /**
     * One call on a repository field.
     *
     * @param repository the repository's simple name, {@code StockItemRepository}
     * @param method the method called, {@code findByProductId}
     * @param springData whether the repository is a Spring Data repository interface of an entity the function has
     * @param declaredQuery whether the repository declares the method with {@code @Query}
     * @param modifying whether it is declared {@code @Modifying} (an update or delete query)
     */
    public record RepositoryCall(String repository, String method, boolean springData, boolean declaredQuery,
                                 boolean modifying) {
        public RepositoryCall {
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(method, "method");
        }

        public String text() {
            return repository + "." + method;
        }
    }
}
