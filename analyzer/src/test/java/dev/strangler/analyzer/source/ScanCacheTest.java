package dev.strangler.analyzer.source;

import dev.strangler.analyzer.cache.ScanCache;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.ProgressListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan cache on a copy of the sample monolith: reused only when every input is the same, never trusted blindly. */
class ScanCacheTest {
    static final Path SAMPLE = Path.of("../legacy-sample-monolith");

    @TempDir
    Path temp;

    private Path tree;
    private Path cacheFolder;

    @BeforeEach
    void copyTheSampleMonolith() throws IOException {
        tree = copySample(temp.resolve("monolith"));
        cacheFolder = temp.resolve("out").resolve(ScanCache.FOLDER);
    }

    /** A copy of the sample monolith's sources and pom at {@code tree}, which it returns. */
    static Path copySample(Path tree) throws IOException {
        assertThat(SAMPLE.resolve("src/main/java")).as("the sample monolith's sources").isDirectory();
        copy(SAMPLE.resolve("src"), tree.resolve("src"));
        Files.copy(SAMPLE.resolve("pom.xml"), tree.resolve("pom.xml"));
        return tree;
    }

    @Test
    void a_second_run_on_an_unchanged_tree_analyses_no_file_and_gives_the_same_model() {
        ScanRun cold = cached();
        ScanRun warm = cached();

        assertThat(cold.filesAnalysed()).isGreaterThan(100);
        assertThat(cold.cacheNote()).isEqualTo("cache: full run, no cache yet");
        assertThat(warm.filesAnalysed()).isZero();
        assertThat(warm.cacheNote()).matches("cache: 0 of [\\d,]+ files re-analysed");
        assertThat(warm.codebase()).isEqualTo(cold.codebase()).isEqualTo(uncached());
        assertThat(cacheFolder.resolve("CACHEDIR.TAG")).exists();
    }

    @Test
    void an_edit_outside_method_bodies_gives_a_full_run_with_the_model_of_a_cold_run_of_the_edited_tree()
            throws IOException {
        cached();
        // the sorted first file with a quote has it in an annotation, outside any body: the file's outline changes
        Path file = javaFiles().stream().filter(f -> read(f).contains("\"")).findFirst().orElseThrow();
        Files.writeString(file, read(file).replaceFirst("\"", "\"edited "));

        ScanRun warm = cached();

        assertThat(warm.cacheNote()).isEqualTo("cache: full run, 1 file changed, outside method bodies");
        assertThat(warm.filesAnalysed()).isEqualTo(cachedFileCount());
        assertThat(warm.codebase()).isEqualTo(uncached());
    }

    @Test
    void added_removed_and_descriptor_files_each_force_a_full_run() throws IOException {
        cached();
        Path added = tree.resolve("src/main/java/Added.java");
        Files.writeString(added, "class Added { }\n");
        assertThat(cached().cacheNote()).isEqualTo("cache: full run, 1 file added");

        Files.delete(added);
        assertThat(cached().cacheNote()).isEqualTo("cache: full run, 1 file removed");

        Path descriptor = tree.resolve("src/main/resources/extra.xml");
        Files.createDirectories(descriptor.getParent());
        Files.writeString(descriptor, "<beans/>\n");
        ScanRun withDescriptor = cached();
        assertThat(withDescriptor.cacheNote()).isEqualTo("cache: full run, 1 file added");
        assertThat(withDescriptor.codebase()).isEqualTo(uncached());
    }

    @Test
    void a_changed_option_or_an_empty_folder_forces_a_full_run() throws IOException {
        cached();
        ScanRun smaller = new SourceScanner(new ScanOptions(List.of(), 2, 10_000), ScanCache.in(cacheFolder))
                .run(tree, ProgressListener.NONE);
        assertThat(smaller.cacheNote()).isEqualTo("cache: full run, the options or the tree's layout changed");

        cached();
        Files.createDirectories(tree.resolve("src/main/java/empty"));
        ScanRun withEmptyFolder = cached();
        assertThat(withEmptyFolder.cacheNote()).isEqualTo("cache: full run, the options or the tree's layout changed");
        assertThat(withEmptyFolder.codebase()).isEqualTo(uncached());
    }

