package dev.strangler.analyzer.source;

import dev.strangler.analyzer.cache.ScanCache;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.source.parse.SourceTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first run's inputs, on a copy of the sample monolith: the Java files hashed from the bytes the first pass read,
 * the others before the scan, and the same inputs as when every file is hashed up front.
 */
class DeferredSnapshotTest {
    @TempDir
    Path temp;

    private Path tree;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final ScanOptions options = new ScanOptions(List.of(), 2);

    @BeforeEach
    void copyTheSampleMonolith() throws IOException {
        tree = ScanCacheTest.copySample(temp.resolve("monolith")).toAbsolutePath().normalize();
    }

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    @Test
    void the_bytes_the_first_pass_read_give_the_same_inputs_as_hashing_every_file_first() {
        SourceTree walked = walk();
        DeferredSnapshot deferred = DeferredSnapshot.start(tree, walked, options, pool);
        JavaFileParser parser = new JavaFileParser();
        for (Path file : walked.javaFiles()) {
            parser.parse(file, walked.relative(file), deferred);
        }

        CachedScan.Snapshot snapshot = deferred.complete();

        assertThat(snapshot.inputs()).isEqualTo(CachedScan.inputs(tree, walked, options, pool));
        assertThat(snapshot.hashedAgain()).isEqualTo(snapshot.stamps().size()).isPositive();
        assertThat(snapshot.hashed()).hasSize(snapshot.stamps().size());
        assertThat(snapshot.changedSince()).isZero();
    }

    @Test
    void a_java_file_the_first_pass_did_not_read_is_hashed_from_disk() {
        SourceTree walked = walk();
        DeferredSnapshot deferred = DeferredSnapshot.start(tree, walked, options, pool);

        assertThat(deferred.complete().inputs()).isEqualTo(CachedScan.inputs(tree, walked, options, pool));
    }

    @Test
    void the_hash_is_that_of_the_bytes_parsed_not_of_a_later_edit_which_keeps_the_cache_from_being_written()
            throws IOException {
        SourceTree walked = walk();
        DeferredSnapshot deferred = DeferredSnapshot.start(tree, walked, options, pool);
        JavaFileParser parser = new JavaFileParser();
        for (Path file : walked.javaFiles()) {
            parser.parse(file, walked.relative(file), deferred);
        }
        CachedScan.Snapshot before = CachedScan.snapshot(tree, walked, options, pool,
                ScanCache.in(temp.resolve("none")).hashes().load());
        Path edited = tree.resolve("src/main/java/com/acmeshop/controller/ReviewController.java");
        Files.writeString(edited, ScanCacheTest.read(edited) + "\n// edited while the scan ran\n");

        CachedScan.Snapshot snapshot = deferred.complete();

        assertThat(snapshot.inputs()).isEqualTo(before.inputs());
        assertThat(snapshot.changedSince()).isEqualTo(1);
    }

    @Test
    void the_facts_a_first_run_keeps_serve_the_next_run_after_a_body_edit() throws IOException {
        ScanCache cache = ScanCache.in(temp.resolve("out").resolve(ScanCache.FOLDER));
        assertThat(cache.isEmpty()).isTrue();
        ScanRun first = new SourceScanner(options, cache).run(tree, ProgressListener.NONE);
        assertThat(first.cacheNote()).isEqualTo("cache: full run, no cache yet");
        assertThat(first.warnings()).isEmpty();
        assertThat(cache.isEmpty()).isFalse();
        Path edited = tree.resolve("src/main/java/com/acmeshop/controller/ReviewController.java");
        Files.writeString(edited, ScanCacheTest.read(edited).replace("return reviewService.rating(productId);",
                "return reviewService.rating(productId); // a body edit"));

        ScanRun second = new SourceScanner(options, cache).run(tree, ProgressListener.NONE);

        assertThat(second.cacheNote()).startsWith("cache: 1 of ");
        assertThat(second.codebase()).isEqualTo(new SourceScanner(options).scan(tree, ProgressListener.NONE));
    }

    private SourceTree walk() {
        return SourceTree.walk(tree, options.maxFileBytes());
    }
}
