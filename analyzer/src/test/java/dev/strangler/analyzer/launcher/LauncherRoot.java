package dev.strangler.analyzer.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A repository root of its own for the launcher: the {@code strangler} script, the analyzer's pom (which marks the
 * command as built) and a copy of the packaged jar, newer than the pom, so that the launcher never starts a build.
 * The class-data archive is then written under this root's {@code analyzer/target/cds}, away from the real one.
 */
final class LauncherRoot {
    /** The analyzer module, where Maven runs the tests. */
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path JAR = MODULE.resolve("target/strangler-analyzer.jar");

    private final Path root;

    private LauncherRoot(Path root) {
        this.root = root;
    }

    /** A fresh root in FOLDER; fails when the jar has not been packaged (the test runs after Maven's package). */
    static LauncherRoot in(Path folder) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("no " + JAR + ": run ./mvnw -pl analyzer -am verify, which packages it first");
        }
        Path script = Files.copy(MODULE.resolveSibling("strangler"), folder.resolve("strangler"));
        script.toFile().setExecutable(true);
        Path pom = Files.copy(MODULE.resolve("pom.xml"), Files.createDirectories(folder.resolve("analyzer")).resolve("pom.xml"));
        Files.setLastModifiedTime(pom, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.copy(JAR, Files.createDirectories(folder.resolve("analyzer/target")).resolve(JAR.getFileName()));
        return new LauncherRoot(folder);
    }

    /** The packaged jar of this root. */
    Path jar() {
        return root.resolve("analyzer/target/strangler-analyzer.jar");
    }

    /** Where the launcher keeps the archives of this root's jar. */
    Path archiveFolder() {
        return root.resolve("analyzer/target/cds/strangler-analyzer");
    }

    /** The files in the archive folder, names sorted; empty when there is no folder. */
    List<Path> archiveFiles() {
        if (!Files.isDirectory(archiveFolder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(archiveFolder())) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one archive of this root's jar; fails when there is not exactly one file in its folder. */
    Path archive() {
        List<Path> files = archiveFiles();
        if (files.size() != 1) {
            throw new AssertionError("expected one archive in " + archiveFolder() + ", but found " + files);
        }
        return files.get(0);
    }

    /** Starts {@code ./strangler ARGS} with the JDK running the tests and ENV added to a clean environment. */
    Started start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("strangler").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("launcher-out", ".txt");
        Path err = Files.createTempFile("launcher-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        Stream.of("STRANGLER_JAVA_OPTS", "STRANGLER_CDS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS")
                .forEach(environment::remove);
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.putAll(env);
        return new Started(builder.start(), out, err);
    }

    /** Runs {@code ./strangler ARGS} to its end. */
    Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return start(env, args).finish();
    }

    /** A launcher run under way, its output going to two files. */
    record Started(Process process, Path out, Path err) {
        /** Waits for the end (at most two minutes) and reads what it printed. */
        Run finish() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("./strangler did not end within two minutes");
                }
                return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }

    /** What one launcher run printed and how it ended. */
    record Run(int exitCode, String out, String err) {
        /** The output with the summary's timing masked ("in 1.7 s (114 lines/s, 114 of code)"): runs compare. */
        String comparableOut() {
            return out.replaceAll(" in [0-9.]+ s \\([^)]*\\)", " in (time)");
        }
    }
}
