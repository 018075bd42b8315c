package dev.strangler.analyzer.source;

import dev.strangler.analyzer.cache.CacheLookup;
import dev.strangler.analyzer.cache.FileFactsStore;
import dev.strangler.analyzer.cache.ScanInputs;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.facts.FactsCodec;
import dev.strangler.analyzer.source.parse.OutlineSource;
import dev.strangler.analyzer.source.parse.ParsedFile;
import dev.strangler.analyzer.source.parse.SourceTree;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which Java files' facts from the last run still hold in this one, so that only the others are analysed again
 * (pass 2), which files may be parsed from their outline only, and the entries to keep for the next run.
 *
 * <p>A file's facts are a function of its own tree, the type index (every file's outline), what is read from the
 * non-Java files, the options, and, for a few readers, the bodies of its types' supertypes (inherited methods that
 * schedule timers, for one). So they are reused when the analyzer, the options, the tree's layout, the list of Java
 * files and every non-Java file are the same (the store's context), every changed file kept its outline, and the file
 * declares no type whose supertype or subtype (transitively) is declared in a changed file. Anything else is a full
 * analysis. A file whose content is the same is read as an outline (its tree without bodies) unless a pass over all types read its bodies last
 * time; {@link #plan} names those that must be parsed in full after all (analysed again, or supertypes of such).
 *
 * <p>{@link #outlineSource} runs on any thread, {@link #plan} once per attempt, then {@link #reused} and
 * {@link #analysed} on any thread for distinct files, then {@link #keep} and {@link #kept}.
 */
final class FileReuse {
    private final FileFactsStore store;
    private final Set<String> java;
    private final Map<String, FileFactsStore.Entry> earlier;
    private final Map<String, String> hashes;
    private final List<String> warnings = new ArrayList<>();
    private Set<String> bodiesRead = Set.of();
    private final java.util.SortedSet<String> bodiesReadNow = new java.util.TreeSet<>();
    private boolean allInFull;
    private List<ParsedFile> parsed = List.of();
    private boolean[] analyse = new boolean[0];
    private KeptFiles.File[] current = new KeptFiles.File[0];
    private String outcome = "";
    private int changed;

    private FileReuse(FileFactsStore store, Set<String> java, Map<String, FileFactsStore.Entry> earlier,
                      Map<String, String> hashes) {
        this.store = store;
        this.java = java;
        this.earlier = earlier;
        this.hashes = hashes;
    }

    /** No store: every file is analysed and nothing is kept. */
    static FileReuse none() {
        return new FileReuse(null, Set.of(), Map.of(), Map.of());
    }

    /** A first run's: nothing kept yet, so every file is analysed, and every entry is kept in {@code store}. */
    static FileReuse first(FileFactsStore store, SourceTree tree) {
        return new FileReuse(store, KeptFiles.javaPaths(tree), Map.of(), Map.of());
    }

    /** The entries kept in {@code store} for a scan of {@code inputs}; none when they were made under other ones. */
    static FileReuse load(FileFactsStore store, ScanInputs inputs, SourceTree tree) {
        Set<String> java = KeptFiles.javaPaths(tree);
        Map<String, String> hashes = new TreeMap<>(inputs.files());
        hashes.keySet().retainAll(java);
        FileFactsStore.Loaded loaded = store.load(inputs.analyzer(), KeptFiles.context(inputs, java));
        FileReuse reuse = new FileReuse(store, java, loaded.files(), hashes);
        reuse.warnings.addAll(loaded.warnings());
        reuse.bodiesRead = loaded.bodiesRead();
        return reuse;
    }

    /**
     * The outline kept for the file at {@code path} when it may stand for the file (its content is the same as when
     * its facts were kept, and no pass read its bodies last time), else null: parse it in full.
     */
    OutlineSource.Restored outlineSource(String path) {
        FileFactsStore.Entry before = earlier.get(path);
        if (allInFull || before == null || before.outlineSource() == null || !before.hash().equals(hashes.get(path))
                || bodiesRead.contains(path)) {
            return null;
        }
        try {
            return OutlineSource.decode(before.outlineSource());
        } catch (RuntimeException | StackOverflowError e) {
            return null; // damage the store's checksum did not catch: a full parse gives the right tree
        }
    }

    /** The outline's hash kept for the file at {@code path}; only for a file {@link #outlineSource} allowed. */
    String outline(String path) {
        return earlier.get(path).outline();
    }

    /**
     * Decides which files are analysed again, given the trees, the types each declares and the linked index.
     *
     * @return the files read as outlines that must be parsed in full (analysed again, or supertypes of one whose
     *         inherited bodies pass 2 reads); empty when the plan stands
     */
    List<Integer> plan(List<ParsedFile> files, List<List<IndexedType>> typesPerFile, TypeIndex index) {
        decide(files, typesPerFile, index);
        Set<String> needed = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            if (analyse[i]) {
                for (IndexedType type : typesPerFile.get(i)) {
                    index.ancestors(type).forEach(ancestor -> needed.add(ancestor.scope.path));
                }
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).outlineOnly() && (analyse[i] || needed.contains(files.get(i).path()))) {
                missing.add(i);
            }
        }
        return missing;
    }

    private void decide(List<ParsedFile> files, List<List<IndexedType>> typesPerFile, TypeIndex index) {
        parsed = files;
        changed = 0;
        analyse = new boolean[files.size()];
        current = new KeptFiles.File[files.size()];
        Set<String> changedTypes = new HashSet<>();
        if (earlier.isEmpty()) {
            analyseAll("");
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            FileFactsStore.Entry before = earlier.get(files.get(i).path());
            if (before == null) {
                analyseAll("");
                return;
            }
            if (files.get(i).outlineOnly()) {
                continue; // read as an outline because its content is the same
            }
            if (!before.hash().equals(hash(i))) {
                changed++;
                if (!before.outline().equals(outline(i))) {
                    analyseAll(", outside method bodies");
                    return;
                }
                analyse[i] = true;
                typesPerFile.get(i).forEach(type -> changedTypes.add(type.name));
            }
        }
        Set<String> related = new HashSet<>(changedTypes);
        for (List<IndexedType> types : typesPerFile) {
            for (IndexedType type : types) {
                for (IndexedType ancestor : index.ancestors(type)) {
                    if (changedTypes.contains(ancestor.name)) {
                        related.add(type.name);
                    } else if (changedTypes.contains(type.name)) {
                        related.add(ancestor.name);
                    }
                }
            }
        }
        for (int i = 0; i < files.size(); i++) {
            analyse[i] |= typesPerFile.get(i).stream().anyMatch(type -> related.contains(type.name));
        }
        outcome = "reused";
    }

    /**
     * Takes the files whose bodies the passes over all types read in this run; false when one of them was parsed as
     * an outline, in which case every file is parsed in full from now on and the scan must run again.
     */
    boolean keep(Set<String> read) {
        for (ParsedFile file : parsed) {
            if (file.outlineOnly() && read.contains(file.path())) {
                allInFull = true;
                return false;
            }
        }
        bodiesReadNow.clear();
        bodiesReadNow.addAll(read);
        return true;
    }

    private void analyseAll(String why) {
        Arrays.fill(analyse, true);
        outcome = why;
    }

    /** The facts of file {@code i} from the last run, or null when it must be analysed. */
    Facts reused(int i) {
        if (analyse[i]) {
            return null;
        }
        FileFactsStore.Entry before = earlier.get(parsed.get(i).path());
        try {
            Facts facts = FactsCodec.read(before.facts());
            current[i] = new KeptFiles.Earlier(before);
            return facts;
        } catch (RuntimeException e) {
            // damage the store's checksum did not catch: the file is analysed again, which gives the right facts
            analyse[i] = true;
            return null;
        }
    }

    /** Keeps file {@code i}'s freshly found facts for the next run, to be encoded when they are written. */
    void analysed(int i, Facts facts) {
        if (store != null) {
            current[i] = new KeptFiles.Fresh(parsed.get(i), facts);
        }
    }

    /** Files analysed in this run. */
    int analysedCount() {
        int count = 0;
        for (boolean again : analyse) {
            count += again ? 1 : 0;
        }
        return count;
    }

    /** The line for stderr: how many files were analysed again, or why every file was. */
    String note(CacheLookup lookup) {
        if (!outcome.equals("reused")) {
            return lookup.note() + outcome;
        }
        int again = analysedCount();
        int outlines = 0;
        for (ParsedFile file : parsed) {
            outlines += file.outlineOnly() ? 1 : 0;
        }
        return String.format("cache: %,d of %,d Java files re-analysed (%,d changed, %,d related by inheritance;"
                + " %,d parsed in full, %,d as outlines)", again, parsed.size(), changed, again - changed,
                parsed.size() - outlines, outlines);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** This run's entries, to be written when it suits ({@link KeptFiles#write}). */
    KeptFiles kept() {
        SortedMap<String, KeptFiles.File> entries = new TreeMap<>();
        for (int i = 0; i < current.length; i++) {
            if (current[i] != null) {
                entries.put(parsed.get(i).path(), current[i]);
            }
        }
        return new KeptFiles(store, java, entries, new java.util.TreeSet<>(bodiesReadNow));
    }

    private String hash(int i) {
        return hashes.getOrDefault(parsed.get(i).path(), "");
    }

    /** A file without a tree stands for its content: any edit to it counts as a change of its outline. */
    private String outline(int i) {
        String outline = parsed.get(i).outline();
        return outline.isEmpty() ? hash(i) : outline;
    }
}
