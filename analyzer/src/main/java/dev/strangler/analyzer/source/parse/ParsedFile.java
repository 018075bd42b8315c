package dev.strangler.analyzer.source.parse;

import com.github.javaparser.ast.CompilationUnit;
import dev.strangler.analyzer.core.Problem;

import java.util.List;

/**
 * One source file after reading and parsing.
 *
 * @param path relative to the root, with {@code /}
 * @param unit the syntax tree, or null when the file could not be parsed or was skipped
 * @param codeLines prefix sums of code lines (see {@link SourceText#codeLinePrefixSums(String)}), or null (no tree, or
 *                  read as an outline from the cache: {@link OutlineSource#codeLines()} is the count)
 * @param nonBlankLines non-blank lines, for throughput figures
 * @param problems what went wrong or was noticed while reading it
 * @param skipped whether the file was left out on purpose (generated) or could not be read
 * @param outline the hash of the file's outline ({@link Outline}), or "" when there is no tree
 * @param outlineSource what a later run needs to stand for the same content by its outline alone, or null when the
 *                      file must always be parsed in full
 * @param outlineOnly whether the tree is the outline the cache kept: declarations without method bodies
 */
public record ParsedFile(String path, CompilationUnit unit, int[] codeLines, int nonBlankLines, List<Problem> problems,
                  boolean skipped, String outline, OutlineSource outlineSource, boolean outlineOnly) {
    public ParsedFile {
        problems = List.copyOf(problems);
        java.util.Objects.requireNonNull(outline, "outline");
    }

    /** A file without a tree: unreadable, unparsable or skipped. */
    public static ParsedFile withoutTree(String path, int nonBlankLines, List<Problem> problems) {
        return new ParsedFile(path, null, null, nonBlankLines, problems, true, "", null, false);
    }

    /** Lines with code in the whole file (not blank, not only a comment). */
    public int codeLineCount() {
        if (codeLines == null) {
            return outlineOnly && outlineSource != null ? outlineSource.codeLines() : 0;
        }
        return codeLines[codeLines.length - 1];
    }

    /**
     * Code lines between two 1-based lines, inclusive.
     *
     * @throws IllegalStateException for a file parsed from its outline only, whose lines were not counted one by one
     */
    public int codeLinesBetween(int first, int last) {
        if (outlineOnly) {
            throw new IllegalStateException(path + " was read as an outline from the cache; its lines were not counted");
        }
        if (codeLines == null || first < 1 || last < first) {
            return 0;
        }
        int end = Math.min(last, codeLines.length - 1);
        int start = Math.min(first, codeLines.length - 1);
        return codeLines[end] - codeLines[start - 1];
    }
}
