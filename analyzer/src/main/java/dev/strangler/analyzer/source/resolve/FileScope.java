package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.Name;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The names a compilation unit sees through its package and imports. */
public final class FileScope {
    public final String path;
    public final String packageName;
    final Map<String, String> singleImports = new HashMap<>();
    public final List<String> wildcardImports = new ArrayList<>();
    /** static member name → qualified name of the type it is imported from */
    final Map<String, String> staticImports = new HashMap<>();
    final List<String> staticWildcardImports = new ArrayList<>();
    /** the single and wildcard imports, sorted: those that start with a prefix are a run from the prefix's place on */
    private final String[] sortedImports;

    public FileScope(String path, CompilationUnit unit) {
        this.path = path;
        this.packageName = unit.getPackageDeclaration().map(p -> dotted(p.getName())).orElse("");
        for (ImportDeclaration declaration : unit.getImports()) {
            String name = dotted(declaration.getName());
            if (declaration.isStatic()) {
                if (declaration.isAsterisk()) {
                    staticWildcardImports.add(name);
                } else {
                    int dot = name.lastIndexOf('.');
                    if (dot > 0) {
                        staticImports.put(name.substring(dot + 1), name.substring(0, dot));
                    }
                }
            } else if (declaration.isAsterisk()) {
                wildcardImports.add(name);
            } else {
                singleImports.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
        List<String> imports = new ArrayList<>(singleImports.values());
        imports.addAll(wildcardImports);
        sortedImports = imports.toArray(String[]::new);
        Arrays.sort(sortedImports);
    }

    /**
     * The name as {@link Name#asString()} gives it, built in one buffer: asString builds a string for each
     * qualifier in turn, which was the larger part of making the scopes of a tree's files.
     */
    static String dotted(Name name) {
        if (!name.hasQualifier()) {
            return name.getIdentifier();
        }
        int parts = 0;
        int length = -1;
        for (Name part = name; part != null; part = part.getQualifier().orElse(null)) {
            parts++;
            length += part.getIdentifier().length() + 1;
        }
        String[] identifiers = new String[parts];
        for (Name part = name; part != null; part = part.getQualifier().orElse(null)) {
            identifiers[--parts] = part.getIdentifier();
        }
        StringBuilder dotted = new StringBuilder(length).append(identifiers[0]);
        for (int i = 1; i < identifiers.length; i++) {
            dotted.append('.').append(identifiers[i]);
        }
        return dotted.toString();
    }

    public String qualify(String simpleName) {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }

    /** Whether a single or wildcard import starts with {@code prefix} (as text: "org.apache.struts" covers struts2). */
    public boolean importsFrom(String prefix) {
        int found = Arrays.binarySearch(sortedImports, prefix);
        if (found >= 0) {
            return true;
        }
        int next = -found - 1;
        return next < sortedImports.length && sortedImports[next].startsWith(prefix);
    }
}
