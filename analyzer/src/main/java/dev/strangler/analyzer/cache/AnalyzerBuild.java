package dev.strangler.analyzer.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.List;
import java.util.stream.Stream;

/**
 * Names the build of the analyzer that runs, so that a cache written by another build is not trusted: the size and
 * modification time of the jar (or of every file of the class folders) that hold the given classes, and the Java
 * runtime's version. A rebuild changes them even when the version number stays the same. Thread-safe.
 */
public final class AnalyzerBuild {
    private AnalyzerBuild() {
    }

    /** The fingerprint of the code holding {@link AnalyzerBuild} and {@code others} (e.g. the parser's classes). */
    public static String fingerprint(List<Class<?>> others) {
        StringBuilder text = new StringBuilder();
        String version = AnalyzerBuild.class.getPackage().getImplementationVersion();
        text.append("version=").append(version == null ? "development" : version).append('\n');
        text.append("java=").append(Runtime.version()).append('\n');
        describe(AnalyzerBuild.class, text);
        others.forEach(type -> describe(type, text));
        return ScanInputs.hash(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void describe(Class<?> type, StringBuilder text) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            text.append(type.getName()).append(" from the runtime\n");
            return;
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.filter(Files::isRegularFile).sorted().forEach(file -> stamp(location, file, text));
                }
            } else {
                stamp(location.getParent() == null ? location : location.getParent(), location, text);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            text.append(source.getLocation()).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the analyzer's own classes at " + source.getLocation(), e);
        }
    }

    private static void stamp(Path base, Path file, StringBuilder text) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            text.append(base.relativize(file)).append(' ').append(attributes.size()).append(' ')
                    .append(attributes.lastModifiedTime().toMillis()).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the analyzer's own class file " + file, e);
        }
    }
}
