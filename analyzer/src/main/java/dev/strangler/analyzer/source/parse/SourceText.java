package dev.strangler.analyzer.source.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A source file's text, decoded as UTF-8 when it is valid UTF-8, else as windows-1252 (a superset of ISO-8859-1
 * for printable characters, and what most legacy Java sources on Windows were saved in).
 *
 * @param text the decoded text, without a byte order mark
 * @param fallbackCharset the charset used instead of UTF-8, or null when the file was valid UTF-8
 */
public record SourceText(String text, String fallbackCharset) {
    private static final Charset LEGACY = Charset.isSupported("windows-1252")
            ? Charset.forName("windows-1252") : StandardCharsets.ISO_8859_1;

    public static SourceText decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer).toString();
            return new SourceText(text, null);
        } catch (CharacterCodingException e) {
            return new SourceText(new String(bytes, start, bytes.length - start, LEGACY), LEGACY.name());
        }
    }

    public boolean isFallback() {
        return fallbackCharset != null;
    }

    /** Counts non-blank lines, the figure used for lines-of-code throughput. */
    public static int nonBlankLines(String text) {
        int count = 0;
        boolean blank = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (!blank) {
                    count++;
                }
                blank = true;
            } else if (!Character.isWhitespace(c)) {
                blank = false;
            }
        }
        return blank ? count : count + 1;
    }

    /**
     * For each 1-based line, whether it holds code (not blank, not only a comment), as a prefix sum:
     * {@code sums[n]} is the number of code lines among lines 1..n.
     */
    public static int[] codeLinePrefixSums(String text) {
        String[] lines = text.split("\n", -1);
        int[] sums = new int[lines.length + 1];
        boolean inBlockComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            boolean code;
            if (inBlockComment) {
                int end = line.indexOf("*/");
                if (end >= 0) {
                    inBlockComment = false;
                    code = !line.substring(end + 2).isBlank();
                } else {
                    code = false;
                }
            } else if (line.isEmpty() || line.startsWith("//")) {
                code = false;
            } else if (line.startsWith("/*")) {
                int end = line.indexOf("*/", 2);
                if (end < 0) {
                    inBlockComment = true;
                    code = false;
                } else {
                    code = !line.substring(end + 2).isBlank();
                }
            } else {
                code = true;
            }
            sums[i + 1] = sums[i] + (code ? 1 : 0);
        }
        return sums;
    }
}
