package dev.strangler.extraction.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;

import java.util.Locale;

/** The table a JPA entity lives in: its {@code @Table(name = ...)}, else the name Spring Boot's naming gives it. */
final class EntityTables {
    private EntityTables() {
    }

    static String table(String entityClass, CompilationUnit unit) {
        return TypeRoles.primaryType(unit, entityClass).flatMap(t -> t.getAnnotationByName("Table"))
                .flatMap(EntityTables::name)
                .orElseGet(() -> snakeCase(entityClass.substring(entityClass.lastIndexOf('.') + 1)));
    }

    private static java.util.Optional<String> name(AnnotationExpr table) {
        if (table instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream().filter(p -> p.getNameAsString().equals("name"))
                    .map(MemberValuePair::getValue).filter(v -> v instanceof StringLiteralExpr)
                    .map(v -> ((StringLiteralExpr) v).asString()).filter(n -> !n.isBlank()).findFirst();
        }
        return java.util.Optional.empty();
    }

    /** {@code StockItem} → {@code stock_item}, as Spring Boot's {@code CamelCaseToUnderscoresNamingStrategy}. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
