package dev.strangler.extraction.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A method of a class that stays behind which the function runs itself, copied from the monolith, because reading
 * its source shows it only reads, through repositories the function's Spring Data serves over the shared database (or
 * only computes from its arguments and constants).
 * It then answers in the caller's transaction, with the monolith's own exceptions, as the call did in process; a
 * monolith route answering a DTO would do neither. One decision for every flavor ({@link #refusals}).
 *
 * @param code the method as the adapter implementation declares it: {@code @Override}, the monolith's
 *             {@code @Transactional} (fully qualified), the signature and the monolith's body
 * @param helpers the methods of the same class it calls and the constants it reads, as written there, each made private
 * @param repositories the repository fields it reads through, as {@code fully.qualified.Type name}, sorted
 * @param imports the monolith class's imports the copied code names
 * @param reads the repository methods it calls, {@code StockItemRepository.findByProductId}
 * @param tables the tables those repositories' entities live in
 */
public record LocalRead(String code, List<String> helpers, List<AdapterMethod.Parameter> repositories,
                        List<String> imports, List<String> reads, List<String> tables) {
    private static final Set<String> CRUD_READS = Set.of("findById", "findAll", "findAllById", "existsById", "count",
            "getReferenceById", "getById", "getOne");
    private static final Pattern DERIVED_READ = Pattern.compile(
            "(find|read|get|query|search|stream|count|exists)\\w*By[A-Z]\\w*");

    public LocalRead {
        Objects.requireNonNull(code, "code");
        helpers = List.copyOf(helpers);
        repositories = List.copyOf(repositories);
        imports = List.copyOf(imports);
        reads = List.copyOf(reads);
        tables = List.copyOf(tables);
    }

    /**
     * Why the function may not run a copy of the method, one sentence part each; none when it only reads: no
     * read-write {@code @Transactional}, only reading repository methods (Spring Data's CRUD reads, a derived
     * {@code findBy...}, or a declared {@code @Query} that is not {@code @Modifying}) of Spring Data repositories,
     * no other write, no call whose effect is unknown, nothing the function cannot have.
     */
    public static List<String> refusals(MethodFacts facts) {
        List<String> reasons = new ArrayList<>();
        if (facts.transaction() == MethodFacts.Transaction.READ_WRITE) {
            reasons.add("it runs in a read-write transaction (@Transactional without readOnly = true)");
        }
        for (MethodFacts.RepositoryCall call : facts.repositoryCalls()) {
            if (!call.springData()) {
                reasons.add("it calls " + call.text() + ", and " + call.repository() + " is not a Spring Data repository of "
                        + "an entity the function has");
            } else if (call.modifying() || !isRead(call)) {
                reasons.add("it writes through " + call.text());
            }
        }
        facts.writes().forEach(w -> reasons.add("it writes: " + w));
        facts.unproven().forEach(u -> reasons.add("it calls " + u + ", which reading cannot prove read-only"));
        facts.unavailable().forEach(u -> reasons.add("it needs " + u + ", which the function does not have"));
        return List.copyOf(reasons);
    }

    private static boolean isRead(MethodFacts.RepositoryCall call) {
        String name = call.method();
        if (CRUD_READS.contains(name) || DERIVED_READ.matcher(name).matches()) {
            return true;
        }
        // a declared query that is not @Modifying is a select (Spring Data refuses to run an update without it)
        return call.declaredQuery();
    }

    /** How the to-do list and the generated code explain it: {@code StockItemRepository.findByProductId}. */
    public String readsText() {
        return String.join(", ", reads);
    }
}
