package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds small {@link Codebase} models by hand for tests, the way a scanner would report them. */
public final class ModelBuilder {
    private final String name;
    private final String basePackage;
    private final List<TypeInfo> types = new ArrayList<>();
    private final Map<List<Object>, Integer> dependencies = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    private final Map<MethodId, TreeSet<MethodId>> calls = new TreeMap<>();
    private final Map<MethodId, TreeSet<ClassName>> references = new TreeMap<>();
    private final List<EntryPoint> entryPoints = new ArrayList<>();
    private final List<EntityMapping> entities = new ArrayList<>();
    private final List<RepositoryBinding> repositories = new ArrayList<>();
    private final List<TableAccess> accesses = new ArrayList<>();
    private final List<Risk> risks = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    public ModelBuilder(String name, String basePackage) {
        this.name = name;
        this.basePackage = basePackage;
    }

    public ClassName cls(String simple) {
        return ClassName.of(simple.contains(".") && Character.isLowerCase(simple.charAt(0)) ? basePackage + "." + simple
                : basePackage + "." + simple);
    }

    public static SourceLocation at(ClassName type, int line) {
        return new SourceLocation("src/main/java/" + type.value().replace('.', '/') + ".java", line);
    }

    public ModelBuilder type(String simple, Stereotype... stereotypes) {
        return type(simple, TypeKind.CLASS, List.of(), stereotypes);
    }

    public ModelBuilder type(String simple, TypeKind kind, List<String> supertypes, Stereotype... stereotypes) {
        ClassName type = cls(simple);
        Set<Stereotype> roles = stereotypes.length == 0 ? Set.of() : EnumSet.of(stereotypes[0], stereotypes);
        types.add(new TypeInfo(type, kind, at(type, 1), 20, new TreeSet<>(), roles,
                supertypes.stream().map(this::cls).toList()));
        for (String supertype : supertypes) {
            depend(simple, supertype, DependencyKind.INHERITANCE, 1);
        }
        return this;
    }

    public ModelBuilder depend(String from, String to, DependencyKind kind, int weight) {
        dependencies.merge(List.of(cls(from), cls(to), kind), weight, Integer::sum);
        return this;
    }

    /** A call from one method to another; adds the CALL dependency and the FIELD one of the injected collaborator. */
    public ModelBuilder call(String from, String to) {
        MethodId caller = method(from);
        MethodId callee = method(to);
        calls.computeIfAbsent(caller, k -> new TreeSet<>()).add(callee);
        calls.computeIfAbsent(callee, k -> new TreeSet<>());
        if (!caller.owner().equals(callee.owner())) {
            depend(simpleOf(caller.owner()), simpleOf(callee.owner()), DependencyKind.CALL, 1);
        }
        return this;
    }

    public ModelBuilder reference(String fromMethod, String type, DependencyKind kind) {
        MethodId caller = method(fromMethod);
        references.computeIfAbsent(caller, k -> new TreeSet<>()).add(cls(type));
        calls.computeIfAbsent(caller, k -> new TreeSet<>());
        depend(simpleOf(caller.owner()), type, kind, 1);
        return this;
    }

    public ModelBuilder route(String method, String path, String handler) {
        MethodId id = method(handler);
        calls.computeIfAbsent(id, k -> new TreeSet<>());
        entryPoints.add(new EntryPoint(EntryPointKind.HTTP, "spring-mvc", method, path, id, at(id.owner(), 10)));
        return this;
    }

    public ModelBuilder entity(String simple, String table) {
        entities.add(new EntityMapping(cls(simple), table, at(cls(simple), 1)));
        return this;
    }

    public ModelBuilder repository(String repository, String entity) {
        repositories.add(new RepositoryBinding(cls(repository), cls(entity), at(cls(repository), 1)));
        return this;
    }

    public ModelBuilder access(String method, String table, AccessMode mode) {
        MethodId id = method(method);
        calls.computeIfAbsent(id, k -> new TreeSet<>());
        accesses.add(new TableAccess(id.owner(), id.name(), table, mode, DataAccessOrigin.JDBC, at(id.owner(), 30)));
        return this;
    }

    public ModelBuilder risk(String simple, RiskKind kind, String detail) {
        risks.add(new Risk(kind, cls(simple), at(cls(simple), 7), detail));
        return this;
    }

    public ModelBuilder problem(String path, int line, Severity severity, String message) {
        problems.add(new Problem(path, line, 1, severity, message));
        return this;
    }

    private MethodId method(String ownerAndName) {
        int hash = ownerAndName.indexOf('#');
        return new MethodId(cls(ownerAndName.substring(0, hash)), ownerAndName.substring(hash + 1));
    }

    private String simpleOf(ClassName type) {
        return type.value().substring(basePackage.length() + 1);
    }

    public Codebase build() {
        List<Dependency> deps = new ArrayList<>();
        dependencies.forEach((key, weight) -> deps.add(new Dependency((ClassName) key.get(0), (ClassName) key.get(1),
                (DependencyKind) key.get(2), weight, List.of(at((ClassName) key.get(0), 12)), false)));
        List<MethodInfo> methods = new ArrayList<>();
        calls.forEach((id, callees) -> methods.add(new MethodInfo(id, at(id.owner(), 5), callees,
                references.getOrDefault(id, new TreeSet<>()))));
        references.forEach((id, refs) -> {
            if (!calls.containsKey(id)) {
                methods.add(new MethodInfo(id, at(id.owner(), 5), new TreeSet<>(), refs));
            }
        });
        long lines = types.size() * 20L;
        return new Codebase(name, types, deps, methods, entryPoints, entities, repositories, accesses, risks, problems,
                new CodebaseStats(types.size(), types.size(), 0, lines, lines, deps.size(), 0, 0));
    }
}
