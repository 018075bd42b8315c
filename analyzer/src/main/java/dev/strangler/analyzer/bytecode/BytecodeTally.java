package dev.strangler.analyzer.bytecode;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.MethodInfo;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.core.TypeInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts what the class files show, per (from, to, kind) and per method, and merges the counts into a model scanned
 * from sources (see {@link BytecodeScanner} for the rules).
 */
final class BytecodeTally {
    private static final int MAX_SITES = 5;

    private final Map<String, TypeInfo> own;
    private final Map<Key, Count> dependencies = new TreeMap<>();
    private final Map<MethodId, SortedSet<MethodId>> calls = new TreeMap<>();
    int classesRead;
    int added;
    int confirmed;

    BytecodeTally(Map<String, TypeInfo> own) {
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
        if (access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target) {
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
