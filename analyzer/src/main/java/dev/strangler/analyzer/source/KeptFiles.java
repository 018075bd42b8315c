package dev.strangler.analyzer.source;

import dev.strangler.analyzer.cache.FileFactsStore;
import dev.strangler.analyzer.cache.ScanInputs;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.facts.FactsCodec;
import dev.strangler.analyzer.source.parse.OutlineSource;
import dev.strangler.analyzer.source.parse.ParsedFile;
import dev.strangler.analyzer.source.parse.SourceTree;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * A run's entries for {@code files.bin}, encoded only when they are written ({@link #write}), on the cache writer's
 * thread while the decomposition runs: a file analysed in this run is kept as its tree and facts until then, which
 * keeps its tree alive till its entry is made. Write once.
 */
final class KeptFiles {
    private final FileFactsStore target;
    private final Set<String> java;
    private final SortedMap<String, File> files;
    private final SortedSet<String> bodiesRead;

    /** One file's entry: the last run's, or this run's tree and facts still to be encoded. */
    sealed interface File permits Earlier, Fresh {
        /** The entry, given the file's hash; null when it cannot be made (the next run analyses the file again). */
        FileFactsStore.Entry entry(String hash);
    }

    /** An entry the last run kept, whose facts this run reused. */
    record Earlier(FileFactsStore.Entry kept) implements File {
        @Override
        public FileFactsStore.Entry entry(String hash) {
            return kept;
        }
    }

    /** A file analysed in this run: its outline's source and facts are encoded when written. */
    record Fresh(ParsedFile parsed, Facts facts) implements File {
        @Override
        public FileFactsStore.Entry entry(String hash) {
            if (hash == null) {
                return null;
            }
            try {
                OutlineSource source = parsed.outlineSource();
                // a file without a tree stands for its content: any edit to it counts as a change of its outline
                String outline = parsed.outline().isEmpty() ? hash : parsed.outline();
                return new FileFactsStore.Entry(hash, outline, source == null ? null : source.encode(parsed.unit()),
                        FactsCodec.write(facts));
            } catch (RuntimeException | StackOverflowError e) {
                return null;
            }
        }
    }

    KeptFiles(FileFactsStore target, Set<String> java, SortedMap<String, File> files, SortedSet<String> bodiesRead) {
        this.target = target;
        this.java = Set.copyOf(java);
        this.files = new TreeMap<>(files);
        this.bodiesRead = bodiesRead;
    }

    /**
     * Encodes the entries, each file's hash taken from {@code inputs}, and writes them, dropping each tree once its
     * entry is made.
     *
     * @return a warning when they could not be written, else ""
     */
    String write(ScanInputs inputs) {
        SortedMap<String, FileFactsStore.Entry> entries = new TreeMap<>();
        for (Iterator<Map.Entry<String, File>> it = files.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, File> file = it.next();
            FileFactsStore.Entry entry = file.getValue().entry(inputs.files().get(file.getKey()));
            if (entry != null) {
                entries.put(file.getKey(), entry);
            }
            it.remove();
        }
        return target.store(inputs.analyzer(), context(inputs, java), entries, bodiesRead);
    }

    /** The Java files' paths relative to the root. */
    static Set<String> javaPaths(SourceTree tree) {
        Set<String> java = new HashSet<>();
        for (Path file : tree.javaFiles()) {
            java.add(tree.relative(file));
        }
        return java;
    }

    /**
     * What every kept entry depends on besides its own file, as one text: the settings, the list of Java files and
     * every other file's content (by hash).
     */
    static String context(ScanInputs inputs, Set<String> java) {
        StringBuilder context = new StringBuilder(inputs.settings());
        inputs.files().forEach((path, hash) -> {
            if (java.contains(path)) {
                context.append("java=").append(path).append('\n');
            } else {
                context.append("file=").append(path).append(' ').append(hash).append('\n');
            }
        });
        return context.toString();
    }
}
