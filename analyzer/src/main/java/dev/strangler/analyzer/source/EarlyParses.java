package dev.strangler.analyzer.source;

import dev.strangler.analyzer.source.parse.ParsedFile;
import dev.strangler.analyzer.source.parse.SourceTree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The few Java files that changed since the last run, parsed in full on the scan's pool while the main thread reads
 * the cache: in a run after an edit, the edited file's parse (in a fresh JVM, mostly interpreted) is the longest
 * single task of the scan, so it starts first. A full parse is right for any file, so a file parsed early whose
 * content turns out unchanged costs only that parse. {@link #take} on any thread; the rest on one.
 */
final class EarlyParses {
    /** More changed files than this is a checkout or a first run, not an edit: parsed in the scan's own order. */
    static final int MOST = 32;

    private final Map<String, Future<ParsedFile>> parses;
    /** the files parsed early, as positions in the tree's Java files */
    private final Set<Integer> positions;

    private EarlyParses(Map<String, Future<ParsedFile>> parses, Set<Integer> positions) {
        this.parses = parses;
        this.positions = positions;
    }

    static EarlyParses none() {
        return new EarlyParses(Map.of(), Set.of());
    }

    /**
     * Starts parsing the Java files of {@code tree} named in {@code changed} (relative paths), unless there are more
     * than {@link #MOST} of them, or they are most of the tree.
     */
    static EarlyParses start(ExecutorService pool, SourceTree tree, Set<String> changed,
                             ThreadLocal<JavaFileParser> parsers) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < tree.javaFiles().size(); i++) {
            if (changed.contains(tree.relative(tree.javaFiles().get(i)))) {
                found.add(i);
            }
        }
        if (found.isEmpty() || found.size() > MOST || found.size() * 2 > tree.javaFiles().size()) {
            return none();
        }
        Map<String, Future<ParsedFile>> parses = new HashMap<>();
        for (int i : found) {
            Path file = tree.javaFiles().get(i);
            String path = tree.relative(file);
            parses.put(path, pool.submit(() -> parsers.get().parse(file, path)));
        }
        return new EarlyParses(Map.copyOf(parses), Set.copyOf(found));
    }

    /** The early parse of the file at {@code path}, waited for, or null when it was not parsed early. */
    ParsedFile take(String path) {
        Future<ParsedFile> parse = parses.get(path);
        return parse == null ? null : ScanPool.result(parse, "parsing " + path);
    }

    /** {@code order} (positions in the tree's Java files) with the files parsed early last, waited for last. */
    List<Integer> last(List<Integer> order) {
        if (positions.isEmpty()) {
            return order;
        }
        List<Integer> others = new ArrayList<>(order.size());
        List<Integer> early = new ArrayList<>();
        for (int i : order) {
            (positions.contains(i) ? early : others).add(i);
        }
        others.addAll(early);
        return others;
    }

    /** Stops the parses not yet begun, when the result came from the cache after all. */
    void cancel() {
        parses.values().forEach(parse -> parse.cancel(false));
    }
}
