package dev.strangler.analyzer.source;

import dev.strangler.analyzer.cache.FileHashes;
import dev.strangler.analyzer.cache.ScanInputs;
import dev.strangler.analyzer.source.parse.SourceTree;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The inputs of a first run, when the cache holds nothing: such a run has nothing to look up or reuse, so it need not
 * hash every file before it starts, as {@link CachedScan#snapshot} does. Each file's size and modification time are
 * taken before the scan reads anything; the few files that are not Java (descriptors, views, SQL) are hashed then
 * too; each Java file's bytes are kept as the first pass reads them ({@link JavaFileParser.Reads}) and hashed only
 * when the cache is written ({@link #complete}, on the writer's thread), so the hash is that of the very bytes the
 * scan parsed. A Java file the first pass did not tell is read and hashed then.
 *
 * <p>{@link #read} on any thread during the first pass; {@link #complete} once, after the scan.
 */
final class DeferredSnapshot implements JavaFileParser.Reads {
    private final SourceTree tree;
    private final String settings;
    private final long began;
    private final Set<Path> files;
    private final Map<Path, String> stamps;
    private final Map<String, BasicFileAttributes> attributes;
    private final Map<String, String> otherHashes;
    private final Map<String, byte[]> javaRead = new ConcurrentHashMap<>();

    private DeferredSnapshot(SourceTree tree, String settings, long began, Set<Path> files, Map<Path, String> stamps,
                             Map<String, BasicFileAttributes> attributes, Map<String, String> otherHashes) {
        this.tree = tree;
        this.settings = settings;
        this.began = began;
        this.files = files;
        this.stamps = stamps;
        this.attributes = attributes;
        this.otherHashes = otherHashes;
    }

    /** Takes every read file's stamp and hashes the files that are not Java, on {@code pool}, and waits for both. */
    static DeferredSnapshot start(Path root, SourceTree tree, ScanOptions options, ExecutorService pool) {
        long began = CachedScan.nowNanos();
        Set<Path> files = CachedScan.read(tree);
        Set<Path> java = new HashSet<>(tree.javaFiles());
        Map<Path, String> stamps = new ConcurrentHashMap<>();
        Map<String, BasicFileAttributes> attributes = new ConcurrentHashMap<>();
        Map<String, String> otherHashes = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        List<Path> all = new ArrayList<>(files);
        int threads = Math.max(1, options.threads());
        for (int t = 0; t < threads; t++) {
            int first = t;
            done.add(pool.submit(() -> {
                for (int i = first; i < all.size(); i += threads) {
                    Path file = all.get(i);
                    String relative = tree.relative(file);
                    BasicFileAttributes read = CachedScan.attributes(file);
                    stamps.put(file, CachedScan.stampOf(read));
                    if (read != null) {
                        attributes.put(relative, read);
                    }
                    if (!java.contains(file)) {
                        otherHashes.put(relative, CachedScan.hash(file));
                    }
                }
            }));
        }
        done.forEach(future -> ScanPool.result(future, "reading the files' sizes"));
        return new DeferredSnapshot(tree, CachedScan.settings(root, tree, options), began, files, stamps, attributes,
                otherHashes);
    }

    @Override
    public void read(String path, byte[] content, Exception failure) {
        javaRead.put(path, content != null ? content : CachedScan.unreadable(failure));
    }

    /** The snapshot the scan's result is kept under: every file's hash, the Java files' from the bytes parsed. */
    CachedScan.Snapshot complete() {
        SortedMap<String, String> hashes = new TreeMap<>();
        SortedMap<String, FileHashes.Hashed> hashed = new TreeMap<>();
        for (Path file : files) {
            String relative = tree.relative(file);
            String hash = otherHashes.get(relative);
            if (hash == null) {
                byte[] content = javaRead.remove(relative);
                hash = content != null ? ScanInputs.hash(content) : CachedScan.hash(file);
            }
            hashes.put(relative, hash);
            BasicFileAttributes read = attributes.get(relative);
            if (read != null) {
                hashed.put(relative, CachedScan.hashed(read, hash));
            }
        }
        ScanInputs inputs = new ScanInputs(CachedScan.analyzer(), settings, hashes);
        return new CachedScan.Snapshot(inputs, stamps, began, hashed, hashes.keySet());
    }
}
