package dev.strangler.extraction.source;

import dev.strangler.extraction.core.Adapter;
import dev.strangler.extraction.core.Candidate;
import dev.strangler.extraction.core.Report;
import dev.strangler.extraction.core.SharedRepository;
import dev.strangler.extraction.core.TableUse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The tables an extraction touches: the candidate's own uses from the report, with who else writes each, and the
 * tables of other services it reaches through the shared database: a repository Spring Data serves there
 * ({@link SharedRepository}) and a local read ({@link dev.strangler.extraction.core.LocalRead}).
 */
final class PlanTables {
    private PlanTables() {
    }

    /**
     * The candidate's tables, then the tables of other services it reaches through the shared database: those of the
     * repositories Spring Data serves there (a read or a write per method called) and those its local reads read.
     *
     * @param tableOf the table an entity class lives in
     */
    static List<TableUse> of(Report report, Candidate candidate, List<Adapter> adapters, Function<String, String> tableOf) {
        List<TableUse> tables = new ArrayList<>();
        for (TableUse table : candidate.tables()) {
            List<String> writers = new ArrayList<>();
            for (String other : table.sharedWith()) {
                report.candidate(other).ifPresent(c -> c.tables().stream()
                        .filter(t -> t.table().equals(table.table()) && t.writes() > 0)
                        .findFirst().ifPresent(t -> writers.add(other)));
            }
            tables.add(table.withOtherWriters(writers));
        }
        tables.addAll(sharedDatabaseTables(report, candidate, adapters, tableOf, tables));
        return tables;
    }

    private static List<TableUse> sharedDatabaseTables(Report report, Candidate candidate, List<Adapter> adapters,
            Function<String, String> tableOf, List<TableUse> known) {
        Map<String, int[]> uses = new TreeMap<>(); // table -> {writes, reads}
        for (Adapter adapter : adapters) {
            if (adapter.isSharedData()) {
                int[] use = uses.computeIfAbsent(tableOf.apply(adapter.sharedRepository().entityClass()), t -> new int[2]);
                adapter.methods().forEach(m -> use[SharedRepository.writes(m) ? 0 : 1]++);
            }
        }
        // a local read's repositories are mostly served over the shared database, so counted above already
        Map<String, int[]> served = new TreeMap<>(uses);
        adapters.stream().flatMap(a -> a.localReads().stream()).flatMap(m -> m.localRead().tables().stream())
                .filter(t -> !served.containsKey(t)).forEach(t -> uses.computeIfAbsent(t, k -> new int[2])[1]++);
        known.forEach(t -> uses.remove(t.table()));
        List<TableUse> tables = new ArrayList<>();
        uses.forEach((table, use) -> {
            List<String> users = new ArrayList<>();
            List<String> writers = new ArrayList<>();
            for (Candidate c : report.candidates()) {
                c.tables().stream().filter(t -> t.table().equals(table) && !c.name().equals(candidate.name()))
                        .findFirst().ifPresent(t -> {
                            users.add(c.name());
                            if (t.writes() > 0) {
                                writers.add(c.name());
                            }
                        });
            }
            tables.add(new TableUse(table, false, users.stream().sorted().toList(), use[0], use[1],
                    writers.stream().sorted().toList()));
        });
        return tables;
    }
}
