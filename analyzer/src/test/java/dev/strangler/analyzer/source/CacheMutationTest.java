package dev.strangler.analyzer.source;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.strangler.analyzer.cache.ScanCache;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.source.parse.SourceTree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property of the cache, checked by mutation: after a string literal inside a method or constructor body changes,
 * file after file, a run with the cache gives exactly the model of a run without it. The literals are the ones the
 * analyzer reads most (paths, SQL, names), so a cache that reused a stale result would show.
 */
class CacheMutationTest {
    /** Files mutated per tree, spread evenly over its files, to keep the test short. */
    private static final int MUTATIONS = 8;

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"../legacy-sample-monolith", "src/test/resources/fixtures/spring-jdbc",
            "src/test/resources/fixtures/jaxrs", "src/test/resources/fixtures/servlet-jdbc-app",
            "src/test/resources/fixtures/spring-xml", "src/test/resources/fixtures/named-sql",
            "src/test/resources/fixtures/front-controller", "src/test/resources/fixtures/ibatis"})
    void a_warm_run_after_a_literal_in_a_body_changed_gives_the_cold_runs_model(String source) throws IOException {
        Path original = Path.of(source);
        assertThat(original).as("the tree to mutate").isDirectory();
        Path tree = temp.resolve("tree");
        ScanCacheTest.copy(original, tree);
        Path cache = temp.resolve("out").resolve(ScanCache.FOLDER);
        scanner(cache).run(tree, ProgressListener.NONE);
        List<Path> mutable = mutableFiles(tree);
        assertThat(mutable).as("files with a string literal in a body under " + source).isNotEmpty();
        int step = Math.max(1, mutable.size() / MUTATIONS);
        int checked = 0;
        for (int i = 0; i < mutable.size(); i += step) {
            Path file = mutable.get(i);
            mutate(file, checked);

            ScanRun warm = scanner(cache).run(tree, ProgressListener.NONE);
            Codebase cold = new SourceScanner(new ScanOptions(List.of(), 2)).scan(tree, ProgressListener.NONE);

            // a literal in a body keeps the file's outline: only it and the files related to it by inheritance
            assertThat(warm.cacheNote()).as(file.toString())
                    .matches("cache: [\\d,]+ of [\\d,]+ Java files re-analysed \\(1 changed, \\d+ related by inheritance;"
                            + " [\\d,]+ parsed in full, [\\d,]+ as outlines\\)");
            assertThat(Fixtures.dump(warm.codebase())).as(file.toString()).isEqualTo(Fixtures.dump(cold));
            assertThat(warm.codebase()).as(file.toString()).isEqualTo(cold);
            checked++;
        }
        assertThat(checked).isPositive();
    }

    private static SourceScanner scanner(Path cache) {
        return new SourceScanner(new ScanOptions(List.of(), 2), ScanCache.in(cache));
    }

    private static List<Path> mutableFiles(Path tree) {
        // the files the scan reads: a test source's literal cannot change the model
        List<Path> files = new ArrayList<>();
        for (Path file : SourceTree.walk(tree.toAbsolutePath().normalize(), ScanOptions.DEFAULT_MAX_FILE_BYTES).javaFiles()) {
            if (bodyLiteral(file).isPresent()) {
                files.add(file);
            }
        }
        return files;
    }

    /** The first string literal inside a method's or constructor's body, if the file parses and has one. */
    private static Optional<StringLiteralExpr> bodyLiteral(Path file) {
        try {
            CompilationUnit unit = StaticJavaParser.parse(file);
            return unit.findAll(StringLiteralExpr.class).stream()
                    .filter(literal -> literal.findAncestor(BlockStmt.class).isPresent()
                            && (literal.findAncestor(MethodDeclaration.class).isPresent()
                                    || literal.findAncestor(ConstructorDeclaration.class).isPresent()))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Prepends a marker to the literal's value, on its own line of the file. */
    private static void mutate(Path file, int number) throws IOException {
        StringLiteralExpr literal = bodyLiteral(file).orElseThrow();
        int line = literal.getBegin().orElseThrow().line;
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String quoted = "\"" + literal.getValue() + "\"";
        String text = lines.get(line - 1);
        assertThat(text).as("line %d of %s", line, file).contains(quoted);
        lines.set(line - 1, text.replace(quoted, "\"m" + number + "_" + literal.getValue() + "\""));
        Files.write(file, lines);
    }
}
