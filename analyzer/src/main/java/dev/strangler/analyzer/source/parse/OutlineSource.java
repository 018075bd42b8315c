package dev.strangler.analyzer.source.parse;

import dev.strangler.analyzer.cache.BinaryIn;
import dev.strangler.analyzer.cache.BinaryOut;

import java.util.Objects;

/**
 * What a later run needs to parse a file whose content has not changed from its outline alone, without reading it:
 * the text the parser reads with the insides of method, constructor and initializer bodies removed but for their
 * line breaks ({@link Outline.Taken#stripped()}), and the file's figures that only its whole text gives. Kept per
 * file in the per-file cache, as bytes ({@link #encode}, {@link #decode}).
 *
 * @param text the stripped text; every declaration, annotation, field initializer and line number as in the file
 * @param codeLines lines of the whole file with code on them ({@link SourceText#codeLinePrefixSums})
 * @param nonBlankLines non-blank lines of the whole file
 * @param fallbackCharset the charset the file was read in because it is not valid UTF-8, or null when it is
 */
public record OutlineSource(String text, int codeLines, int nonBlankLines, String fallbackCharset) {
    public OutlineSource {
        Objects.requireNonNull(text, "text");
        if (codeLines < 0 || nonBlankLines < 0) {
            throw new IllegalArgumentException("line counts must be 0 or more, but were " + codeLines + " code and "
                    + nonBlankLines + " non-blank");
        }
    }

    public byte[] encode() {
        BinaryOut out = new BinaryOut(text.length() + 16);
        out.string(text);
        out.varint(codeLines);
        out.varint(nonBlankLines);
        out.bool(fallbackCharset != null);
        if (fallbackCharset != null) {
            out.string(fallbackCharset);
        }
        return out.toByteArray();
    }

    /**
     * The outline source written by {@link #encode}.
     *
     * @throws RuntimeException when {@code bytes} are not one (the cache's damage, or an
     *         {@link IllegalArgumentException})
     */
    public static OutlineSource decode(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes, 0, bytes.length);
        String text = in.string();
        int codeLines = in.count(Integer.MAX_VALUE);
        int nonBlankLines = in.count(Integer.MAX_VALUE);
        String fallbackCharset = in.bool() ? in.string() : null;
        if (!in.atEnd()) {
            throw new IllegalArgumentException("bytes left over after an outline");
        }
        return new OutlineSource(text, codeLines, nonBlankLines, fallbackCharset);
    }
}
