package dev.strangler.analyzer.source.resolve;

import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The names of the classes in the jars and class folders given with {@code --classpath}, so that a simple name
 * brought in by a wildcard import of a library package resolves to that library class instead of being guessed to be
 * a codebase class of the same simple name (a false dependency edge). Only names are read, from the jars' central
 * directories and the folders' file names: no class is loaded or parsed. Immutable once built.
 */
public final class LibraryIndex {
    static final LibraryIndex EMPTY = new LibraryIndex(Set.of(), List.of());

    private final Set<String> classes;
    private final List<Problem> problems;

    private LibraryIndex(Set<String> classes, List<Problem> problems) {
        this.classes = classes;
        this.problems = List.copyOf(problems);
    }

    /** Reads every entry; an unreadable one is reported and skipped. */
    public static LibraryIndex read(List<Path> classpath) {
        if (classpath.isEmpty()) {
            return EMPTY;
        }
        Set<String> classes = new HashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (Path entry : classpath) {
            try {
                if (Files.isDirectory(entry)) {
                    readFolder(entry, classes);
                } else if (Files.isRegularFile(entry)) {
                    readJar(entry, classes);
                }
            } catch (IOException | UncheckedIOException | SecurityException e) {
                problems.add(new Problem(entry.toString(), 0, 0, Severity.WARNING, "could not read the class names of this "
                        + "--classpath entry (" + e.getMessage() + "); library types in it are resolved by name only"));
            }
        }
        return new LibraryIndex(Set.copyOf(classes), problems);
    }

    /** Whether {@code qualifiedName} (nested classes with dots) is a class of the given classpath. */
    public boolean contains(String qualifiedName) {
        return classes.contains(qualifiedName);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static void readJar(Path jar, Set<String> classes) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith("META-INF/versions/")) {
                    int slash = name.indexOf('/', "META-INF/versions/".length());
                    name = slash < 0 ? "" : name.substring(slash + 1);
                }
                add(name, classes);
            }
        } catch (ZipException e) {
            throw new IOException("not a readable jar: " + e.getMessage(), e);
        }
    }

    private static void readFolder(Path folder, Set<String> classes) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(file -> add(folder.relativize(file).toString()
                    .replace(folder.getFileSystem().getSeparator(), "/"), classes));
        }
    }

    /** Adds {@code a/b/C$D.class} as {@code a.b.C.D}; skips module and package descriptors and anonymous classes. */
    public static void add(String entryName, Set<String> classes) {
        if (!entryName.endsWith(".class") || entryName.endsWith("module-info.class")
                || entryName.endsWith("package-info.class")) {
            return;
        }
        String binary = entryName.substring(0, entryName.length() - ".class".length()).replace('/', '.');
        String[] parts = binary.split("\\$", -1);
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isEmpty() || Character.isDigit(parts[i].charAt(0))) {
                return; // anonymous or local class: nobody writes its name
            }
        }
        classes.add(String.join(".", parts));
    }
}
