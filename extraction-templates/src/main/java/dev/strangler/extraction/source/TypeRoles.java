package dev.strangler.extraction.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;

import java.util.Optional;
import java.util.Set;

/** Tells what a class of the monolith is for: a Spring bean or repository (adapted) or data (copied). */
final class TypeRoles {
    private static final Set<String> BEAN_ANNOTATIONS = Set.of("Service", "Component", "Repository", "Controller",
            "RestController");
    private static final Set<String> ENTRY_ANNOTATIONS = Set.of("SpringBootApplication");
    private static final Set<String> ADVICE_ANNOTATIONS = Set.of("ControllerAdvice", "RestControllerAdvice");

    private TypeRoles() {
    }

    static Optional<TypeDeclaration<?>> primaryType(CompilationUnit unit, String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return unit.getTypes().stream().filter(t -> t.getNameAsString().equals(simple)).findFirst()
                .or(() -> unit.getTypes().stream().findFirst());
    }

    /** A Spring bean or a Spring Data repository: the moved code calls it, so it gets an adapter. */
    static boolean isBehaviour(TypeDeclaration<?> type) {
        if (hasAnnotation(type, BEAN_ANNOTATIONS)) {
            return true;
        }
        return type instanceof ClassOrInterfaceDeclaration c && c.isInterface()
                && c.getExtendedTypes().stream().anyMatch(t -> t.getNameAsString().endsWith("Repository"));
    }

    /** A Spring Data repository interface ({@code extends JpaRepository<T, ID>}): its methods have no body to copy. */
    static boolean isRepository(CompilationUnit unit, String className) {
        return AdapterBuilder.repositoryTypes(className, unit).isPresent();
    }

    /** The monolith's own start: a {@code @SpringBootApplication} or a class with {@code main}; never copied. */
    static boolean isEntryPoint(TypeDeclaration<?> type) {
        return hasAnnotation(type, ENTRY_ANNOTATIONS) || type.getMethodsByName("main").stream()
                .anyMatch(MethodDeclaration::isStatic);
    }

    /** A controller advice: the error answers every controller gives. */
    static boolean isAdvice(TypeDeclaration<?> type) {
        return hasAnnotation(type, ADVICE_ANNOTATIONS);
    }

    static boolean hasAnnotation(TypeDeclaration<?> type, Set<String> names) {
        for (AnnotationExpr annotation : type.getAnnotations()) {
            String name = annotation.getNameAsString();
            if (names.contains(name.substring(name.lastIndexOf('.') + 1))) {
                return true;
            }
        }
        return false;
    }
}
