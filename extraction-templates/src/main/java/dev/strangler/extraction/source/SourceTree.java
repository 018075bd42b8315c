package dev.strangler.extraction.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import dev.strangler.extraction.core.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The monolith's main Java sources, indexed by top-level class name; files are parsed on first use, set up for the
 * lexical-preserving printer so a copy keeps comments and formatting.
 *
 * <p>Not thread-safe.
 */
final class SourceTree {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private final Path root;
    private final Map<String, Path> files;
    private final Map<String, CompilationUnit> parsed = new HashMap<>();
    private final JavaParser parser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));

    private SourceTree(Path root, Map<String, Path> files) {
        this.root = root;
        this.files = files;
    }

    /** Indexes every {@code .java} file below {@code root}, except test sources and build output. */
    static SourceTree index(Path root) {
        Map<String, Path> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .filter(p -> !isTestOrBuildOutput(root.relativize(p)))
                    .forEach(p -> {
                        String name = p.getFileName().toString();
                        String simple = name.substring(0, name.length() - ".java".length());
                        String pkg = packageOf(p);
                        files.putIfAbsent(pkg.isEmpty() ? simple : pkg + "." + simple, p);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SourceTree(root, files);
    }

    private static boolean isTestOrBuildOutput(Path relative) {
        String path = relative.toString().replace('\\', '/');
        return path.contains("src/test/") || path.startsWith("target/") || path.contains("/target/")
                || path.startsWith("build/") || path.contains("/build/");
    }

    private static String packageOf(Path file) {
        try {
            // The package clause comes before any type, so the first 8 KB are plenty; no need to parse every file.
            String head = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = PACKAGE.matcher(head.length() > 8192 ? head.substring(0, 8192) : head);
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    boolean contains(String className) {
        return files.containsKey(className);
    }

    Optional<CompilationUnit> unit(String className) {
        Path file = files.get(className);
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(parsed.computeIfAbsent(className, name -> parse(file)));
    }

    private CompilationUnit parse(Path file) {
        try {
            ParseResult<CompilationUnit> result = parser.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (result.getResult().isEmpty() || !result.isSuccessful()) {
                throw new BadInputException(root.relativize(file) + " does not parse: "
                        + result.getProblems().stream().findFirst().map(Object::toString).orElse("unknown problem"));
            }
            CompilationUnit unit = result.getResult().get();
            LexicalPreservingPrinter.setup(unit);
            return unit;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class's file as the lexical-preserving printer gives it back: comments and formatting kept. */
    String print(String className) {
        return LexicalPreservingPrinter.print(unit(className).orElseThrow());
    }

    /** The file's path relative to the monolith's root, {@code /} separated. */
    String relativePath(String className) {
        return root.relativize(files.get(className)).toString().replace('\\', '/');
    }
}
