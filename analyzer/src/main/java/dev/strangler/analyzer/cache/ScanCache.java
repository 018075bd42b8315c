package dev.strangler.analyzer.cache;

import dev.strangler.analyzer.core.Codebase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The result of the last scan kept in one file under a cache folder (by default {@code .strangler-cache} in the
 * output folder), keyed by {@link ScanInputs}. Deleting the folder is always safe. A damaged, truncated or foreign
 * file is reported as a warning and ignored, never trusted: the file ends in a CRC-32C of all bytes before it, and
 * every value is read back through its record's checks.
 *
 * <p>File layout: the 8 bytes {@code STRCACHE}, the format version (varint), the analyzer's fingerprint, the
 * settings, the files (path and 32-byte SHA-256 each), the model ({@link CodebaseCodec}), then the CRC (4 bytes, big
 * endian). A write goes to a temporary file in the same folder and is then moved over the old one, so a reader sees
 * the old file or the new one, never half of one. Not thread-safe for two writers at once.
 */
public final class ScanCache {
    /** The cache folder's name in the output folder. */
    public static final String FOLDER = ".strangler-cache";
    static final String FILE = "scan.bin";
    static final int FORMAT = 1;
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

    /** The earlier result when it was made from the same inputs; never throws for a bad or missing file. */
    public CacheLookup find(ScanInputs inputs) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file());
        } catch (NoSuchFileException e) {
            return new CacheLookup.Miss("no cache yet", List.of());
        } catch (IOException | RuntimeException e) {
            return ignored("could not be read (" + e + ")");
        }
        try {
            BinaryIn in = open(bytes);
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
        } catch (CorruptCacheException e) {
            return ignored(e.getMessage());
        } catch (RuntimeException e) {
            // a value that its record refuses: damage that the CRC did not catch, or a writer's bug
            return ignored("holds a value the model refuses (" + e + ")");
        }
    }

    /**
     * Writes {@code codebase} as the result of {@code inputs}, replacing what was there.
     *
     * @return a warning when the cache could not be written (the run's result is unaffected), or "" when it was
     */
    public String store(ScanInputs inputs, Codebase codebase) {
        BinaryOut out = new BinaryOut();
        out.raw(MAGIC);
        out.varint(FORMAT);
        out.string(inputs.analyzer());
        out.string(inputs.settings());
        out.varint(inputs.files().size());
        HexFormat hex = HexFormat.of();
        inputs.files().forEach((path, hash) -> {
            out.string(path);
            out.raw(hex.parseHex(hash));
        });
        CodebaseCodec.write(codebase, out);
        byte[] body = out.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(body);
        int sum = (int) crc.getValue();
        byte[] bytes = Arrays.copyOf(body, body.length + 4);
        for (int i = 0; i < 4; i++) {
            bytes[body.length + i] = (byte) (sum >>> (24 - 8 * i));
        }
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            Path tag = folder.resolve("CACHEDIR.TAG");
            if (!Files.exists(tag)) {
                // the standard tag that backup tools read to skip a cache; the line after it is for people
                Files.writeString(tag, "Signature: 8a477f597d28d172789f06886806bc55\n"
                        + "# The strangler analyzer's scan cache: safe to delete, rebuilt by the next run.\n");
            }
            temporary = Files.createTempFile(folder, FILE, ".tmp");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file(), StandardCopyOption.REPLACE_EXISTING);
            }
            return "";
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            return "cache: could not write " + file() + " (" + e + "); the next run will be a full one";
        }
    }

    private CacheLookup.Miss ignored(String why) {
        return new CacheLookup.Miss("the cache was ignored",
                List.of("cache: " + file() + " " + why + "; ignored, and rewritten at the end of this run"));
    }

    private static BinaryIn open(byte[] bytes) {
        if (bytes.length < MAGIC.length + 1 + 4) {
            throw new CorruptCacheException("is truncated (" + bytes.length + " bytes)");
        }
        if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptCacheException("is not a cache file of the analyzer");
        }
        int end = bytes.length - 4;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, end);
        int stored = (bytes[end] & 0xff) << 24 | (bytes[end + 1] & 0xff) << 16 | (bytes[end + 2] & 0xff) << 8
                | bytes[end + 3] & 0xff;
        BinaryIn in = new BinaryIn(bytes, MAGIC.length, end);
        long format = in.varint();
        if (format != FORMAT) {
            throw new CorruptCacheException("has format " + format + ", this analyzer reads format " + FORMAT);
        }
        if (stored != (int) crc.getValue()) {
            throw new CorruptCacheException("is damaged or truncated (checksum mismatch)");
        }
        return in;
    }

    private static ScanInputs inputs(BinaryIn in) {
        String analyzer = in.string();
        String settings = in.string();
        int count = in.count(MAX_FILES);
        Map<String, String> files = new TreeMap<>();
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < count; i++) {
            files.put(in.string(), hex.formatHex(in.raw(32)));
        }
        return new ScanInputs(analyzer, settings, new TreeMap<>(files));
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left behind in the cache folder, which is safe to delete; the warning above already says the write failed
        }
    }
}
