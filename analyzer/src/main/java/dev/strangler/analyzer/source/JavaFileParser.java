package dev.strangler.analyzer.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.source.parse.CompactText;
import dev.strangler.analyzer.source.parse.Outline;
import dev.strangler.analyzer.source.parse.OutlineSource;
import dev.strangler.analyzer.source.parse.ParsedFile;
import dev.strangler.analyzer.source.parse.SourceText;
import dev.strangler.analyzer.source.parse.TreeCompactor;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.Annotations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and parses one file at a time. Not thread-safe: one per thread.
 *
 * <p>The first attempt uses JavaParser's full grammar without the per-version validators ({@code RAW}): it accepts
 * the syntax of every Java version at once, new (records, sealed types, patterns, text blocks) and old ({@code enum}
 * or {@code _} as names), and skips the validation pass, which cost about a sixth of the parse time. Only when that
 * fails are the newest named level and then the most permissive one tried, which give the clearest message. The raw
 * attempt reads the text without comments and indentation ({@link CompactText}): a tenth less time end to end on the
 * JDK's own, Javadoc-rich sources; the other attempts read the text as written, so a message's line and column are
 * the file's. Nor is
 * the file's line separator detected: that costs a string comparison per character read and nothing here asks it.
 * After parsing, {@link TreeCompactor} shrinks the tree to what the analysis reads.
 */
final class JavaFileParser {
    /** {@link LanguageLevel#RAW} is null: no validation, no post-processing. */
    private static final LanguageLevel[] LEVELS = {LanguageLevel.RAW, LanguageLevel.JAVA_25, LanguageLevel.BLEEDING_EDGE};

    private final List<JavaParser> parsers = new ArrayList<>();

    JavaFileParser() {
        for (LanguageLevel level : LEVELS) {
            parsers.add(new JavaParser(new ParserConfiguration()
                    .setLanguageLevel(level)
                    .setStoreTokens(true)
                    .setAttributeComments(false)
                    .setDetectOriginalLineSeparator(false)
                    .setLexicalPreservationEnabled(false)));
        }
    }

    /** Told each file's bytes as they were read, on the reading thread. */
    @FunctionalInterface
    interface Reads {
        Reads NONE = (path, content, failure) -> { };

        /**
         * @param content the bytes read, or null when the file could not be read
         * @param failure why it could not be read, or null
         */
        void read(String path, byte[] content, Exception failure);
    }

    ParsedFile parse(Path file, String path) {
        return parse(file, path, Reads.NONE);
    }

    /** The file parsed, its bytes told to {@code reads} first. */
    ParsedFile parse(Path file, String path, Reads reads) {
        List<Problem> problems = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            reads.read(path, null, e);
            problems.add(new Problem(path, 0, 0, Severity.ERROR, "could not read the file: " + e));
            return ParsedFile.withoutTree(path, 0, problems);
        }
        reads.read(path, bytes, null);
        SourceText source = SourceText.decode(bytes);
        if (source.isFallback()) {
            problems.add(notUtf8(path, source.fallbackCharset()));
        }
        ParseResult<CompilationUnit> first = null;
        CompilationUnit unit = null;
        String parsedText = null;
        String compact = CompactText.of(source.text());
        // the raw grammar on the compacted text; should that fail, every level on the text as written, whose
        // positions the messages give
        for (int attempt = compact == source.text() ? 1 : 0; attempt <= parsers.size() && unit == null; attempt++) {
            ParseResult<CompilationUnit> result;
            try {
                result = attempt == 0 ? parsers.get(0).parse(compact) : parsers.get(attempt - 1).parse(source.text());
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(new Problem(path, 0, 0, Severity.ERROR, "the parser failed: " + e));
                return ParsedFile.withoutTree(path, 0, problems);
            }
            if (first == null) {
                first = result;
            }
            if (result.isSuccessful() && result.getResult().isPresent()) {
                unit = result.getResult().get();
                parsedText = attempt == 0 ? compact : source.text();
            } else if (attempt <= 1) {
                // the raw grammar failed: a named level gives a message that says which construct is wrong
                first = null;
            }
        }
        int nonBlank = SourceText.nonBlankLines(source.text());
        if (unit == null) {
            Position position = first.getProblems().isEmpty() ? null : first.getProblem(0).getLocation()
                    .flatMap(TokenRange::toRange).map(range -> range.begin).orElse(null);
            problems.add(new Problem(path, position == null ? 0 : position.line, position == null ? 0 : position.column,
                    Severity.ERROR, "could not parse, file left out: " + firstProblem(first)));
            return ParsedFile.withoutTree(path, nonBlank, problems);
        }
        for (TypeDeclaration<?> type : unit.getTypes()) {
            if (Annotations.has(type, "Generated")) {
                problems.add(new Problem(path, Trees.line(type), 0, Severity.NOTE,
                        "skipped generated source (@Generated on " + type.getNameAsString() + ")"));
                return ParsedFile.withoutTree(path, nonBlank, problems);
            }
        }
        Outline.Taken outline = Outline.of(unit, parsedText);
        TreeCompactor.compact(unit);
        int[] codeLines = SourceText.codeLinePrefixSums(source.text());
        // an outline is kept for a tree of the raw grammar only: the named levels tried after it post-process their
        // trees (moving children about), which a tree rebuilt from the cache would not repeat
        OutlineSource kept = parsedText != compact || !outline.bodiesTold() ? null
                : new OutlineSource(codeLines[codeLines.length - 1], nonBlank, source.fallbackCharset());
        return new ParsedFile(path, unit, codeLines, nonBlank, problems, false, outline.hash(), kept, false);
    }

    /**
     * The file whose content has not changed since an earlier full parse kept its outline, as that outline: its tree
     * without the bodies, read back from the cache, neither read from disk nor parsed.
     *
     * @param outline the outline's hash the earlier parse gave, kept in the result
     */
    static ParsedFile fromOutline(String path, OutlineSource.Restored restored, String outline) {
        CompilationUnit unit = restored.unit();
        List<Problem> problems = new ArrayList<>();
        OutlineSource source = restored.source();
        if (source.fallbackCharset() != null) {
            problems.add(notUtf8(path, source.fallbackCharset()));
        }
        return new ParsedFile(path, unit, null, source.nonBlankLines(), problems, false, outline, source, true);
    }

    private static Problem notUtf8(String path, String charset) {
        return new Problem(path, 0, 0, Severity.WARNING, "not valid UTF-8; read as " + charset + " instead; convert"
                + " the file to UTF-8 to be sure names and strings are read right");
    }

    private static String firstProblem(ParseResult<CompilationUnit> result) {
        if (result == null || result.getProblems().isEmpty()) {
            return "no details";
        }
        String message = result.getProblem(0).getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        return message.length() > 200 ? message.substring(0, 197) + "..." : message;
    }
}
