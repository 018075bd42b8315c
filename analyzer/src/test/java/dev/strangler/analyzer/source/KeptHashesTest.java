package dev.strangler.analyzer.source;

import dev.strangler.analyzer.cache.FileHashes;
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
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan's hashing on a copy of the sample monolith: a file whose size and modification time are those kept in
 * {@code hashes.bin} is not hashed again, and the inputs are the same as when every file is hashed.
 */
class KeptHashesTest {
    @TempDir
    Path temp;

    private Path tree;
    private ScanCache cache;

    @BeforeEach
    void copyTheSampleMonolithModifiedAnHourAgo() throws IOException {
        tree = ScanCacheTest.copySample(temp.resolve("monolith"));
        FileTime anHourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, anHourAgo);
            }
        }
        cache = ScanCache.in(temp.resolve("out").resolve(ScanCache.FOLDER));
    }

    @Test
    void unchanged_files_take_their_kept_hash_and_give_the_same_inputs() {
        CachedScan.Snapshot first = snapshot();
        assertThat(first.hashedAgain()).isEqualTo(first.stamps().size()).isPositive();
        assertThat(cache.hashes().store(first.began(), first.hashed())).isEmpty();

        CachedScan.Snapshot second = snapshot();

        assertThat(second.hashedAgain()).isZero();
        assertThat(second.inputs()).isEqualTo(first.inputs());
    }

    @Test
    void an_edited_file_is_hashed_again_even_when_its_size_stays() throws IOException {
        CachedScan.Snapshot first = snapshot();
        cache.hashes().store(first.began(), first.hashed());
        Path file = tree.resolve("src/main/java/com/acmeshop/controller/ReviewController.java");
        Files.writeString(file, ScanCacheTest.read(file).replace("productId", "productID"));

        CachedScan.Snapshot second = snapshot();

        assertThat(second.hashedAgain()).isEqualTo(1);
        assertThat(second.inputs()).isNotEqualTo(first.inputs());
        assertThat(second.inputs()).isEqualTo(CachedScan.inputs(tree.toAbsolutePath().normalize(), walk(),
                new ScanOptions(List.of(), 2), pool));
    }

    @Test
    void a_file_edited_just_before_the_last_hashing_is_hashed_again_though_its_size_and_time_are_kept()
            throws IOException {
        Path file = tree.resolve("src/main/java/com/acmeshop/controller/ReviewController.java");
        FileTime justNow = FileTime.from(Instant.now());
        Files.setLastModifiedTime(file, justNow);
        CachedScan.Snapshot first = snapshot();
        cache.hashes().store(first.began(), first.hashed());
        // same size, same time: what a second edit within the file system's clock tick can leave
        Files.writeString(file, ScanCacheTest.read(file).replace("productId", "productID"));
        Files.setLastModifiedTime(file, justNow);

        CachedScan.Snapshot second = snapshot();

        assertThat(second.hashedAgain()).isEqualTo(1);
        assertThat(second.inputs()).isNotEqualTo(first.inputs());
    }

    @Test
    void a_whole_scan_keeps_the_hashes_and_the_next_one_hashes_nothing() {
        new SourceScanner(new ScanOptions(List.of(), 2), cache).run(tree, ProgressListener.NONE);

        assertThat(snapshot().hashedAgain()).isZero();
    }

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    private CachedScan.Snapshot snapshot() {
        return CachedScan.snapshot(tree.toAbsolutePath().normalize(), walk(), new ScanOptions(List.of(), 2), pool,
                cache.hashes().load());
    }

    private SourceTree walk() {
        return SourceTree.walk(tree.toAbsolutePath().normalize(), new ScanOptions(List.of(), 2).maxFileBytes());
    }
}
