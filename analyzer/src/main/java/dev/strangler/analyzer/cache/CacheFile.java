package dev.strangler.analyzer.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * What every file of the cache folder shares: a magic word and a format version at the start, a CRC-32C of all bytes
 * before it at the end, and a write that goes to a temporary file moved over the old one, so that a reader sees the
 * old file or the new one, never half of one. Stateless; thread-safe.
 */
final class CacheFile {
    private CacheFile() {
    }

    /** {@code magic}, then {@code format} as a varint, for a body to follow. */
    static BinaryOut start(byte[] magic, int format, int initialSize) {
        BinaryOut out = new BinaryOut(initialSize);
        out.raw(magic);
        out.varint(format);
        return out;
    }

    /** The bytes written, with their CRC-32C after them (4 bytes, big endian). */
    static byte[] seal(BinaryOut out) {
        byte[] body = out.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(body);
        int sum = (int) crc.getValue();
        byte[] bytes = Arrays.copyOf(body, body.length + 4);
        for (int i = 0; i < 4; i++) {
            bytes[body.length + i] = (byte) (sum >>> (24 - 8 * i));
        }
        return bytes;
    }

    /**
     * A reader positioned after the magic word and the format, ending before the CRC.
     *
     * @throws CorruptCacheException when the bytes are not such a file, of this format, whole
     */
    static BinaryIn open(byte[] bytes, byte[] magic, int format) {
        if (bytes.length < magic.length + 1 + 4) {
            throw new CorruptCacheException("is truncated (" + bytes.length + " bytes)");
        }
        if (!Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
            throw new CorruptCacheException("is not a cache file of the analyzer");
        }
        int end = bytes.length - 4;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, end);
        int stored = (bytes[end] & 0xff) << 24 | (bytes[end + 1] & 0xff) << 16 | (bytes[end + 2] & 0xff) << 8
                | bytes[end + 3] & 0xff;
        BinaryIn in = new BinaryIn(bytes, magic.length, end);
        long found = in.varint();
        if (found != format) {
            throw new CorruptCacheException("has format " + found + ", this analyzer reads format " + format);
        }
        if (stored != (int) crc.getValue()) {
            throw new CorruptCacheException("is damaged or truncated (checksum mismatch)");
        }
        return in;
    }

    /** How a cache file's content is read, and what stands for it when there is none or it is refused. */
    interface Reader<T> {
        /** The content, from a reader that {@link #open} positioned; throws for content that is refused. */
        T read(BinaryIn in);

        /** What stands for a file that does not exist. */
        T absent();

        /** What stands for a file that cannot be used, and why ("is damaged or truncated ..."). */
        T ignored(String why);
    }

    /**
     * The content of the file at {@code file} as {@code reader} reads it after the magic word and format; never
     * throws for a missing, unreadable, foreign, damaged or refused file: {@link Reader#absent} or
     * {@link Reader#ignored} stands for it.
     */
    static <T> T read(Path file, byte[] magic, int format, Reader<T> reader) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return reader.absent();
        } catch (IOException | RuntimeException e) {
            return reader.ignored("could not be read (" + e + ")");
        }
        try {
            return reader.read(open(bytes, magic, format));
        } catch (CorruptCacheException e) {
            return reader.ignored(e.getMessage());
        } catch (RuntimeException e) {
            // a value that its record refuses: damage that the CRC did not catch, or a writer's bug
            return reader.ignored("holds a value that is refused (" + e + ")");
        }
    }

    /**
     * Writes {@code bytes} as {@code folder/name}, creating the folder with its {@code CACHEDIR.TAG}.
     *
     * @return a warning when it could not be written, or "" when it was
     */
    static String write(Path folder, String name, byte[] bytes) {
        Path target = folder.resolve(name);
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            Path tag = folder.resolve("CACHEDIR.TAG");
            if (!Files.exists(tag)) {
                // the standard tag that backup tools read to skip a cache; the line after it is for people
                Files.writeString(tag, "Signature: 8a477f597d28d172789f06886806bc55\n"
                        + "# The strangler analyzer's scan cache: safe to delete, rebuilt by the next run.\n",
                        StandardCharsets.UTF_8);
            }
            temporary = Files.createTempFile(folder, name, ".tmp");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return "";
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            return "cache: could not write " + target + " (" + e + "); the next run will be a full one";
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left behind in the cache folder, which is safe to delete; the caller's warning says the write failed
        }
    }
}
