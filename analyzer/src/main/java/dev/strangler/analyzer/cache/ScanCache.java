package dev.strangler.analyzer.cache;

import dev.strangler.analyzer.core.Codebase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The result of the last scan kept in one file under a cache folder (by default {@code .strangler-cache} in the
 * output folder), keyed by {@link ScanInputs}. Deleting the folder is always safe. A damaged, truncated or foreign
 * file is reported as a warning and ignored, never trusted: the file ends in a CRC-32C of all bytes before it, and
 * every value is read back through its record's checks.
 *
 * <p>File layout: the 8 bytes {@code STRCACHE}, the format version (varint), the analyzer's fingerprint, the
 * settings, the files (path and {@link ContentHash} bytes each), the model ({@link CodebaseCodec}), then the CRC
 * (4 bytes, big endian). A write goes to a temporary file in the same folder and is then moved over the old one, so a reader sees
 * the old file or the new one, never half of one. Not thread-safe for two writers at once.
 */
public final class ScanCache {
    /** The cache folder's name in the output folder. */
    public static final String FOLDER = ".strangler-cache";
    static final String FILE = "scan.bin";
    static final int FORMAT = 2;
    private static final byte[] MAGIC = "STRCACHE".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FILES = 10_000_000;

    private final Path folder;

    private ScanCache(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** The cache kept in {@code folder}, which need not exist yet. */
    public static ScanCache in(Path folder) {
        return new ScanCache(folder);
    }

    Path file() {
        return folder.resolve(FILE);
    }

    /** The files' hashes kept in the same folder. */
    public FileHashes hashes() {
        return FileHashes.in(folder);
    }

    /** The per-file facts kept in the same folder. */
    public FileFactsStore files() {
        return FileFactsStore.in(folder);
    }

    /**
     * Whether none of the cache's three files is there: a first run, or the folder was deleted. Such a run has nothing
     * to look up or reuse, so it need not know the files' hashes before it reads them.
     */
    public boolean isEmpty() {
        return !java.nio.file.Files.exists(file()) && !java.nio.file.Files.exists(files().file())
                && !java.nio.file.Files.exists(hashes().file());
    }

    /** The earlier result when it was made from the same inputs; never throws for a bad or missing file. */
    public CacheLookup find(ScanInputs inputs) {
        return CacheFile.read(file(), MAGIC, FORMAT, new CacheFile.Reader<>() {
            @Override
            public CacheLookup read(BinaryIn in) {
                ScanInputs earlier = inputs(in);
                String difference = inputs.differenceFrom(earlier);
                if (!difference.isEmpty()) {
                    return new CacheLookup.Miss(difference, List.of());
                }
                Codebase codebase = CodebaseCodec.read(in);
                if (!in.atEnd()) {
                    throw new CorruptCacheException("bytes left over after the model");
                }
                return new CacheLookup.Hit(codebase, inputs.files().size());
            }

            @Override
            public CacheLookup absent() {
                return new CacheLookup.Miss("no cache yet", List.of());
            }

            @Override
            public CacheLookup ignored(String why) {
                return new CacheLookup.Miss("the cache was ignored",
                        List.of("cache: " + file() + " " + why + "; ignored, and rewritten at the end of this run"));
            }
        });
    }

    /**
     * Writes {@code codebase} as the result of {@code inputs}, replacing what was there.
     *
     * @return a warning when the cache could not be written (the run's result is unaffected), or "" when it was
     */
    public String store(ScanInputs inputs, Codebase codebase) {
        BinaryOut out = CacheFile.start(MAGIC, FORMAT, 1 << 16);
        out.string(inputs.analyzer());
        out.string(inputs.settings());
        out.varint(inputs.files().size());
        HexFormat hex = HexFormat.of();
        inputs.files().forEach((path, hash) -> {
            out.string(path);
            out.raw(hex.parseHex(hash));
        });
        CodebaseCodec.write(codebase, out);
        return CacheFile.write(folder, FILE, CacheFile.seal(out));
    }

    private static ScanInputs inputs(BinaryIn in) {
        String analyzer = in.string();
        String settings = in.string();
        int count = in.count(MAX_FILES);
        Map<String, String> files = new TreeMap<>();
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < count; i++) {
            files.put(in.string(), hex.formatHex(in.raw(ContentHash.BYTES)));
        }
        return new ScanInputs(analyzer, settings, new TreeMap<>(files));
    }
}
