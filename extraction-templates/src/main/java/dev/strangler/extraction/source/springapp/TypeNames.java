package dev.strangler.extraction.source.springapp;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves the type names of one compilation unit to fully qualified names without a symbol solver: single-type
 * imports, the unit's own package, wildcard imports of known classes, then {@code java.lang}. A name none of these
 * explains is taken for one of the unit's package (a class the sources given do not include).
 */
final class TypeNames {

    private final Map<String, String> imports = new HashMap<>();
    private final Set<String> wildcards;
    private final String packageName;
    private final Set<String> known;

    TypeNames(CompilationUnit unit, Set<String> known) {
        this.known = known;
        this.packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (ImportDeclaration declaration : unit.getImports()) {
            if (!declaration.isAsterisk() && !declaration.isStatic()) {
                String name = declaration.getNameAsString();
                imports.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
        this.wildcards = unit.getImports().stream().filter(i -> i.isAsterisk() && !i.isStatic())
                .map(ImportDeclaration::getNameAsString).collect(Collectors.toSet());
    }

    /** The erased, fully qualified name: {@code List<Long>} is {@code java.util.List}, {@code int[]} stays. */
    String erased(Type type) {
        if (type.isPrimitiveType() || type.isVoidType()) {
            return type.asString();
        }
        if (type.isArrayType()) {
            return erased(type.asArrayType().getComponentType()) + "[]";
        }
        if (type.isClassOrInterfaceType()) {
            return resolve(type.asClassOrInterfaceType().getNameWithScope());
        }
        return type.asString();
    }

    /** The type with its arguments resolved too: {@code java.util.List<com.a.B>}. */
    String generic(Type type) {
        if (type.isClassOrInterfaceType()) {
            ClassOrInterfaceType c = type.asClassOrInterfaceType();
            String raw = resolve(c.getNameWithScope());
            return c.getTypeArguments().map(args -> raw + "<" + args.stream().map(this::generic)
                    .collect(Collectors.joining(", ")) + ">").orElse(raw);
        }
        if (type.isWildcardType()) {
            return "?";
        }
        return erased(type);
    }

    String resolve(String name) {
        String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String rest = name.substring(first.length());
        if (imports.containsKey(first)) {
            return imports.get(first) + rest;
        }
        String local = packageName.isEmpty() ? first : packageName + "." + first;
        if (known.contains(local)) {
            return local + rest;
        }
        for (String wildcard : wildcards) {
            if (known.contains(wildcard + "." + first)) {
                return wildcard + "." + first + rest;
            }
        }
        if (isJavaLang(first)) {
            return "java.lang." + name;
        }
        // not imported by name: Java finds it in the unit's own package unless a wildcard import has it
        return local + rest;
    }

    private static boolean isJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, TypeNames.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
