package dev.strangler.extraction.source.springapp;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.strangler.extraction.core.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the components, entities and handler methods of a Spring application from its sources. Annotations are
 * recognised by simple name (what the sources import is not checked), which is what Spring code writes.
 *
 * <p>Thread-safe: each call parses on its own.
 */
public final class SpringSourceReader {

    private static final Set<String> REPOSITORY_BASES = Set.of("Repository", "CrudRepository", "ListCrudRepository",
            "PagingAndSortingRepository", "ListPagingAndSortingRepository", "JpaRepository",
            "JpaSpecificationExecutor", "QueryByExampleExecutor");
    private static final Set<String> VALIDATION_PACKAGES = Set.of("jakarta.validation.constraints",
            "org.hibernate.validator.constraints");

    /** Reads the given sources; a file that does not parse becomes a problem, the others are still read. */
    public SpringApplication read(List<SourceFile> sources) {
        Set<String> known = new HashSet<>();
        sources.forEach(s -> known.add(s.className()));
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
        List<Component> components = new ArrayList<>();
        List<String> entities = new ArrayList<>();
        Map<String, String> entityIds = new LinkedHashMap<>();
        List<HandlerMethod> handlers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean constraints = false;
        for (SourceFile source : sources) {
            ParseResult<CompilationUnit> result = parser.parse(source.text());
            if (result.getResult().isEmpty() || !result.isSuccessful()) {
                problems.add(source.path() + ": does not parse (" + result.getProblems().stream().findFirst()
                        .map(p -> p.getMessage()).orElse("no detail") + "); its beans and routes are not wired");
                continue;
            }
            CompilationUnit unit = result.getResult().get();
            TypeNames names = new TypeNames(unit, known);
            for (TypeDeclaration<?> type : unit.getTypes()) {
                if (!(type instanceof ClassOrInterfaceDeclaration declaration)) {
                    continue;
                }
                String className = type.getFullyQualifiedName().orElse(source.className());
                if (has(declaration, "Entity")) {
                    entities.add(className);
                    idType(declaration, names).ifPresent(id -> entityIds.put(className, id));
                    constraints |= hasConstraints(unit);
                }
                readComponent(declaration, className, names).ifPresent(components::add);
                if (has(declaration, "RestController") || has(declaration, "Controller")) {
                    handlers.addAll(new HandlerReader(names).handlers(declaration, className));
                }
            }
        }
        return new SpringApplication(components, entities, entityIds, constraints, handlers, problems);
    }

    private static Optional<Component> readComponent(ClassOrInterfaceDeclaration type, String className,
            TypeNames names) {
        List<String> supertypes = new ArrayList<>();
        for (ClassOrInterfaceType t : type.getExtendedTypes()) {
            supertypes.add(names.erased(t));
        }
        for (ClassOrInterfaceType t : type.getImplementedTypes()) {
            supertypes.add(names.erased(t));
        }
        if (type.isInterface()) {
            boolean repository = type.getExtendedTypes().stream().anyMatch(t -> REPOSITORY_BASES.contains(t.getNameAsString()));
            return repository ? Optional.of(new Component(className, Component.Kind.REPOSITORY, supertypes, List.of(),
                    List.of(), false, null)) : Optional.empty();
        }
        Component.Kind kind;
        if (has(type, "RestController") || has(type, "Controller")) {
            kind = Component.Kind.CONTROLLER;
        } else if (has(type, "ControllerAdvice") || has(type, "RestControllerAdvice")) {
            kind = Component.Kind.ADVICE;
        } else if (has(type, "Service") || has(type, "Component") || has(type, "Repository")) {
            kind = Component.Kind.COMPONENT;
        } else if (has(type, "Configuration")) {
            return Optional.of(new Component(className, Component.Kind.COMPONENT, supertypes, List.of(), List.of(),
                    false, "a @Configuration class: its @Bean methods are not wired by the plain flavor"));
        } else {
            return Optional.empty();
        }
        List<Injection> fields = new ArrayList<>();
        for (FieldDeclaration field : type.getFields()) {
            if (has(field, "Autowired") || has(field, "Inject") || has(field, "Value")) {
                field.getVariables().forEach(v -> fields.add(injection(v.getNameAsString(), v.getType(), field, names)));
            }
        }
        boolean transactional = has(type, "Transactional")
                || type.getMethods().stream().anyMatch(m -> has(m, "Transactional"));
        if (type.isAbstract()) {
            return Optional.empty();
        }
        Optional<ConstructorDeclaration> constructor = constructor(type);
        String unsupported = null;
        if (constructor.isEmpty() && !type.getConstructors().isEmpty()) {
            unsupported = "it has several constructors and none is @Autowired";
        }
        List<Injection> parameters = new ArrayList<>();
        constructor.ifPresent(c -> c.getParameters().forEach(p -> parameters.add(
                injection(p.getNameAsString(), p.getType(), p, names))));
        return Optional.of(new Component(className, kind, supertypes, parameters, fields, transactional, unsupported));
    }

    private static Optional<String> idType(ClassOrInterfaceDeclaration entity, TypeNames names) {
        return entity.getFields().stream().filter(f -> has(f, "Id") || has(f, "EmbeddedId"))
                .map(f -> names.erased(f.getVariable(0).getType())).findFirst();
    }

    private static Injection injection(String name, com.github.javaparser.ast.type.Type type,
            NodeWithAnnotations<?> annotated, TypeNames names) {
        String value = annotated.getAnnotationByName("Value").map(SpringSourceReader::firstValue).orElse(null);
        return new Injection(name, names.erased(type), names.generic(type), value);
    }

    private static Optional<ConstructorDeclaration> constructor(ClassOrInterfaceDeclaration type) {
        List<ConstructorDeclaration> constructors = type.getConstructors();
        if (constructors.size() == 1) {
            return Optional.of(constructors.get(0));
        }
        return constructors.stream().filter(c -> has(c, "Autowired") || has(c, "Inject")).findFirst()
                .or(() -> constructors.stream().filter(c -> c.getParameters().isEmpty()).findFirst());
    }

    private static boolean hasConstraints(CompilationUnit unit) {
        return unit.getImports().stream().anyMatch(i -> VALIDATION_PACKAGES.stream()
                .anyMatch(p -> i.getNameAsString().startsWith(p)));
    }

    static boolean has(NodeWithAnnotations<?> node, String annotation) {
        return node.getAnnotationByName(annotation).isPresent();
    }

    /** The single or {@code value} member of an annotation, unquoted, or null. */
    static String firstValue(AnnotationExpr annotation) {
        return Annotations.member(annotation, "value").orElse(null);
    }
}
