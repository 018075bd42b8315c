package dev.strangler.analyzer.cache;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the cache's primitives: unsigned variable-length integers and strings, each string's text written once and
 * then named by its number. Not thread-safe.
 */
public final class BinaryOut {
    private final ByteArrayOutputStream bytes;
    private final Map<String, Integer> strings = new HashMap<>();

    public BinaryOut() {
        this(1 << 16);
    }

    /** An empty writer whose buffer starts at {@code initialSize} bytes and grows as needed. */
    public BinaryOut(int initialSize) {
        bytes = new ByteArrayOutputStream(initialSize);
    }

    public void varint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("only 0 or more can be written as a varint, but was " + value);
        }
        long rest = value;
        while (rest >= 0x80) {
            bytes.write((int) (rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        bytes.write((int) rest);
    }

    public void bool(boolean value) {
        bytes.write(value ? 1 : 0);
    }

    public void raw(byte[] data) {
        bytes.writeBytes(data);
    }

    /** A string: 0 then its UTF-8 length and bytes the first time, its number + 1 after that. */
    public void string(String value) {
        Integer known = strings.get(value);
        if (known != null) {
            varint(known + 1L);
            return;
        }
        strings.put(value, strings.size());
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varint(0);
        varint(utf8.length);
        bytes.writeBytes(utf8);
    }

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
