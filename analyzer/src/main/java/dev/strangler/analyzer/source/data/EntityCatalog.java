package dev.strangler.analyzer.source.data;

import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tree's JPA entities and their primary tables (from annotations and {@code orm.xml}), the names JPQL uses for
 * them, and the Spring Data MongoDB documents with their collections, which the model counts as tables. Built once
 * after the index, then read-only.
 */
public final class EntityCatalog {
    private final Map<String, String> tableByEntity = new TreeMap<>();
    private final Map<String, String> entityByJpqlName = new HashMap<>();
    private final Set<String> documents = new TreeSet<>();
    private final Set<String> collections = new TreeSet<>();
    private final Map<String, List<String>> furtherTables = new HashMap<>();
    private final boolean snakeCaseDefaults;

    /**
     * @param snakeCaseDefaults whether unnamed tables follow Spring Boot's default physical naming
     *                          ({@code OrderLine} → {@code order_line}) rather than plain JPA ({@code OrderLine})
     */
    public EntityCatalog(TypeIndex index, boolean snakeCaseDefaults) {
        this.snakeCaseDefaults = snakeCaseDefaults;
        for (IndexedType type : index.all()) {
            AnnotationExpr entity = Annotations.find(type.declaration, "Entity");
            if (entity == null) {
                document(index, type);
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

    /**
     * A Spring Data MongoDB {@code @Document}: its collection is {@code collection} or {@code value}, else the
     * simple class name with a lower-case first letter, as Spring Data names it.
     */
    private void document(TypeIndex index, IndexedType type) {
        AnnotationExpr document = Annotations.find(type.declaration, "Document");
        if (document == null || !type.scope.importsFrom("org.springframework.data.mongodb")) {
            return;
        }
        List<String> names = Annotations.strings(document, "collection", index, type);
        if (names.isEmpty() || names.get(0).isBlank()) {
            names = Annotations.strings(document, "value", index, type);
        }
        String simple = type.simpleName();
        String collection = names.isEmpty() || names.get(0).isBlank()
                ? Character.toLowerCase(simple.charAt(0)) + simple.substring(1) : names.get(0);
        tableByEntity.put(type.name, collection);
        documents.add(type.name);
        collections.add(dev.strangler.analyzer.core.Tables.normalize(collection));
    }

    /** Adds the entities of JPA mapping files, which win over annotations. */
    public void addMappingFileEntities(List<OrmXml.Entity> entities) {
        for (OrmXml.Entity entity : entities) {
            if (entity.secondary()) {
                furtherTables.computeIfAbsent(entity.className(), k -> new java.util.ArrayList<>()).add(entity.table());
                continue;
            }
            String simple = entity.className().substring(entity.className().lastIndexOf('.') + 1);
            String entityName = entity.entityName().isEmpty() ? simple : entity.entityName();
            String table = entity.table().isEmpty()
                    ? tableByEntity.getOrDefault(entity.className(), defaultName(entityName)) : entity.table();
            tableByEntity.put(entity.className(), table);
            entityByJpqlName.put(entityName, entity.className());
            entityByJpqlName.putIfAbsent(simple, entity.className());
        }
    }

    /** The tables of a class's collections that a mapping file names, beside its own table. */
    List<String> furtherTablesOf(String entityClass) {
        return furtherTables.getOrDefault(entityClass, List.of());
    }

    /** Whether the class is a MongoDB document, stored in a collection rather than a table. */
    boolean isDocument(String entityClass) {
        return documents.contains(entityClass);
    }

    /** The collections of the MongoDB documents, as the model names them. */
    Set<String> collections() {
        return collections;
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

    /** The entity class JPQL names {@code name} (entity name, simple or qualified class name), or null. */
    String entityNamed(String name) {
        String entity = entityByJpqlName.get(name);
        return entity != null || !tableByEntity.containsKey(name) || documents.contains(name) ? entity : name;
    }

    boolean isEmpty() {
        return tableByEntity.isEmpty();
    }
}
