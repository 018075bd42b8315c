package dev.strangler.analyzer.cache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the cache's primitives: unsigned variable-length integers and strings, each string's text written once and
 * then named by its number. Not thread-safe (nor locked byte by byte, as a {@code ByteArrayOutputStream} is: the
 * cache of a large codebase is millions of bytes written one at a time).
 */
public final class BinaryOut {
    private byte[] bytes;
    private int size;
    private final Map<String, Integer> strings = new HashMap<>();

    public BinaryOut() {
        this(1 << 16);
    }

    /** An empty writer whose buffer starts at {@code initialSize} bytes and grows as needed. */
    public BinaryOut(int initialSize) {
        bytes = new byte[Math.max(16, initialSize)];
    }

    public void varint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("only 0 or more can be written as a varint, but was " + value);
        }
        room(10);
        long rest = value;
        while (rest >= 0x80) {
            bytes[size++] = (byte) ((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        bytes[size++] = (byte) rest;
    }

    public void bool(boolean value) {
        room(1);
        bytes[size++] = (byte) (value ? 1 : 0);
    }

    public void raw(byte[] data) {
        room(data.length);
        System.arraycopy(data, 0, bytes, size, data.length);
        size += data.length;
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
        raw(utf8);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Grows the buffer, when needed, to take {@code more} bytes. */
    private void room(int more) {
        if (more > bytes.length - size) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                if ((long) size + more > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("more than 2 GB to write");
                }
                wanted = Integer.MAX_VALUE - 8;
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
