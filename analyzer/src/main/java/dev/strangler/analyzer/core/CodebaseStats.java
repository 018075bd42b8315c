package dev.strangler.analyzer.core;

/**
 * Counts that say how complete the analysis was.
 *
 * @param filesFound Java source files found under the root (main sources only)
 * @param filesParsed of those, parsed
 * @param filesSkipped skipped on purpose (tests, generated, too large) or unreadable
 * @param linesOfCode non-blank lines in parsed files, comments included (the figure for throughput)
 * @param codeLines of those, the lines with code: not only a comment (a type's {@link TypeInfo#linesOfCode()} counts
 *                  the same way)
 * @param resolvedReferences type and call references resolved to codebase types
 * @param guessedReferences references kept as a name-based guess because they could not be resolved
 * @param unresolvedReferences references dropped: neither resolved nor matching a codebase type by name
 */
public record CodebaseStats(int filesFound, int filesParsed, int filesSkipped, long linesOfCode, long codeLines,
                            long resolvedReferences, long guessedReferences, long unresolvedReferences) {
    public CodebaseStats {
        if (filesFound < 0 || filesParsed < 0 || filesSkipped < 0 || linesOfCode < 0 || codeLines < 0
                || resolvedReferences < 0 || guessedReferences < 0 || unresolvedReferences < 0) {
            throw new IllegalArgumentException("counts must be 0 or more");
        }
    }

    public static final CodebaseStats EMPTY = new CodebaseStats(0, 0, 0, 0, 0, 0, 0, 0);
}
