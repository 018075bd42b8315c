package dev.strangler.analyzer.bytecode;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.MethodInfo;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.core.TypeInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Adds the dependencies that compiled classes of the codebase show to a model scanned from sources.
 *
 * <p>Merging: a (from, to, kind) the sources already have keeps its sites and takes the larger of the two weights
 * (the same use counted twice must not double its weight) and the union of the sites (at most five); it stops
 * being a guess, because the class file proves it. A (from, to, kind) only the bytecode shows is added with the bytecode's count. Method calls found in the
 * bytecode are added to the calling method's {@link MethodInfo}; lambda bodies count for the method that holds
 * them, anonymous and local classes for the class that encloses them. Thread-safe (no shared state), but it sets
 * ArchUnit's global "resolve missing dependencies" switch off while it imports.
 */
public final class BytecodeScanner {
    private static final int MAX_SITES = 5;

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
        Tally tally = new Tally(own);
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

    /** Counts what the class files show, per (from, to, kind) and per method. */
    private static final class Tally {
        private final Map<String, TypeInfo> own;
        private final Map<Key, Count> dependencies = new TreeMap<>();
        private final Map<MethodId, java.util.SortedSet<MethodId>> calls = new TreeMap<>();
        private int classesRead;
        private int added;
        private int confirmed;

        Tally(Map<String, TypeInfo> own) {
            this.own = own;
        }

        /** The codebase type a binary name belongs to: nested by name, anonymous and local to their enclosing type. */
        String ownName(String binaryName) {
            String[] parts = binaryName.split("\\$");
            String name = parts[0];
            if (!own.containsKey(name)) {
                return null;
            }
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].isEmpty() || Character.isDigit(parts[i].charAt(0))) {
                    break;
                }
                String nested = name + "." + parts[i];
                if (!own.containsKey(nested)) {
                    break;
                }
                name = nested;
            }
            return name;
        }

        void read(String from, JavaClass javaClass) {
            classesRead++;
            String path = own.get(from).location().path();
            javaClass.getRawSuperclass().ifPresent(s -> add(from, s, DependencyKind.INHERITANCE, path, 0));
            javaClass.getRawInterfaces().forEach(i -> add(from, i, DependencyKind.INHERITANCE, path, 0));
            for (JavaField field : javaClass.getFields()) {
                field.getType().getAllInvolvedRawTypes().forEach(t -> add(from, t, DependencyKind.FIELD, path, 0));
            }
            for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                if (unit.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    continue;
                }
                unit.getRawParameterTypes().forEach(t -> add(from, t, DependencyKind.SIGNATURE, path, 0));
                add(from, unit.getRawReturnType(), DependencyKind.SIGNATURE, path, 0);
            }
            Set<String> superclass = new HashSet<>();
            javaClass.getRawSuperclass().ifPresent(s -> superclass.add(s.getName()));
            javaClass.getMethodCallsFromSelf().forEach(call -> access(from, call, DependencyKind.CALL, path));
            javaClass.getFieldAccessesFromSelf().forEach(access -> access(from, access, DependencyKind.CALL, path));
            javaClass.getMethodReferencesFromSelf().forEach(reference -> access(from, reference, DependencyKind.CALL, path));
            javaClass.getConstructorReferencesFromSelf()
                    .forEach(reference -> access(from, reference, DependencyKind.INSTANTIATION, path));
            javaClass.getConstructorCallsFromSelf().forEach(call -> {
                // super(...) and this(...) in a constructor are not instantiations
                boolean chained = call.getOrigin().isConstructor()
                        && (superclass.contains(call.getTargetOwner().getName())
                        || call.getTargetOwner().getName().equals(javaClass.getName()));
                if (!chained) {
                    access(from, call, DependencyKind.INSTANTIATION, path);
                }
            });
        }

        private void access(String from, JavaAccess<?> access, DependencyKind kind, String path) {
            String to = ownName(access.getTargetOwner().getName());
            if (to == null) {
                return;
            }
            add(from, access.getTargetOwner(), kind, path, access.getLineNumber());
            if (access.getTarget() instanceof com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget target) {
                MethodId caller = new MethodId(ClassName.of(from), methodName(access.getOrigin().getName()));
                calls.computeIfAbsent(caller, k -> new TreeSet<>()).add(new MethodId(ClassName.of(to), target.getName()));
            }
        }

        /** Lambda bodies compile to {@code lambda$method$0}; they belong to {@code method}. */
        private static String methodName(String compiled) {
            if (compiled.startsWith("lambda$")) {
                int end = compiled.indexOf('$', "lambda$".length());
                return end > "lambda$".length() ? compiled.substring("lambda$".length(), end) : compiled;
            }
            return compiled;
        }

        private void add(String from, JavaClass target, DependencyKind kind, String path, int line) {
            String to = ownName(target.getName());
            if (to == null || to.equals(from)) {
                return;
            }
            Count count = dependencies.computeIfAbsent(new Key(from, to, kind), k -> new Count());
            count.weight++;
            if (line > 0) {
                count.sites.add(new SourceLocation(path, line));
                if (count.sites.size() > MAX_SITES) {
                    count.sites.pollLast();
                }
            }
        }

        Codebase mergeInto(Codebase codebase, List<Problem> problems) {
            Map<Key, Dependency> merged = new TreeMap<>();
            for (Dependency dependency : codebase.dependencies()) {
                merged.put(new Key(dependency.from().value(), dependency.to().value(), dependency.kind()), dependency);
            }
            dependencies.forEach((key, count) -> {
                Dependency existing = merged.get(key);
                if (existing == null) {
                    added++;
                    merged.put(key, new Dependency(ClassName.of(key.from()), ClassName.of(key.to()), key.kind(),
                            count.weight, List.copyOf(count.sites), false));
                } else {
                    confirmed++;
                    TreeSet<SourceLocation> sites = new TreeSet<>(existing.sites());
                    sites.addAll(count.sites);
                    while (sites.size() > MAX_SITES) {
                        sites.pollLast();
                    }
                    merged.put(key, new Dependency(existing.from(), existing.to(), existing.kind(),
                            Math.max(existing.weight(), count.weight), List.copyOf(sites), false));
                }
            });
            Map<MethodId, MethodInfo> methods = new TreeMap<>();
            codebase.methods().forEach(method -> methods.put(method.id(), method));
            calls.forEach((caller, targets) -> {
                MethodInfo existing = methods.get(caller);
                if (existing == null) {
                    SourceLocation location = own.get(caller.owner().value()).location();
                    methods.put(caller, new MethodInfo(caller, location, targets, new TreeSet<>()));
                } else {
                    Set<MethodId> union = new TreeSet<>(existing.calls());
                    union.addAll(targets);
                    methods.put(caller, new MethodInfo(caller, existing.location(), new TreeSet<>(union),
                            existing.references()));
                }
            });
            return new Codebase(codebase.name(), codebase.types(), new ArrayList<>(merged.values()),
                    new ArrayList<>(methods.values()), codebase.entryPoints(), codebase.entities(),
                    codebase.repositories(), codebase.tableAccesses(), codebase.risks(), problems, codebase.stats(),
                    codebase.coverage());
        }
    }

    private record Key(String from, String to, DependencyKind kind) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::from).thenComparing(Key::to)
                .thenComparing(Key::kind);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    private static final class Count {
        int weight;
        final TreeSet<SourceLocation> sites = new TreeSet<>();
    }
}
