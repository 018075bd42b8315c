package dev.strangler.extraction.source;

import dev.strangler.extraction.core.Adapter;
import dev.strangler.extraction.core.Candidate;
import dev.strangler.extraction.core.Report;
import dev.strangler.extraction.core.TableUse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables an extraction touches: the candidate's own uses from the report, with who else writes each, and the
 * tables of other services its local reads read ({@link dev.strangler.extraction.core.LocalRead}).
 */
final class PlanTables {
    private PlanTables() {
    }

    static List<TableUse> of(Report report, Candidate candidate, List<Adapter> adapters) {
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
        tables.addAll(localReadTables(report, candidate, adapters, tables));
        return tables;
    }

    /** The tables of other services the local reads read, as the candidate's reads of tables it does not own. */
    private static List<TableUse> localReadTables(Report report, Candidate candidate, List<Adapter> adapters,
            List<TableUse> known) {
        Map<String, Integer> reads = new TreeMap<>();
        adapters.stream().flatMap(a -> a.localReads().stream()).flatMap(m -> m.localRead().tables().stream())
                .forEach(t -> reads.merge(t, 1, Integer::sum));
        known.forEach(t -> reads.remove(t.table()));
        List<TableUse> tables = new ArrayList<>();
        reads.forEach((table, count) -> {
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
            tables.add(new TableUse(table, false, users.stream().sorted().toList(), 0, count,
                    writers.stream().sorted().toList()));
        });
        return tables;
    }
}
