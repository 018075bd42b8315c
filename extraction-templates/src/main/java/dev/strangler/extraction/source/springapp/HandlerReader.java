package dev.strangler.extraction.source.springapp;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a controller's handler methods: mapping, argument bindings, declared status. */
final class HandlerReader {

    private static final Map<String, String> SHORTCUTS = Map.of("GetMapping", "GET", "PostMapping", "POST",
            "PutMapping", "PUT", "DeleteMapping", "DELETE", "PatchMapping", "PATCH");
    private static final Set<String> SIMPLE = Set.of("boolean", "byte", "short", "int", "long", "float", "double",
            "char", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Float", "java.lang.Double", "java.lang.Character", "java.lang.String", "java.math.BigDecimal",
            "java.math.BigInteger", "java.time.LocalDate", "java.time.LocalDateTime", "java.time.Instant",
            "java.util.UUID");
    private static final String DEFAULT_NONE = "\n\t\t\n\t\t\n\uE000\uE001\uE002\n\t\t\t\t\n";

    private final TypeNames names;

    HandlerReader(TypeNames names) {
        this.names = names;
    }

    List<HandlerMethod> handlers(ClassOrInterfaceDeclaration controller, String className) {
        Optional<Integer> classStatus = controller.getAnnotationByName("ResponseStatus").map(HandlerReader::status);
        List<HandlerMethod> handlers = new ArrayList<>();
        for (MethodDeclaration method : controller.getMethods()) {
            Optional<AnnotationExpr> mapping = mapping(method);
            if (mapping.isEmpty()) {
                continue;
            }
            List<Argument> arguments = method.getParameters().stream().map(this::argument).toList();
            int status = method.getAnnotationByName("ResponseStatus").map(HandlerReader::status)
                    .or(() -> classStatus).orElse(200);
            handlers.add(new HandlerMethod(className, method.getNameAsString(), httpMethods(mapping.get()), arguments,
                    status, method.getType().isVoidType()));
        }
        return handlers;
    }

    static Optional<AnnotationExpr> mapping(MethodDeclaration method) {
        return method.getAnnotations().stream().filter(a -> SHORTCUTS.containsKey(a.getNameAsString())
                || a.getNameAsString().equals("RequestMapping")).findFirst();
    }

    private static List<String> httpMethods(AnnotationExpr mapping) {
        String shortcut = SHORTCUTS.get(mapping.getNameAsString());
        if (shortcut != null) {
            return List.of(shortcut);
        }
        return Annotations.members(mapping, "method").stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
    }

    private Argument argument(Parameter parameter) {
        String type = names.erased(parameter.getType());
        String name = parameter.getNameAsString();
        boolean valid = parameter.getAnnotationByName("Valid").isPresent()
                || parameter.getAnnotationByName("Validated").isPresent();
        Optional<AnnotationExpr> path = parameter.getAnnotationByName("PathVariable");
        Optional<AnnotationExpr> param = parameter.getAnnotationByName("RequestParam");
        Optional<AnnotationExpr> header = parameter.getAnnotationByName("RequestHeader");
        Optional<AnnotationExpr> body = parameter.getAnnotationByName("RequestBody");
        if (path.isPresent()) {
            return Argument.of(Argument.Kind.PATH, named(path.get(), name), type, true, null, false);
        }
        if (param.isPresent() || header.isPresent()) {
            AnnotationExpr annotation = param.orElseGet(header::get);
            if (type.equals("java.util.Map") || type.equals("org.springframework.util.MultiValueMap")) {
                return Argument.unsupported(name, type, "a map of every " + (param.isPresent() ? "parameter" : "header")
                        + " is not bound by the plain flavor");
            }
            String defaultValue = Annotations.member(annotation, "defaultValue").filter(d -> !d.equals(DEFAULT_NONE))
                    .orElse(null);
            boolean required = defaultValue == null && !Annotations.member(annotation, "required").orElse("true")
                    .equals("false") && !type.equals("java.util.Optional");
            return Argument.of(param.isPresent() ? Argument.Kind.PARAM : Argument.Kind.HEADER, named(annotation, name),
                    type, required, defaultValue, false);
        }
        if (body.isPresent()) {
            boolean required = !Annotations.member(body.get(), "required").orElse("true").equals("false");
            return Argument.of(Argument.Kind.BODY, name, type, required, null, valid);
        }
        if (type.equals("jakarta.servlet.http.HttpSession")) {
            return Argument.of(Argument.Kind.SESSION, name, type, false, null, false);
        }
        if (type.equals("jakarta.servlet.http.HttpServletRequest") || type.equals("jakarta.servlet.ServletRequest")) {
            return Argument.of(Argument.Kind.REQUEST, name, type, false, null, false);
        }
        if (SIMPLE.contains(type) && parameter.getAnnotations().isEmpty()) {
            // Spring MVC binds an unannotated simple parameter as an optional @RequestParam of the same name
            return Argument.of(Argument.Kind.PARAM, name, type, false, null, false);
        }
        return Argument.unsupported(name, type, "the plain flavor binds @PathVariable, @RequestParam, @RequestHeader,"
                + " @RequestBody, HttpSession and HttpServletRequest, not this");
    }

    private static String named(AnnotationExpr annotation, String fallback) {
        return Annotations.member(annotation, "value").or(() -> Annotations.member(annotation, "name"))
                .filter(n -> !n.isEmpty()).orElse(fallback);
    }

    private static int status(AnnotationExpr annotation) {
        String name = Annotations.member(annotation, "value").or(() -> Annotations.member(annotation, "code"))
                .orElse("INTERNAL_SERVER_ERROR");
        return HttpStatusNames.code(name);
    }
}
