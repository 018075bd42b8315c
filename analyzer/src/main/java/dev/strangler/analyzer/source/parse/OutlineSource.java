package dev.strangler.analyzer.source.parse;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.strangler.analyzer.cache.BinaryIn;
import dev.strangler.analyzer.cache.BinaryOut;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What a later run needs to stand for a file whose content has not changed without reading or parsing it: the file's
 * figures that only its whole text gives, kept per file in the per-file cache as bytes together with its tree with
 * the {@link Outline#bodies} left empty ({@link #encode}, {@link #decode}).
 *
 * @param codeLines lines of the whole file with code on them ({@link SourceText#codeLinePrefixSums})
 * @param nonBlankLines non-blank lines of the whole file
 * @param fallbackCharset the charset the file was read in because it is not valid UTF-8, or null when it is
 */
public record OutlineSource(int codeLines, int nonBlankLines, String fallbackCharset) {
    public OutlineSource {
        if (codeLines < 0 || nonBlankLines < 0) {
            throw new IllegalArgumentException("line counts must be 0 or more, but were " + codeLines + " code and "
                    + nonBlankLines + " non-blank");
        }
    }

    /** A file's outline as a later run reads it back: these figures and the tree without bodies. */
    public record Restored(OutlineSource source, CompilationUnit unit) {
    }

    /**
     * These figures and {@code unit}, the file's tree as parsed, with its outline's bodies written empty; the tree is
     * only read.
     *
     * @throws IllegalArgumentException when the tree cannot be written ({@link TreeCodec#encode})
     */
    public byte[] encode(CompilationUnit unit) {
        Set<Node> bodies = Collections.newSetFromMap(new IdentityHashMap<>());
        bodies.addAll(Outline.bodies(unit));
        BinaryOut out = new BinaryOut(4096);
        out.varint(codeLines);
        out.varint(nonBlankLines);
        out.bool(fallbackCharset != null);
        if (fallbackCharset != null) {
            out.string(fallbackCharset);
        }
        TreeCodec.write(unit, bodies, out);
        return out.toByteArray();
    }

    /**
     * The figures and tree written by {@link #encode}.
     *
     * @throws RuntimeException when {@code bytes} are not one (the cache's damage)
     */
    public static Restored decode(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes, 0, bytes.length);
        int codeLines = in.count(Integer.MAX_VALUE);
        int nonBlankLines = in.count(Integer.MAX_VALUE);
        String fallbackCharset = in.bool() ? in.string() : null;
        CompilationUnit unit = TreeCodec.read(in, bytes.length);
        if (!in.atEnd()) {
            throw new IllegalArgumentException("bytes left over after an outline");
        }
        return new Restored(new OutlineSource(codeLines, nonBlankLines, fallbackCharset), unit);
    }
}
