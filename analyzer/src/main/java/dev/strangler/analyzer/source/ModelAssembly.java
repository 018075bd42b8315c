package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.CodebaseStats;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.EntityMapping;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.FrameworkCoverage;
import dev.strangler.analyzer.core.MethodInfo;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.RepositoryBinding;
import dev.strangler.analyzer.core.Risk;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.TableAccess;
import dev.strangler.analyzer.core.TypeInfo;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.parse.ParsedFile;
import dev.strangler.analyzer.source.parse.SourceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The model made from the merged facts of every file: the counts of the scan, and every list sorted (and made
 * distinct) in one fixed order, so the same tree always gives the same model.
 */
final class ModelAssembly {
    private static final Comparator<EntryPoint> ENTRY_ORDER = Comparator.comparing(EntryPoint::path)
            .thenComparing(EntryPoint::httpMethod).thenComparing(EntryPoint::kind).thenComparing(EntryPoint::framework)
            .thenComparing(EntryPoint::handler).thenComparing(EntryPoint::location);
    private static final Comparator<TableAccess> ACCESS_ORDER = Comparator.comparing(TableAccess::accessor)
            .thenComparing(TableAccess::member).thenComparing(TableAccess::table).thenComparing(TableAccess::mode)
            .thenComparing(TableAccess::origin).thenComparing(TableAccess::location);
    private static final Comparator<Risk> RISK_ORDER = Comparator.comparing(Risk::location).thenComparing(Risk::kind)
            .thenComparing(Risk::owner).thenComparing(Risk::detail);

    private ModelAssembly() {
    }

    /**
     * The codebase named after {@code root} from {@code all}, the merged facts of the {@code parsed} files
     * ({@code javaFiles} Java files found in {@code tree}) and the {@code coverage} of each framework; the two largest lists are sorted on two threads of
     * {@code pool}. An error is added when no file could be parsed.
     */
    static Codebase codebase(Path root, int javaFiles, SourceTree tree, List<ParsedFile> parsed, Facts all,
                             List<FrameworkCoverage> coverage, ExecutorService pool) {
        int filesParsed = 0;
        int filesSkipped = tree.skippedFiles();
        long lines = 0;
        long codeLines = 0;
        for (ParsedFile file : parsed) {
            if (file.unit() != null) {
                filesParsed++;
                lines += file.nonBlankLines();
                codeLines += file.codeLineCount();
            } else {
                filesSkipped++;
            }
        }
        if (filesParsed == 0 && javaFiles > 0) {
            all.problems.add(new Problem(".", 0, 0, Severity.ERROR, "none of the " + javaFiles
                    + " Java files could be parsed; see the problems above"));
        }
        CodebaseStats stats = new CodebaseStats(javaFiles + tree.skippedFiles(), filesParsed, filesSkipped, lines,
                codeLines, all.resolved, all.guessed, all.unresolved);
        String name = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        // the facts are complete: the two largest lists are sorted on two threads
        Future<List<MethodInfo>> methods = pool.submit(all::methodList);
        List<Dependency> dependencies = all.dependencyList();
        return new Codebase(name, sorted(all.types, Comparator.comparing(TypeInfo::name)), dependencies,
                ScanPool.result(methods), distinctSorted(all.entryPoints, ENTRY_ORDER),
                distinctSorted(all.entities, Comparator.comparing(EntityMapping::entity).thenComparing(EntityMapping::table)
                        .thenComparing(EntityMapping::location)),
                distinctSorted(all.repositories, Comparator.comparing(RepositoryBinding::repository)
                        .thenComparing(RepositoryBinding::entity)),
                distinctSorted(all.tableAccesses, ACCESS_ORDER), distinctSorted(all.risks, RISK_ORDER),
                distinctSorted(all.problems, Comparator.naturalOrder()), stats, coverage);
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        return copy;
    }

    private static <T> List<T> distinctSorted(List<T> items, Comparator<T> order) {
        TreeSet<T> set = new TreeSet<>(order);
        set.addAll(items);
        return new ArrayList<>(set);
    }
}
