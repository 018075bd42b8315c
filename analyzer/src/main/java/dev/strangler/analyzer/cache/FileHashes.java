package dev.strangler.analyzer.cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The hash ({@link ContentHash}) of each file the last scan read, with the file's size and modification time when it
 * was hashed, kept in {@code hashes.bin} so that the next run need not hash a file again whose size and
 * modification time are the same, as Git's index and Gradle's file-hash cache do. A file modified within {@link #RACY_NANOS} before the
 * hashing began is hashed again all the same: an edit in the same tick of a coarse file-system clock could keep both.
 * Deleting the file is always safe (every file is hashed); a damaged one gives a warning and is not used.
 *
 * <p>File layout: the 8 bytes {@code STRHASHS}, the format version, when the hashing began (nanoseconds since the
 * epoch), the number of files, per file its path, size, modification time (nanoseconds since the epoch) and hash
 * (16 bytes), then the CRC-32C. Not thread-safe for two writers at once.
 */
public final class FileHashes {
    static final String FILE = "hashes.bin";
    static final int FORMAT = 2;
    /** Files modified this close before the hashing began are hashed again: two seconds, FAT's clock tick. */
    static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final byte[] MAGIC = "STRHASHS".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FILES = 10_000_000;

    private final Path folder;

    private FileHashes(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** The hashes kept in {@code folder} (the cache folder), which need not exist yet. */
    public static FileHashes in(Path folder) {
        return new FileHashes(folder);
    }

    Path file() {
        return folder.resolve(FILE);
    }

    /**
     * A file as it was when hashed.
     *
     * @param size its size in bytes
     * @param modified its modification time in nanoseconds since the epoch
     * @param hash the hash of its bytes ({@link ContentHash})
     */
    public record Hashed(long size, long modified, String hash) {
        public Hashed {
            if (size < 0) {
                throw new IllegalArgumentException("size must be 0 or more, but was " + size);
            }
            if (!ContentHash.isHash(hash)) {
                throw new IllegalArgumentException("hash must be " + ContentHash.HEX_DIGITS + " hex digits, but was '"
                        + hash + "'");
            }
        }
    }

    /**
     * What was kept.
     *
     * @param began when the hashing that gave them began, in nanoseconds since the epoch
     * @param files path relative to the root → the file as hashed; empty when nothing usable was kept
     * @param warnings what was wrong with the file, for stderr
     */
    public record Known(long began, Map<String, Hashed> files, List<String> warnings) {
        public Known {
            files = Map.copyOf(files);
            warnings = List.copyOf(warnings);
        }

        /**
         * The kept hash of the file at {@code path} when it still has {@code size} and {@code modified} and was not
         * modified within {@link #RACY_NANOS} before the hashing began; else null: hash it.
         */
        public String hashOf(String path, long size, long modified) {
            Hashed kept = files.get(path);
            return kept != null && kept.size() == size && kept.modified() == modified
                    && modified < began - RACY_NANOS ? kept.hash() : null;
        }
    }

    /** The hashes kept; none when there are none or the file is damaged (with a warning). Never throws. */
    public Known load() {
        return CacheFile.read(file(), MAGIC, FORMAT, new CacheFile.Reader<>() {
            @Override
            public Known read(BinaryIn in) {
                long began = in.varint();
                int count = in.count(MAX_FILES);
                Map<String, Hashed> files = new TreeMap<>();
                HexFormat hex = HexFormat.of();
                for (int i = 0; i < count; i++) {
                    String path = in.string();
                    Hashed hashed = new Hashed(in.varint(), in.varint(), hex.formatHex(in.raw(ContentHash.BYTES)));
                    if (files.put(path, hashed) != null) {
                        throw new CorruptCacheException("names " + path + " twice");
                    }
                }
                if (!in.atEnd()) {
                    throw new CorruptCacheException("has bytes left over after the last file");
                }
                return new Known(began, files, List.of());
            }

            @Override
            public Known absent() {
                return new Known(0, Map.of(), List.of());
            }

            @Override
            public Known ignored(String why) {
                return new Known(0, Map.of(), List.of("cache: " + file() + " " + why
                        + "; ignored, and rewritten at the end of this run"));
            }
        });
    }

    /**
     * Writes {@code files}, hashed by a hashing that began at {@code began}, replacing what was there.
     *
     * @return a warning when they could not be written, or "" when they were
     */
    public String store(long began, SortedMap<String, Hashed> files) {
        BinaryOut out = CacheFile.start(MAGIC, FORMAT, 64 + files.size() * 96);
        out.varint(began);
        out.varint(files.size());
        HexFormat hex = HexFormat.of();
        files.forEach((path, hashed) -> {
            out.string(path);
            out.varint(hashed.size());
            out.varint(hashed.modified());
            out.raw(hex.parseHex(hashed.hash()));
        });
        return CacheFile.write(folder, FILE, CacheFile.seal(out));
    }
}