    @Test
    void a_damaged_truncated_or_foreign_cache_is_ignored_with_a_warning_and_rewritten() throws IOException {
        Codebase cold = cached().codebase();
        Path file = cacheFolder.resolve("scan.bin");
        byte[] good = Files.readAllBytes(file);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x20;
        byte[] otherFormat = good.clone();
        otherFormat[8] = 99;
        List<byte[]> bad = List.of(flipped, java.util.Arrays.copyOf(good, good.length / 3), new byte[0],
                "not a cache at all, just text".getBytes(java.nio.charset.StandardCharsets.UTF_8), otherFormat);
        List<String> expected = List.of("checksum mismatch", "checksum mismatch", "is truncated", "is not a cache file",
                "has format 99");
        for (int i = 0; i < bad.size(); i++) {
            Files.write(file, bad.get(i));

            ScanRun run = cached();

            assertThat(run.warnings()).as("case %d", i).singleElement().asString().contains(expected.get(i))
                    .contains("ignored, and rewritten at the end of this run");
            // the per-file facts beside it are intact: the model is made again from them, no file analysed
            assertThat(run.cacheNote()).startsWith("cache: 0 of " + cachedFileCount() + " Java files re-analysed");
            assertThat(run.codebase()).isEqualTo(cold);
            assertThat(cached().filesAnalysed()).as("rewritten after case %d", i).isZero();
        }
    }

    @Test
    void deleting_the_cache_folder_gives_a_cold_run() throws IOException {
        Codebase cold = cached().codebase();
        try (Stream<Path> files = Files.walk(cacheFolder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }

        ScanRun again = cached();

        assertThat(again.cacheNote()).isEqualTo("cache: full run, no cache yet");
        assertThat(again.codebase()).isEqualTo(cold);
    }

    @Test
    void a_cache_that_cannot_be_written_is_a_warning_not_a_failure() throws IOException {
        Files.createDirectories(cacheFolder.getParent());
        Files.writeString(cacheFolder, "a file where the cache folder should be");

        ScanRun run = cached();

        assertThat(run.warnings()).last().asString().contains("could not write").contains("the next run will be a full one");
        assertThat(run.codebase()).isEqualTo(uncached());
    }

    @Test
    void a_file_edited_while_the_scan_reads_it_is_not_cached_under_its_old_content() throws IOException {
        Path file = javaFiles().get(0);
        String before = read(file);
        ProgressListener editsWhileAnalysing = new ProgressListener() {
            @Override
            public void started(String phase, long total) {
                if (phase.equals("analysing")) {
                    try {
                        Files.writeString(file, before + "\n// edited during the scan\n");
                        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                                System.currentTimeMillis() + 60_000));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void advanced(long steps) {
            }

            @Override
            public void finished() {
            }
        };

        ScanRun run = new SourceScanner(new ScanOptions(List.of(), 2), ScanCache.in(cacheFolder)).run(tree,
                editsWhileAnalysing);

        assertThat(run.warnings()).singleElement().asString()
                .isEqualTo("cache: not written: 1 file(s) changed while the scan read them; the next run will be a full one");
        assertThat(cacheFolder.resolve("scan.bin")).doesNotExist();
        assertThat(cacheFolder.resolve("files.bin")).doesNotExist();
        assertThat(cached().cacheNote()).isEqualTo("cache: full run, no cache yet");
    }

    private ScanRun cached() {
        return new SourceScanner(new ScanOptions(List.of(), 2), ScanCache.in(cacheFolder)).run(tree, ProgressListener.NONE);
    }

    private Codebase uncached() {
        return new SourceScanner(new ScanOptions(List.of(), 2)).scan(tree, ProgressListener.NONE);
    }

    private int cachedFileCount() {
        return javaFiles().size();
    }

    private List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(tree.resolve("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + file, e);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
