package dev.strangler.analyzer.cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the last scan found in each Java file, kept in {@code files.bin} beside the whole-model cache
 * ({@link ScanCache}), so that a run after an edit re-analyses only the files whose facts can have changed. Each
 * file's entry holds the hash ({@link ContentHash}) of its bytes, the hash of its outline (the file without the
 * insides of method, constructor and initializer bodies), what the scanner needs to rebuild that outline's tree
 * without reading the file, and the scanner's facts for it, the last two as bytes this package does not interpret. The
 * whole store is valid only for the analyzer build and the context (options, layout, other files) it was written
 * under. Deleting it is always safe; a damaged, truncated or foreign file gives a warning and a run without it.
 *
 * <p>File layout: the 8 bytes {@code STRFILES}, the format version (varint), the analyzer's fingerprint, the
 * context's hash (16 bytes), the number of files, per file its path, its two hashes (16 bytes each), its outline
 * (a flag, then length and bytes) and its facts (length and bytes), the files whose bodies the passes over all types read, then a CRC-32C of everything before
 * it. Not thread-safe for two writers at once.
 */
public final class FileFactsStore {
    static final String FILE = "files.bin";
    static final int FORMAT = 4;
    private static final byte[] MAGIC = "STRFILES".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FILES = 10_000_000;

    private final Path folder;

    private FileFactsStore(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** The store kept in {@code folder} (the cache folder), which need not exist yet. */
    public static FileFactsStore in(Path folder) {
        return new FileFactsStore(folder);
    }

    Path file() {
        return folder.resolve(FILE);
    }

    /**
     * One file's entry.
     *
     * @param hash the hash of the file's bytes ({@link ContentHash})
     * @param outline the hash of its outline
     * @param outlineSource what the scanner needs to rebuild the file's outline without reading it, in its own
     *                      encoding, or null when the file is always parsed in full; not copied
     * @param facts the scanner's facts for the file, in the scanner's own encoding; not copied (large, never changed)
     */
    public record Entry(String hash, String outline, byte[] outlineSource, byte[] facts) {
        public Entry {
            checkHash(hash, "hash");
            checkHash(outline, "outline");
            Objects.requireNonNull(facts, "facts");
        }
    }

    /**
     * What was found.
     *
     * @param files path relative to the root → entry; empty when nothing usable was kept
     * @param bodiesRead files whose method bodies the last scan read from passes over all types (front controllers),
     *                   which must therefore be parsed in full
     * @param warnings problems with the file itself (damaged, unreadable), for stderr
     */
    public record Loaded(Map<String, Entry> files, java.util.Set<String> bodiesRead, List<String> warnings) {
        public Loaded {
            files = Map.copyOf(files);
            bodiesRead = java.util.Set.copyOf(bodiesRead);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The entries written under the same analyzer build and context; none when there are none, when they were written
     * under another, or when the file is damaged (with a warning). Never throws for a bad or missing file.
     */
    public Loaded load(String analyzer, String context) {
        return CacheFile.read(file(), MAGIC, FORMAT, new CacheFile.Reader<>() {
            @Override
            public Loaded read(BinaryIn in) {
                if (!in.string().equals(analyzer) || !HexFormat.of().formatHex(in.raw(ContentHash.BYTES))
                        .equals(ScanInputs.hash(context.getBytes(StandardCharsets.UTF_8)))) {
                    return absent();
                }
                int count = in.count(MAX_FILES);
                Map<String, Entry> files = new TreeMap<>();
                HexFormat hex = HexFormat.of();
                for (int i = 0; i < count; i++) {
                    String path = in.string();
                    String hash = hex.formatHex(in.raw(ContentHash.BYTES));
                    String outline = hex.formatHex(in.raw(ContentHash.BYTES));
                    Entry entry = new Entry(hash, outline, in.bool() ? bytes(in) : null, bytes(in));
                    if (files.put(path, entry) != null) {
                        throw new CorruptCacheException("names " + path + " twice");
                    }
                }
                java.util.Set<String> bodiesRead = new java.util.TreeSet<>(CodebaseCodec.list(in, BinaryIn::string));
                if (!in.atEnd()) {
                    throw new CorruptCacheException("has bytes left over after the last file");
                }
                return new Loaded(files, bodiesRead, List.of());
            }

            @Override
            public Loaded absent() {
                return new Loaded(Map.of(), java.util.Set.of(), List.of());
            }

            @Override
            public Loaded ignored(String why) {
                return new Loaded(Map.of(), java.util.Set.of(), List.of("cache: " + file() + " " + why
                        + "; ignored, and rewritten at the end of this run"));
            }
        });
    }

    /**
     * Writes {@code files} as what the scan found under {@code analyzer} and {@code context}, replacing what was there.
     *
     * @return a warning when the store could not be written (the run's result is unaffected), or "" when it was
     */
    public String store(String analyzer, String context, SortedMap<String, Entry> files,
                        java.util.SortedSet<String> bodiesRead) {
        int size = 64;
        for (Entry entry : files.values()) {
            size += entry.facts().length + (entry.outlineSource() == null ? 0 : entry.outlineSource().length) + 80;
        }
        BinaryOut out = CacheFile.start(MAGIC, FORMAT, size);
        out.string(analyzer);
        HexFormat hex = HexFormat.of();
        out.raw(hex.parseHex(ScanInputs.hash(context.getBytes(StandardCharsets.UTF_8))));
        out.varint(files.size());
        files.forEach((path, entry) -> {
            out.string(path);
            out.raw(hex.parseHex(entry.hash()));
            out.raw(hex.parseHex(entry.outline()));
            out.bool(entry.outlineSource() != null);
            if (entry.outlineSource() != null) {
                bytes(out, entry.outlineSource());
            }
            bytes(out, entry.facts());
        });
        CodebaseCodec.list(out, bodiesRead, BinaryOut::string);
        return CacheFile.write(folder, FILE, CacheFile.seal(out));
    }

    private static void bytes(BinaryOut out, byte[] bytes) {
        out.varint(bytes.length);
        out.raw(bytes);
    }

    private static byte[] bytes(BinaryIn in) {
        return in.raw(in.count(Integer.MAX_VALUE));
    }

    private static void checkHash(String hash, String what) {
        if (!ContentHash.isHash(hash)) {
            throw new IllegalArgumentException(what + " must be " + ContentHash.HEX_DIGITS + " hex digits, but was '"
                    + hash + "'");
        }
    }
}
