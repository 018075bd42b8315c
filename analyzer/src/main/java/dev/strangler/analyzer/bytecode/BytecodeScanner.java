package dev.strangler.analyzer.bytecode;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.MethodInfo;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.TypeInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Adds the dependencies that compiled classes of the codebase show to a model scanned from sources.
 *
 * <p>Merging: a (from, to, kind) the sources already have keeps its sites and takes the larger of the two weights
 * (the same use counted twice must not double its weight) and the union of the sites (at most five); it stops
 * being a guess, because the class file proves it. A (from, to, kind) only the bytecode shows is added with the
 * bytecode's count. Method calls found in the bytecode are added to the calling method's {@link MethodInfo}; lambda
 * bodies count for the method that holds them, anonymous and local classes for the class that encloses them
 * ({@link BytecodeTally} counts and merges). Thread-safe (no shared state), but it sets
 * ArchUnit's global "resolve missing dependencies" switch off while it imports.
 */
public final class BytecodeScanner {
    /**
     * Returns {@code codebase} with the bytecode dependencies between its own types added; entries of
     * {@code classpath} that hold none of the codebase's types are ignored.
     */
    public Codebase enrich(Codebase codebase, List<Path> classpath, ProgressListener progress) {
        Objects.requireNonNull(codebase, "codebase");
        Objects.requireNonNull(classpath, "classpath");
        Objects.requireNonNull(progress, "progress");
        Map<String, TypeInfo> own = new HashMap<>();
        codebase.types().forEach(type -> own.put(type.name().value(), type));
        List<Problem> problems = new ArrayList<>(codebase.problems());
        List<Path> directories = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        progress.started("bytecode", classpath.size());
        for (Path entry : classpath) {
            String shown = entry.toString().replace('\\', '/');
            try {
                if (!holdsOwnClass(entry, own.keySet())) {
                    problems.add(new Problem(shown, 0, 0, Severity.NOTE,
                            "classpath entry holds none of the scanned types; used for nothing but resolution"));
                } else if (Files.isDirectory(entry)) {
                    directories.add(entry);
                } else {
                    jars.add(entry);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(shown, 0, 0, Severity.WARNING, "could not read classpath entry: " + e));
            }
            progress.advanced(1);
        }
        progress.finished();
        if (directories.isEmpty() && jars.isEmpty()) {
            return withProblems(codebase, problems);
        }
        List<JavaClass> classes = importClasses(directories, jars, problems);
        BytecodeTally tally = new BytecodeTally(own);
        for (JavaClass javaClass : classes) {
            String from = tally.ownName(javaClass.getName());
            if (from != null) {
                tally.read(from, javaClass);
            }
        }
        Codebase merged = tally.mergeInto(codebase, problems);
        problems.add(new Problem(".", 0, 0, Severity.NOTE, "bytecode: read " + tally.classesRead + " classes from "
                + (directories.size() + jars.size()) + " classpath entries; " + tally.added + " dependencies added, "
                + tally.confirmed + " confirmed"));
        return withProblems(merged, problems);
    }

    private static Codebase withProblems(Codebase codebase, List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(new TreeSet<>(problems));
        return new Codebase(codebase.name(), codebase.types(), codebase.dependencies(), codebase.methods(),
                codebase.entryPoints(), codebase.entities(), codebase.repositories(), codebase.tableAccesses(),
                codebase.risks(), sorted, codebase.stats(), codebase.coverage());
    }

    private static List<JavaClass> importClasses(List<Path> directories, List<Path> jars, List<Problem> problems) {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        List<JavaClass> classes = new ArrayList<>();
        try {
            ClassFileImporter importer = new ClassFileImporter();
            if (!directories.isEmpty()) {
                importer.importPaths(directories).forEach(classes::add);
            }
            List<JarFile> open = new ArrayList<>();
            try {
                for (Path jar : jars) {
                    open.add(new JarFile(jar.toFile()));
                }
                if (!open.isEmpty()) {
                    JavaClasses fromJars = importer.importJars(open);
                    fromJars.forEach(classes::add);
                }
            } finally {
                for (JarFile file : open) {
                    file.close();
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(".", 0, 0, Severity.WARNING, "could not import class files: " + e));
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
        classes.sort(Comparator.comparing(JavaClass::getName));
        return classes;
    }

    private static boolean holdsOwnClass(Path entry, Set<String> own) throws IOException {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                return files.filter(f -> f.toString().endsWith(".class"))
                        .anyMatch(f -> own.contains(classNameOf(entry.relativize(f).toString().replace('\\', '/'))));
            }
        }
        if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                return jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class"))
                        .anyMatch(n -> own.contains(classNameOf(n)));
            }
        }
        return false;
    }

    /** {@code a/b/C$D.class} → {@code a.b.C.D}; nested names only approximately, good enough to spot own classes. */
    private static String classNameOf(String relativePath) {
        return relativePath.substring(0, relativePath.length() - ".class".length()).replace('/', '.').replace('$', '.');
    }
}
