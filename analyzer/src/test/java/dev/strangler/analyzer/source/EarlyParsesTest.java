package dev.strangler.analyzer.source;

import dev.strangler.analyzer.source.parse.ParsedFile;
import dev.strangler.analyzer.source.parse.SourceTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The changed files of an edit, parsed before the scan needs them, on a copy of the sample monolith. */
class EarlyParsesTest {
    private static final String EDITED = "src/main/java/com/acmeshop/controller/ReviewController.java";

    @TempDir
    Path temp;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final ThreadLocal<JavaFileParser> parsers = ThreadLocal.withInitial(JavaFileParser::new);

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    @Test
    void an_edited_file_is_parsed_in_full_and_waited_for_last() throws IOException {
        SourceTree tree = walk();

        EarlyParses early = EarlyParses.start(pool, tree, Set.of(EDITED, "pom.xml"), parsers);

        ParsedFile parsed = early.take(EDITED);
        assertThat(parsed.unit()).isNotNull();
        assertThat(parsed.outlineOnly()).isFalse();
        assertThat(parsed.unit().getType(0).getNameAsString()).isEqualTo("ReviewController");
        assertThat(early.take("src/main/java/com/acmeshop/AcmeShopApplication.java")).isNull();
        List<Integer> order = early.last(tree.largestFirst());
        assertThat(order).hasSameElementsAs(tree.largestFirst());
        assertThat(tree.relative(tree.javaFiles().get(order.get(order.size() - 1)))).isEqualTo(EDITED);
    }

    @Test
    void a_checkout_or_a_first_run_is_left_to_the_scan() throws IOException {
        SourceTree tree = walk();
        Set<String> all = new HashSet<>();
        tree.javaFiles().forEach(file -> all.add(tree.relative(file)));

        EarlyParses early = EarlyParses.start(pool, tree, all, parsers);

        assertThat(early.take(EDITED)).isNull();
        assertThat(early.last(tree.largestFirst())).isEqualTo(tree.largestFirst());
    }

    private SourceTree walk() throws IOException {
        Path tree = ScanCacheTest.copySample(temp.resolve("monolith"));
        return SourceTree.walk(tree.toAbsolutePath().normalize(), new ScanOptions(List.of(), 2).maxFileBytes());
    }
}
