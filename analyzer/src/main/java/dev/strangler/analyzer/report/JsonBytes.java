package dev.strangler.analyzer.report;

import java.util.Objects;

/**
 * The JSON report as UTF-8 bytes, with where each character that a {@code <script>} element cannot hold as it is
 * starts ({@code <}, {@code >}, {@code &}, U+2028, U+2029: they occur only inside JSON strings), noted while the
 * report was written so that the HTML page need not search its megabytes for them. Do not change the bytes.
 */
public final class JsonBytes {
    private final byte[] utf8;
    private final int[] scriptUnsafe;

    JsonBytes(byte[] utf8, int[] scriptUnsafe) {
        this.utf8 = Objects.requireNonNull(utf8, "utf8");
        this.scriptUnsafe = Objects.requireNonNull(scriptUnsafe, "scriptUnsafe");
    }

    /** Finds the characters in JSON from elsewhere (a file): what the writer would have noted. */
    static JsonBytes of(byte[] json) {
        int[] found = new int[16];
        int count = 0;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8, a sequence no other character contains
            if (b == '<' || b == '>' || b == '&' || b == (byte) 0xE2 && i + 2 < json.length
                    && json[i + 1] == (byte) 0x80 && (json[i + 2] == (byte) 0xA8 || json[i + 2] == (byte) 0xA9)) {
                if (count == found.length) {
                    found = java.util.Arrays.copyOf(found, count * 2);
                }
                found[count++] = i;
            }
        }
        return new JsonBytes(json, java.util.Arrays.copyOf(found, count));
    }

    /** The bytes as written to {@code decomposition.json}; the array itself, not a copy: do not change it. */
    public byte[] utf8() {
        return utf8;
    }

    int[] scriptUnsafe() {
        return scriptUnsafe;
    }
}
