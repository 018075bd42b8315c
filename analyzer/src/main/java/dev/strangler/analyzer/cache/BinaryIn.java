package dev.strangler.analyzer.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads what {@link BinaryOut} wrote; any inconsistency is a {@link CorruptCacheException}. Not thread-safe. */
public final class BinaryIn {
    private final byte[] data;
    private final int end;
    private int position;
    private final List<String> strings = new ArrayList<>();

    public BinaryIn(byte[] data, int start, int end) {
        this.data = data;
        this.position = start;
        this.end = end;
    }

    public long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int next = next();
            value |= (long) (next & 0x7f) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw new CorruptCacheException("a number runs past 64 bits at byte " + position);
    }

    public int count(int limit) {
        long value = varint();
        if (value < 0 || value > limit) {
            throw new CorruptCacheException("a count of " + value + " at byte " + position + " exceeds " + limit);
        }
        return (int) value;
    }

    public boolean bool() {
        int value = next();
        if (value > 1) {
            throw new CorruptCacheException("a flag of " + value + " at byte " + position);
        }
        return value == 1;
    }

    public byte[] raw(int length) {
        if (length > end - position) {
            throw new CorruptCacheException("the file ends early: " + length + " bytes wanted at byte " + position);
        }
        byte[] copy = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return copy;
    }

    public String string() {
        long reference = varint();
        if (reference > 0) {
            if (reference > strings.size()) {
                throw new CorruptCacheException("string #" + reference + " at byte " + position + " was never written");
            }
            return strings.get((int) reference - 1);
        }
        int length = count(end - position);
        String value = new String(data, position, length, StandardCharsets.UTF_8);
        position += length;
        strings.add(value);
        return value;
    }

    public <E extends Enum<E>> E constant(E[] values) {
        int ordinal = count(values.length - 1);
        return values[ordinal];
    }

    public boolean atEnd() {
        return position == end;
    }

    private int next() {
        if (position >= end) {
            throw new CorruptCacheException("the file ends early at byte " + position);
        }
        return data[position++] & 0xff;
    }
}
