package dev.strangler.analyzer.source.data;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.strangler.analyzer.core.AccessMode;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.core.TableAccess;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.JType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds MongoDB collections a type reads and writes, each counted as a table: Spring Data repository methods with a
 * JSON {@code @Query}, {@code @Aggregation} (a {@code $out} or {@code $merge} stage writes its target) or
 * {@code @Update}; {@code MongoTemplate}/{@code MongoOperations} and their reactive forms called with a document
 * class ({@code template.update(Process.class)}, {@code newAggregation(Order.class, ...)}) or a collection name;
 * and the Java driver's {@code getCollection("name")}, chained or kept in a field, with the mode of the method
 * called on it. Only files that import a MongoDB package are looked at for calls.
 */
final class MongoScanner {
    private static final Set<String> OPERATIONS = Set.of("find", "findOne", "findAll", "findById", "findDistinct",
            "findAndModify", "findAndRemove", "findAndReplace", "findAllAndRemove", "count", "exactCount",
            "estimatedCount", "exists", "aggregate", "aggregateStream", "aggregateAndReturn", "newAggregation",
            "mapReduce", "query", "stream", "geoNear", "scroll", "insert", "insertAll", "save", "update", "updateFirst",
            "updateMulti", "upsert", "remove", "replace", "bulkOps", "getCollection", "createCollection",
            "dropCollection", "collectionExists", "lookup", "getCollectionName", "tail");
    /** Methods whose first string argument is a collection name even when no document class maps it. */
    private static final Set<String> NAMING = Set.of("getCollection", "createCollection", "dropCollection",
            "collectionExists", "lookup");
    private static final Set<String> DRIVER = Set.of("find", "countDocuments", "estimatedDocumentCount", "aggregate",
            "distinct", "watch", "mapReduce", "listIndexes", "insertOne", "insertMany", "updateOne", "updateMany",
            "replaceOne", "deleteOne", "deleteMany", "findOneAndUpdate", "findOneAndReplace", "findOneAndDelete",
            "bulkWrite", "drop", "createIndex", "createIndexes", "dropIndex", "renameCollection");
    private static final List<String> WRITE_PREFIXES = List.of("insert", "save", "update", "upsert", "remove",
            "replace", "delete", "findAndModify", "findAndRemove", "findAndReplace", "findAllAndRemove", "findOneAnd",
            "bulk", "drop", "create", "rename");
    private static final Pattern OUTPUT_STAGE = Pattern.compile(
            "\\$(?:out|merge)\\s*:\\s*(?:\\{[^}]*?into\\s*:\\s*)?['\"]?([A-Za-z_][\\w.-]*)");

    private final TypeIndex index;
    private final EntityCatalog catalog;
    private final IndexedType type;
    private final Facts facts;
    private final Map<String, String> collectionFields = new HashMap<>();

    MongoScanner(TypeIndex index, EntityCatalog catalog, IndexedType type, Facts facts) {
        this.index = index;
        this.catalog = catalog;
        this.type = type;
        this.facts = facts;
    }

    /** Whether a {@code @Query} holds a MongoDB JSON query rather than JPQL or SQL. */
    static boolean isMongoQuery(AnnotationExpr annotation, TypeIndex index, IndexedType type) {
        List<String> values = Annotations.strings(annotation, "value", index, type);
        return values.isEmpty() ? Annotations.attribute(annotation, "delete") != null
                || Annotations.attribute(annotation, "count") != null
                : values.get(0).strip().startsWith("{");
    }

    static AccessMode mode(String method) {
        for (String prefix : WRITE_PREFIXES) {
            if (method.startsWith(prefix)) {
                return AccessMode.WRITE;
            }
        }
        return AccessMode.READ;
    }

    void scan() {
        repositoryMethods();
        if (!type.scope.importsFrom("org.springframework.data.mongodb") && !type.scope.importsFrom("com.mongodb")) {
            return;
        }
        for (BodyDeclaration<?> member : type.declaration.getMembers()) {
            if (member instanceof FieldDeclaration field) {
                for (VariableDeclarator variable : field.getVariables()) {
                    variable.getInitializer().ifPresent(value -> collectionField(variable.getNameAsString(), value));
                }
            } else if (member instanceof CallableDeclaration<?> callable) {
                Trees.walk(callable, node -> {
                    if (node instanceof AssignExpr assign && assign.getOperator() == AssignExpr.Operator.ASSIGN) {
                        collectionField(targetName(assign.getTarget()), assign.getValue());
                    } else if (node instanceof VariableDeclarator local && local.getInitializer().isPresent()) {
                        collectionField(local.getNameAsString(), local.getInitializer().get());
                    }
                });
            }
        }
        for (BodyDeclaration<?> member : type.declaration.getMembers()) {
            if (member instanceof TypeDeclaration<?>) {
                continue;
            }
            String name = member instanceof CallableDeclaration<?> callable
                    ? (callable.isConstructorDeclaration() ? "<init>" : callable.getNameAsString()) : "";
            Trees.walk(member, node -> {
                if (node instanceof MethodCallExpr call) {
                    call(call, name);
                }
            });
        }
    }

