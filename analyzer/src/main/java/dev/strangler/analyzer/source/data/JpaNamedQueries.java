package dev.strangler.analyzer.source.data;

import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.List;

/**
 * Collects the JPA named queries declared by annotation ({@code @NamedQuery}, {@code @NamedNativeQuery} and their
 * plural containers) into {@link NamedStatements}, so that {@code createNamedQuery("Cargo.findAll")} counts for
 * the method calling it, not only for the entity declaring it.
 */
public final class JpaNamedQueries {
    private JpaNamedQueries() {
    }

    public static void collect(TypeIndex index, NamedStatements statements) {
        for (IndexedType type : index.all()) {
            for (AnnotationExpr annotation : type.declaration.getAnnotations()) {
                String name = Annotations.simpleName(annotation);
                if (name.equals("NamedQueries") || name.equals("NamedNativeQueries")) {
                    Trees.findAll(annotation, AnnotationExpr.class).stream().filter(a -> a != annotation)
                            .forEach(a -> add(index, type, a, statements));
                } else {
                    add(index, type, annotation, statements);
                }
            }
        }
    }

    private static void add(TypeIndex index, IndexedType type, AnnotationExpr annotation, NamedStatements statements) {
        String kind = Annotations.simpleName(annotation);
        if (!kind.equals("NamedQuery") && !kind.equals("NamedNativeQuery")) {
            return;
        }
        List<String> names = Annotations.strings(annotation, "name", index, type);
        List<String> queries = Annotations.strings(annotation, "query", index, type);
        if (names.isEmpty() || queries.isEmpty()) {
            return;
        }
        statements.add(new NamedStatements.Statement(names.get(0), queries.get(0),
                kind.equals("NamedQuery") ? DataAccessOrigin.JPQL : DataAccessOrigin.NATIVE_SQL,
                new SourceLocation(type.scope.path, Trees.line(annotation))));
    }
}
