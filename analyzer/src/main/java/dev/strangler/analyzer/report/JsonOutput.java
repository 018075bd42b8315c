package dev.strangler.analyzer.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A minimal streaming JSON writer with two-space indentation; keys are written in the order given. Writes UTF-8 bytes
 * as it goes, the bytes {@code toString().getBytes(UTF_8)} would give (a lone surrogate becomes {@code ?}, as the
 * encoder makes it), so a report of several megabytes is neither held as text nor encoded a second time.
 */
final class JsonOutput {
    private byte[] bytes = new byte[1 << 16];
    private int size;
    private int depth;
    private boolean first = true;
    private boolean afterKey;
    /** Where each {@code <}, {@code >}, {@code &}, U+2028 and U+2029 written starts, in order. */
    private int[] unsafe = new int[0];
    private int unsafeCount;
    /**
     * A writer for the next members of an object already open at {@code depth}, with members before them or not;
     * what it writes goes into that object's writer with {@link #append}.
     */
    static JsonOutput continuing(int depth, boolean afterMembers) {
        JsonOutput part = new JsonOutput();
        part.depth = depth;
        part.first = !afterMembers;
        return part;
    }

    /** Adds what {@code part} (made by {@link #continuing} at this writer's depth) wrote, as if written here. */
    JsonOutput append(JsonOutput part) {
        if (part.depth != depth || afterKey || part.afterKey) {
            throw new IllegalStateException("a part must hold whole members at depth " + depth + ", but ends at depth "
                    + part.depth);
        }
        room(part.size);
        for (int i = 0; i < part.unsafeCount; i++) {
            unsafe(size + part.unsafe[i]);
        }
        System.arraycopy(part.bytes, 0, bytes, size, part.size);
        size += part.size;
        first &= part.first;
        return this;
    }

    JsonOutput beginObject() {
        value("{");
        depth++;
        first = true;
        return this;
    }

    JsonOutput endObject() {
        return close('}');
    }

    JsonOutput beginArray() {
        value("[");
        depth++;
        first = true;
        return this;
    }

    JsonOutput endArray() {
        return close(']');
    }

    private JsonOutput close(char bracket) {
        depth--;
        if (!first) {
            newline();
        }
        put((byte) bracket);
        first = false;
        return this;
    }

    JsonOutput key(String key) {
        separator();
        quote(key);
        put((byte) ':');
        put((byte) ' ');
        afterKey = true;
        return this;
    }

    JsonOutput string(String value) {
        if (value == null) {
            return value("null");
        }
        separatorUnlessKey();
        quote(value);
        return this;
    }

    JsonOutput number(long value) {
        return value(Long.toString(value));
    }

    /** Up to 4 decimals, trailing zeros dropped; NaN and infinities as null. */
    JsonOutput number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value("null");
        }
        return value(Decimals.plain(value, 4));
    }

    JsonOutput bool(boolean value) {
        return value(Boolean.toString(value));
    }

    JsonOutput nullValue() {
        return value("null");
    }

    JsonOutput field(String key, String value) {
        return key(key).string(value);
    }

    JsonOutput field(String key, long value) {
        return key(key).number(value);
    }

    JsonOutput field(String key, double value) {
        return key(key).number(value);
    }

    JsonOutput field(String key, boolean value) {
        return key(key).bool(value);
    }

    JsonOutput stringArray(String key, Iterable<?> values) {
        key(key).beginArray();
        for (Object value : values) {
            string(String.valueOf(value));
        }
        return endArray();
    }

    private JsonOutput value(String literal) {
        separatorUnlessKey();
        ascii(literal);
        return this;
    }

    private void separatorUnlessKey() {
        if (afterKey) {
            afterKey = false;
            first = false;
            return;
        }
        separator();
    }

    private void separator() {
        if (depth > 0) {
            if (!first) {
                put((byte) ',');
            }
            newline();
        }
        first = false;
    }

    private void newline() {
        room(1 + 2 * depth);
        bytes[size++] = '\n';
        for (int level = 0; level < depth; level++) {
            bytes[size++] = ' ';
            bytes[size++] = ' ';
        }
    }

    /**
     * Printable ASCII is copied byte for byte; quotes, backslashes and control characters are escaped; everything else
     * is encoded to UTF-8 here, a character (or surrogate pair) at a time.
     */
    private void quote(String value) {
        int length = value.length();
        // at most 3 bytes per char (a pair of chars: 4 bytes), or 6 for an escaped control character
        room(2 + 6 * length);
        byte[] out = bytes;
        int at = size;
        out[at++] = '"';
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    out[at++] = '\\';
                } else if (c == '<' || c == '>' || c == '&') {
                    unsafe(at);
                }
                out[at++] = (byte) c;
            } else if (c < 0x20) {
                at = control(c, out, at);
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int point = Character.toCodePoint(c, value.charAt(++i));
                    out[at++] = (byte) (0xF0 | point >> 18);
                    out[at++] = (byte) (0x80 | point >> 12 & 0x3F);
                    out[at++] = (byte) (0x80 | point >> 6 & 0x3F);
                    out[at++] = (byte) (0x80 | point & 0x3F);
                } else {
                    out[at++] = '?'; // what the UTF-8 encoder writes for a lone surrogate
                }
            } else {
                if (c == '\u2028' || c == '\u2029') {
                    unsafe(at);
                }
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        out[at++] = '"';
        size = at;
    }

    /** Notes where a character a script element cannot hold as it is starts. */
    private void unsafe(int at) {
        if (unsafeCount == unsafe.length) {
            unsafe = Arrays.copyOf(unsafe, Math.max(16, unsafeCount * 2));
        }
        unsafe[unsafeCount++] = at;
    }

    private static int control(char c, byte[] out, int at) {
        String escape = switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format(Locale.ROOT, "\\u%04x", (int) c);
        };
        for (int k = 0; k < escape.length(); k++) {
            out[at++] = (byte) escape.charAt(k);
        }
        return at;
    }

    private void put(byte b) {
        room(1);
        bytes[size++] = b;
    }

    /** A literal of ASCII characters: numbers, true, false, null, brackets. */
    private void ascii(String literal) {
        int length = literal.length();
        room(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) literal.charAt(i);
        }
    }

    private void room(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** The document as UTF-8, with a final line break. */
    byte[] toUtf8() {
        byte[] result = Arrays.copyOf(bytes, size + 1);
        result[size] = '\n';
        return result;
    }

    /** The document as {@link #toUtf8} gives it, with where each character a script element cannot hold starts. */
    JsonBytes toJsonBytes() {
        return new JsonBytes(toUtf8(), Arrays.copyOf(unsafe, unsafeCount));
    }

    @Override
    public String toString() {
        return new String(toUtf8(), StandardCharsets.UTF_8);
    }
}
