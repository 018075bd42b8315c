package dev.strangler.analyzer.launcher;

import dev.strangler.analyzer.launcher.LauncherRoot.Run;
import dev.strangler.analyzer.launcher.LauncherRoot.Started;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class-data archive that {@code ./strangler analyze} keeps beside the analyzer jar (issue #15), through the real
 * launcher and the JDK running the tests: written by the first run, mapped by the next, and never in the way: a
 * damaged, unwritable or switched-off archive leaves the run working and printing what it prints without one.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherArchiveIT {
    private static final String FIXTURE = Path.of("src/test/resources/fixtures/spring-shop").toAbsolutePath().toString();
    private static final Map<String, String> DEFAULTS = Map.of();
    private static final Pattern ARCHIVE_NAME = Pattern.compile("[0-9]+-[0-9]+-([0-9]+)\\.(jsa|aot)");

    /** The run without an archive: what every run prints. */
    private static Run plain;

    @BeforeAll
    static void run_without_archive(@TempDir Path folder) throws IOException, InterruptedException {
        plain = LauncherRoot.in(folder).run(Map.of("STRANGLER_CDS", "off"), analyze());

        assertThat(plain.exitCode()).as(plain.err()).isZero();
    }

    @Test
    void first_run_writes_the_archive_and_the_next_maps_it(@TempDir Path folder) throws Exception {
        LauncherRoot root = LauncherRoot.in(folder);
        Path log = folder.resolve("class-load.txt");

        Run first = root.run(DEFAULTS, analyze());
        Path archive = root.archive();
        Run second = root.run(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log), analyze());

        assertWorkingAndQuiet(first);
        assertWhole(archive);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Files.readAllLines(log)).as("classes of the analyzer mapped from the archive")
                .anyMatch(line -> line.contains(" dev.strangler.analyzer.") && line.contains("source: shared objects file"));
        assertThat(root.archiveFiles()).containsExactly(archive);
    }

    @Test
    void archive_with_a_damaged_header_is_refused_by_the_jvm_without_a_word(@TempDir Path folder) throws Exception {
        LauncherRoot root = LauncherRoot.in(folder);
        root.run(DEFAULTS, analyze());
        Path archive = root.archive();
        byte[] damage = new byte[12];
        Arrays.fill(damage, (byte) 0x5a);
        overwrite(archive, 4, damage); // behind the magic number: checksum, version, header size

        Run run = root.run(DEFAULTS, analyze());

        assertWorkingAndQuiet(run);
    }

    @Test
    void truncated_or_foreign_archive_is_replaced_by_a_whole_one(@TempDir Path folder) throws Exception {
        LauncherRoot root = LauncherRoot.in(folder);
        root.run(DEFAULTS, analyze());
        Path archive = root.archive();
        long size = Files.size(archive);
        try (RandomAccessFile file = new RandomAccessFile(writable(archive).toFile(), "rw")) {
            file.setLength(size / 2);
        }

        Run afterTruncation = root.run(DEFAULTS, analyze());
        Path rewritten = root.archive();
        byte[] noise = new byte[(int) Files.size(rewritten)];
        new Random(15).nextBytes(noise);
        Files.write(writable(rewritten), noise);
        Run afterNoise = root.run(DEFAULTS, analyze());

        assertWorkingAndQuiet(afterTruncation);
        assertWorkingAndQuiet(afterNoise);
        assertWhole(root.archive());
        assertThat(Files.size(root.archive())).isGreaterThan(size / 2);
    }

    /** Both may finish their dump; the next run keeps one archive. */
    @Test
    void concurrent_first_runs_leave_one_whole_archive(@TempDir Path folder) throws Exception {
        LauncherRoot root = LauncherRoot.in(folder);
        Path log = folder.resolve("class-load.txt");

        Started one = root.start(DEFAULTS, analyze());
        Started two = root.start(DEFAULTS, analyze());
        List<Run> runs = List.of(one.finish(), two.finish());
        Run next = root.run(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log), analyze());

        runs.forEach(LauncherArchiveIT::assertWorkingAndQuiet);
        assertWhole(root.archive());
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(Files.readString(log)).contains("source: shared objects file");
    }

    @Test
    void archive_switched_off_or_options_given_writes_none(@TempDir Path folder) throws Exception {
        LauncherRoot root = LauncherRoot.in(folder);

        Run off = root.run(Map.of("STRANGLER_CDS", "off"), analyze());
        Run exactOptions = root.run(Map.of("STRANGLER_JAVA_OPTS", ""), analyze());
        Run help = root.run(DEFAULTS, "analyze", "--help");

        assertThat(off.exitCode()).isZero();
        assertThat(exactOptions.exitCode()).isZero();
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage:");
        assertThat(root.archiveFiles()).isEmpty();
    }

    @Test
    void folder_that_cannot_be_written_means_a_run_without_archive(@TempDir Path folder) throws Exception {
        LauncherRoot root = LauncherRoot.in(folder);
        Files.writeString(root.archiveFolder().getParent(), "not a folder");

        Run run = root.run(DEFAULTS, analyze());

        assertWorkingAndQuiet(run);
        assertThat(root.archiveFiles()).isEmpty();
    }

    @Test
    void another_build_of_the_jar_gets_another_archive_and_the_old_one_goes(@TempDir Path folder) throws Exception {
        LauncherRoot root = LauncherRoot.in(folder);
        root.run(DEFAULTS, analyze());
        Path old = root.archive();
        Files.setLastModifiedTime(root.jar(), FileTime.fromMillis(Files.getLastModifiedTime(root.jar()).toMillis() + 60_000));

        Run run = root.run(DEFAULTS, analyze());

        assertWorkingAndQuiet(run);
        assertThat(root.archive()).isNotEqualTo(old);
        assertWhole(root.archive());
    }

    private static String[] analyze() {
        return new String[] {"analyze", FIXTURE, "--out", "reports", "--quiet", "--no-cache"};
    }

    private static void assertWorkingAndQuiet(Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo(plain.err());
        assertThat(run.comparableOut()).isEqualTo(plain.comparableOut());
    }

    /** An archive named as the launcher names it, with the size its name gives, no temporary file beside it. */
    private static void assertWhole(Path archive) throws IOException {
        Matcher name = ARCHIVE_NAME.matcher(archive.getFileName().toString());
        assertThat(name.matches()).as("name of %s", archive).isTrue();
        assertThat(Files.size(archive)).isEqualTo(Long.parseLong(name.group(1)));
        try (Stream<Path> files = Files.list(archive.getParent())) {
            assertThat(files).containsExactly(archive);
        }
    }

    private static void overwrite(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile open = new RandomAccessFile(writable(file).toFile(), "rw")) {
            open.seek(offset);
            open.write(bytes);
        }
    }

    /** The JVM writes archives read-only. */
    private static Path writable(Path file) {
        file.toFile().setWritable(true);
        return file;
    }
}
