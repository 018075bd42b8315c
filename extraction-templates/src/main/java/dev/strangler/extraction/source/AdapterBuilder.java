package dev.strangler.extraction.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.strangler.extraction.core.AdapterMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds an adapter's method signatures from the class that stays behind: the methods the moved code calls, as
 * declared there, or, for a Spring Data repository, as its base interface declares them.
 */
final class AdapterBuilder {
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]*");

    /** The signatures found, and what could not be found, as sentences. */
    record Signatures(List<AdapterMethod> methods, List<String> imports, List<String> missing) {
    }

    private AdapterBuilder() {
    }

    static Signatures signatures(String className, CompilationUnit unit, Set<CallCollector.Call> calls) {
        TypeDeclaration<?> type = TypeRoles.primaryType(unit, className).orElseThrow();
        List<AdapterMethod> methods = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> extraImports = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (CallCollector.Call call : calls) {
            List<MethodDeclaration> declared = type.getMethodsByName(call.name()).stream()
                    .filter(m -> !m.isPrivate() && (call.arguments() < 0 || m.getParameters().size() == call.arguments()))
                    .toList();
            if (!declared.isEmpty()) {
                for (MethodDeclaration m : declared) {
                    AdapterMethod method = toMethod(m, unit);
                    if (seen.add(method.signature())) {
                        methods.add(method);
                    }
                }
                continue;
            }
            Optional<AdapterMethod> inherited = repositoryMethod(type, call, extraImports);
            if (inherited.isPresent()) {
                if (seen.add(inherited.get().signature())) {
                    methods.add(inherited.get());
                }
            } else if (!type.getMethodsByName(call.name()).isEmpty() || !isObjectMethod(call.name())) {
                missing.add(type.getNameAsString() + "." + call.name() + " is called by the moved code but not declared in "
                        + type.getNameAsString() + "'s source (inherited from a library type?); the adapter leaves it out, "
                        + "so add it to the interface by hand");
            }
        }
        methods.sort(java.util.Comparator.comparing(AdapterMethod::signature));
        return new Signatures(methods, imports(unit, methods, extraImports), missing);
    }

    private static boolean isObjectMethod(String name) {
        return Set.of("equals", "hashCode", "toString", "getClass").contains(name);
    }

    private static AdapterMethod toMethod(MethodDeclaration m, CompilationUnit unit) {
        String typeParameters = m.getTypeParameters().isEmpty() ? "" : "<" + String.join(", ",
                m.getTypeParameters().stream().map(Object::toString).toList()) + "> ";
        List<AdapterMethod.Parameter> parameters = m.getParameters().stream()
                .map(p -> new AdapterMethod.Parameter(p.getType().toString() + (p.isVarArgs() ? "..." : ""), p.getNameAsString()))
                .toList();
        return new AdapterMethod(typeParameters + m.getType().toString(), m.getNameAsString(), parameters, null,
                springDataAnnotations(m, unit), null, List.of());
    }

    /**
     * Spring Data's annotations on a repository method ({@code @Query}, {@code @Modifying}, {@code @EntityGraph}...),
     * fully qualified: the interface carries them, so Spring Data runs the monolith's own query, not one it derives.
     */
    private static List<String> springDataAnnotations(MethodDeclaration m, CompilationUnit unit) {
        List<String> annotations = new ArrayList<>();
        for (AnnotationExpr annotation : m.getAnnotations()) {
            String simple = annotation.getNameAsString();
            Optional<String> qualified = simple.contains(".") ? Optional.of(simple) : unit.getImports().stream()
                    .filter(i -> !i.isStatic() && !i.isAsterisk()).map(ImportDeclaration::getNameAsString)
                    .filter(n -> n.endsWith("." + simple)).findFirst();
            if (qualified.filter(q -> q.startsWith("org.springframework.data.")).isPresent()) {
                AnnotationExpr copy = annotation.clone();
                copy.setName(qualified.get());
                annotations.add(copy.toString());
            }
        }
        return annotations;
    }

    /**
     * The entity (fully qualified, through the unit's imports or its package) and the id type a Spring Data repository
     * interface declares ({@code extends JpaRepository<Customer, Long>}), or empty when the class is not one.
     */
    static Optional<List<String>> repositoryTypes(String className, CompilationUnit unit) {
        Optional<ClassOrInterfaceType> base = TypeRoles.primaryType(unit, className)
                .filter(t -> t instanceof ClassOrInterfaceDeclaration c && c.isInterface())
                .flatMap(t -> repositoryBase((ClassOrInterfaceDeclaration) t));
        if (base.isEmpty()) {
            return Optional.empty();
        }
        List<Type> arguments = base.get().getTypeArguments().orElseThrow();
        String entity = arguments.get(0).toString();
        String qualified = unit.getImports().stream().filter(i -> !i.isStatic() && !i.isAsterisk())
                .map(ImportDeclaration::getNameAsString).filter(n -> n.endsWith("." + entity)).findFirst()
                .orElseGet(() -> entity.contains(".") ? entity : unit.getPackageDeclaration()
                        .map(p -> p.getNameAsString() + "." + entity).orElse(entity));
        return Optional.of(List.of(qualified, arguments.get(1).toString()));
    }

    private static Optional<ClassOrInterfaceType> repositoryBase(ClassOrInterfaceDeclaration c) {
        return c.getExtendedTypes().stream()
                .filter(t -> t.getNameAsString().endsWith("Repository") && t.getTypeArguments().map(NodeList::size).orElse(0) == 2)
                .findFirst();
    }

    /** The methods of Spring Data's {@code CrudRepository} and {@code JpaRepository} the moved code may call. */
    private static Optional<AdapterMethod> repositoryMethod(TypeDeclaration<?> type, CallCollector.Call call, Set<String> imports) {
        if (!(type instanceof ClassOrInterfaceDeclaration c) || !c.isInterface()) {
            return Optional.empty();
        }
        Optional<ClassOrInterfaceType> base = repositoryBase(c);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        List<Type> arguments = base.get().getTypeArguments().orElseThrow();
        String entity = arguments.get(0).toString();
        String id = arguments.get(1).toString();
        AdapterMethod.Parameter idParameter = new AdapterMethod.Parameter(id, "id");
        AdapterMethod.Parameter entityParameter = new AdapterMethod.Parameter(entity, "entity");
        AdapterMethod method = switch (call.name() + "/" + call.arguments()) {
            case "findById/1", "findById/-1" -> new AdapterMethod("Optional<" + entity + ">", "findById", List.of(idParameter), null);
            case "existsById/1", "existsById/-1" -> new AdapterMethod("boolean", "existsById", List.of(idParameter), null);
            case "getReferenceById/1", "getReferenceById/-1", "getById/1" ->
                    new AdapterMethod(entity, call.name(), List.of(idParameter), null);
            case "findAll/0" -> new AdapterMethod("List<" + entity + ">", "findAll", List.of(), null);
            case "count/0" -> new AdapterMethod("long", "count", List.of(), null);
            case "save/1", "saveAndFlush/1" -> new AdapterMethod(entity, call.name(), List.of(entityParameter), null);
            case "delete/1" -> new AdapterMethod("void", "delete", List.of(entityParameter), null);
            case "deleteById/1" -> new AdapterMethod("void", "deleteById", List.of(idParameter), null);
            default -> null;
        };
        if (method != null && method.returnType().startsWith("Optional<")) {
            imports.add("java.util.Optional");
        }
        if (method != null && method.returnType().startsWith("List<")) {
            imports.add("java.util.List");
        }
        return Optional.ofNullable(method);
    }

    /** The class's imports a signature names, plus what the synthesized methods need. */
    private static List<String> imports(CompilationUnit unit, List<AdapterMethod> methods, Set<String> extra) {
        Set<String> words = new TreeSet<>();
        for (AdapterMethod m : methods) {
            collectWords(m.returnType(), words);
            m.parameters().forEach(p -> collectWords(p.type(), words));
        }
        Set<String> imports = new TreeSet<>(extra);
        for (ImportDeclaration i : unit.getImports()) {
            String name = i.getNameAsString();
            if (!i.isStatic() && !i.isAsterisk() && words.contains(name.substring(name.lastIndexOf('.') + 1))) {
                imports.add(name);
            }
        }
        return List.copyOf(imports);
    }

    static void collectWords(String text, Set<String> words) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
    }
}
