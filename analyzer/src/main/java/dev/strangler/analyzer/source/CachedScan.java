package dev.strangler.analyzer.source;

import com.github.javaparser.JavaParser;
import dev.strangler.analyzer.cache.AnalyzerBuild;
import dev.strangler.analyzer.cache.FileHashes;
import dev.strangler.analyzer.cache.ScanInputs;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.source.parse.SourceTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The inputs of a scan as the cache keys them: every file the scan reads (Java sources, XML, views, properties, SQL)
 * by content, and the settings that change the result: the root, the size limit, the classpath (by size and
 * modification time of each jar or class file), and what the tree walk reported (skipped and empty folders).
 * Anything not in here must not change the scan's result; see the cache section of the README.
 */
final class CachedScan {
    private static volatile String analyzer;

    private CachedScan() {
    }

    /**
     * The inputs, and each read file's size and modification time when it was hashed.
     *
     * @param inputs the cache's key
     * @param stamps per file read, its size and modification time just before it was hashed
     * @param began when the hashing began, in nanoseconds since the epoch
     * @param hashed per file read (relative path), as hashed, for {@link FileHashes}
     * @param rehashed the files (relative paths) hashed rather than taken from {@link FileHashes}: new, or with
     *                 another size or modification time than when last hashed
     */
    record Snapshot(ScanInputs inputs, Map<Path, String> stamps, long began, SortedMap<String, FileHashes.Hashed> hashed,
                    Set<String> rehashed) {
        Snapshot {
            stamps = Map.copyOf(stamps);
            hashed = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(hashed));
            rehashed = Set.copyOf(rehashed);
        }

        /** How many files were hashed rather than taken from {@link FileHashes}. */
        int hashedAgain() {
            return rehashed.size();
        }

        /** How many files have another size or modification time now than when they were hashed. */
        int changedSince() {
            int changed = 0;
            for (Map.Entry<Path, String> file : stamps.entrySet()) {
                if (!stamp(file.getKey()).equals(file.getValue())) {
                    changed++;
                }
            }
            return changed;
        }
    }

    /**
     * The inputs as {@link #inputs} gives them, with the files' stamps, so that a file edited while the scan read it
     * can be told before its result is cached under the content hashed before; a file whose size and modification
     * time {@code known} holds takes its hash from there.
     */
    static Snapshot snapshot(Path root, SourceTree tree, ScanOptions options, ExecutorService pool,
                             FileHashes.Known known) {
        Map<Path, String> stamps = new ConcurrentHashMap<>();
        Map<String, FileHashes.Hashed> hashed = new ConcurrentHashMap<>();
        Set<String> again = ConcurrentHashMap.newKeySet();
        long began = nowNanos();
        ScanInputs inputs = inputs(root, tree, options, pool, (file, relative) -> {
            BasicFileAttributes attributes = attributes(file);
            stamps.put(file, stampOf(attributes));
            String kept = attributes == null ? null
                    : known.hashOf(relative, attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            String hash = kept != null ? kept : hash(file);
            if (kept == null) {
                again.add(relative);
            }
            if (attributes != null) {
                hashed.put(relative, hashed(attributes, hash));
            }
            return hash;
        });
        return new Snapshot(inputs, stamps, began, new TreeMap<>(hashed), again);
    }

    static ScanInputs inputs(Path root, SourceTree tree, ScanOptions options, ExecutorService pool) {
        return inputs(root, tree, options, pool, (file, relative) -> hash(file));
    }

    private static ScanInputs inputs(Path root, SourceTree tree, ScanOptions options, ExecutorService pool,
                                     java.util.function.BiFunction<Path, String, String> hasher) {
        Set<Path> read = read(tree);
        List<Future<String>> hashes = new ArrayList<>(read.size());
        for (Path file : read) {
            String relative = tree.relative(file);
            hashes.add(pool.submit(() -> hasher.apply(file, relative)));
        }
        SortedMap<String, String> files = new TreeMap<>();
        int i = 0;
        for (Path file : read) {
            files.put(tree.relative(file), ScanPool.result(hashes.get(i++), "hashing the files"));
        }
        return new ScanInputs(analyzer(), settings(root, tree, options), files);
    }

    /** The settings that change the result, as {@link ScanInputs#settings()} keeps them. */
    static String settings(Path root, SourceTree tree, ScanOptions options) {
        StringBuilder settings = new StringBuilder();
        settings.append("root=").append(root).append('\n');
        settings.append("maxFileBytes=").append(options.maxFileBytes()).append('\n');
        for (Path entry : options.classpath()) {
            settings.append("classpath=").append(entry.toAbsolutePath().normalize()).append('\n');
            stamp(entry, settings);
        }
        settings.append("skipped=").append(tree.skippedFiles()).append('\n');
        for (Problem problem : tree.problems()) {
            settings.append("walk=").append(problem.toCompilerStyle()).append('\n');
        }
        return settings.toString();
    }

    /** Every file the scan reads: the Java files, then the descriptors, the other files and the SQL files. */
    static Set<Path> read(SourceTree tree) {
        Set<Path> read = new LinkedHashSet<>(tree.javaFiles());
        read.addAll(tree.xmlFiles());
        read.addAll(tree.otherFiles());
        read.addAll(tree.namedSqlFiles());
        return read;
    }

    static String analyzer() {
        String known = analyzer;
        if (known == null) {
            known = AnalyzerBuild.fingerprint(List.of(JavaParser.class, net.sf.jsqlparser.parser.CCJSqlParserUtil.class));
            analyzer = known;
        }
        return known;
    }

    static String hash(Path file) {
        try {
            return ScanInputs.hash(Files.readAllBytes(file));
        } catch (IOException e) {
            return ScanInputs.hash(unreadable(e));
        }
    }

    /**
     * What stands for the content of a file that could not be read: the failure, so that the same failure gives the
     * same hash (the scan reports the file as unreadable).
     */
    static byte[] unreadable(Exception failure) {
        return ("unreadable: " + failure).getBytes(StandardCharsets.UTF_8);
    }

    /** A file's size, modification time and hash as {@code hashes.bin} keeps them. */
    static FileHashes.Hashed hashed(BasicFileAttributes attributes, String hash) {
        return new FileHashes.Hashed(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), hash);
    }

    private static String stamp(Path file) {
        return stampOf(attributes(file));
    }

    /** A file's size and modification time as one text, or "unreadable" for null attributes. */
    static String stampOf(BasicFileAttributes attributes) {
        return attributes == null ? "unreadable"
                : attributes.size() + " " + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    static long nowNanos() {
        java.time.Instant now = java.time.Instant.now();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    private static void stamp(Path entry, StringBuilder settings) {
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.filter(Files::isRegularFile).sorted().forEach(file -> stampFile(entry, file, settings));
                }
            } else {
                stampFile(entry, entry, settings);
            }
        } catch (IOException | RuntimeException e) {
            settings.append(" unreadable: ").append(e).append('\n');
        }
    }

    private static void stampFile(Path base, Path file, StringBuilder settings) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            settings.append(' ').append(base.relativize(file)).append(' ').append(attributes.size()).append(' ')
                    .append(attributes.lastModifiedTime().toMillis()).append('\n');
        } catch (IOException e) {
            settings.append(' ').append(file).append(" unreadable\n");
        }
    }
}