    private void repositoryMethods() {
        if (!type.isInterface) {
            return;
        }
        JType entity = index.repositoryEntity(type);
        if (entity == null || !catalog.isDocument(entity.name())) {
            return;
        }
        String collection = catalog.tableOf(entity.name());
        for (List<MethodDeclaration> overloads : type.methods.values()) {
            for (MethodDeclaration method : overloads) {
                AnnotationExpr query = Annotations.find(method, "Query");
                AnnotationExpr aggregation = Annotations.find(method, "Aggregation");
                if (Annotations.has(method, "Update", "DeleteQuery")
                        || (query != null && Annotations.isTrue(query, "delete"))) {
                    add(method.getNameAsString(), collection, AccessMode.WRITE, method);
                } else if (query != null || aggregation != null || Annotations.has(method, "CountQuery", "ExistsQuery")) {
                    add(method.getNameAsString(), collection, AccessMode.READ, method);
                }
                if (aggregation != null) {
                    List<String> stages = Annotations.firstStrings(aggregation, index, type, "pipeline", "value");
                    Matcher output = OUTPUT_STAGE.matcher(String.join(" ", stages));
                    while (output.find()) {
                        add(method.getNameAsString(), output.group(1), AccessMode.WRITE, method);
                    }
                }
            }
        }
    }

    private void collectionField(String field, Expression value) {
        if (field != null && value instanceof MethodCallExpr call && call.getNameAsString().equals("getCollection")
                && !call.getArguments().isEmpty()) {
            String name = index.evaluateString(call.getArgument(0), type, null);
            if (name != null && !name.isBlank()) {
                collectionFields.put(field, name);
            }
        }
    }

    private static String targetName(Expression target) {
        if (target instanceof NameExpr name) {
            return name.getNameAsString();
        }
        return target instanceof FieldAccessExpr access && access.getScope().isThisExpr() ? access.getNameAsString() : null;
    }

    private void call(MethodCallExpr call, String member) {
        String method = call.getNameAsString();
        String field = call.getScope().map(MongoScanner::targetName).orElse(null);
        if (field != null && collectionFields.containsKey(field) && DRIVER.contains(method)) {
            add(member, collectionFields.get(field), mode(method), call);
            return;
        }
        if (!OPERATIONS.contains(method) || (method.equals("getCollection") && keptForLater(call))) {
            return;
        }
        boolean first = true;
        for (Expression argument : call.getArguments()) {
            if (argument instanceof ClassExpr literal) {
                JType document = index.toJType(literal.getType(), type, type.scope, Set.of());
                if (document != null && catalog.isDocument(document.name())) {
                    add(member, catalog.tableOf(document.name()), mode(method), call);
                }
            } else if (argument instanceof StringLiteralExpr || argument instanceof NameExpr
                    || argument instanceof FieldAccessExpr) {
                String name = index.evaluateString(argument, type, null);
                if (name != null && !name.isBlank() && ((first && NAMING.contains(method))
                        || catalog.collections().contains(name.toLowerCase(java.util.Locale.ROOT)))) {
                    add(member, name, chainedMode(call, method), call);
                }
            }
            first = false;
        }
    }

    /** A collection kept in a field or local is counted where it is used, not where it is looked up. */
    private static boolean keptForLater(MethodCallExpr call) {
        Node parent = call.getParentNode().orElse(null);
        return parent instanceof VariableDeclarator || (parent instanceof AssignExpr assign && assign.getValue() == call);
    }

    /** {@code db.getCollection("x").insertOne(...)} writes: the mode of the call made on the collection. */
    private static AccessMode chainedMode(MethodCallExpr call, String method) {
        if (method.equals("getCollection") && call.getParentNode().orElse(null) instanceof MethodCallExpr outer
                && outer.getScope().map(scope -> scope == call).orElse(false)) {
            return mode(outer.getNameAsString());
        }
        return method.equals("getCollection") || method.equals("lookup") ? AccessMode.READ : mode(method);
    }

    private void add(String member, String collection, AccessMode mode, Node at) {
        facts.tableAccesses.add(new TableAccess(ClassName.of(type.name), member, collection, mode,
                DataAccessOrigin.MONGODB, new SourceLocation(type.scope.path, Trees.line(at))));
    }
}
