package dev.strangler.analyzer.source;

import com.github.javaparser.ast.expr.AnnotationExpr;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tree's JPA entities and their primary tables, and the names JPQL uses for them. Built once after the index,
 * then read-only.
 */
final class EntityCatalog {
    private final Map<String, String> tableByEntity = new TreeMap<>();
    private final Map<String, String> entityByJpqlName = new HashMap<>();
    private final boolean snakeCaseDefaults;

    /**
     * @param snakeCaseDefaults whether unnamed tables follow Spring Boot's default physical naming
     *                          ({@code OrderLine} → {@code order_line}) rather than plain JPA ({@code OrderLine})
     */
    EntityCatalog(TypeIndex index, boolean snakeCaseDefaults) {
        this.snakeCaseDefaults = snakeCaseDefaults;
        for (IndexedType type : index.all()) {
            AnnotationExpr entity = Annotations.find(type.declaration, "Entity");
            if (entity == null) {
                continue;
            }
            List<String> names = Annotations.strings(entity, "name", index, type);
            String entityName = names.isEmpty() ? type.simpleName() : names.get(0);
            AnnotationExpr table = Annotations.find(type.declaration, "Table");
            List<String> tableNames = table == null ? List.of() : Annotations.strings(table, "name", index, type);
            String tableName = tableNames.isEmpty() || tableNames.get(0).isBlank()
                    ? defaultName(entityName) : tableNames.get(0);
            if (table != null) {
                List<String> schema = Annotations.strings(table, "schema", index, type);
                if (!schema.isEmpty() && !schema.get(0).isBlank() && !tableName.contains(".")) {
                    tableName = schema.get(0) + "." + tableName;
                }
            }
            tableByEntity.put(type.name, tableName);
            entityByJpqlName.put(entityName, type.name);
            entityByJpqlName.putIfAbsent(type.simpleName(), type.name);
        }
    }

    String defaultName(String name) {
        return snakeCaseDefaults ? snakeCase(name) : name;
    }

    static String snakeCase(String name) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
                result.append('_');
            }
            result.append(Character.toLowerCase(c));
        }
        return result.toString().replace('.', '_').toLowerCase(Locale.ROOT);
    }

    /** The primary table of an entity class, or null when the class is not an entity. */
    String tableOf(String entityClass) {
        return tableByEntity.get(entityClass);
    }

    /** The entity class JPQL names {@code name} (entity name, or simple class name), or null. */
    String entityNamed(String name) {
        return entityByJpqlName.get(name);
    }

    boolean isEmpty() {
        return tableByEntity.isEmpty();
    }
}
