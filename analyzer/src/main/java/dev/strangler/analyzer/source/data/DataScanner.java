package dev.strangler.analyzer.source.data;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import dev.strangler.analyzer.core.AccessMode;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds what a type stores and queries: JPA mappings ({@link EntityMappings}), Spring Data repositories with their
 * entities ({@link RepositoryAccess}), SQL or JPQL in annotations and in string arguments of calls and of
 * {@code super(...)} (literals, constants, locals and their concatenations), statements run by name
 * ({@link NamedStatements}), and MongoDB access ({@link MongoScanner}).
 */
public final class DataScanner {
    private static final Set<String> JPQL_METHODS = Set.of("createQuery", "createTypedQuery");
    private static final Set<String> NATIVE_METHODS = Set.of("createNativeQuery", "createSQLQuery", "createNativeMutationQuery");
    private static final Set<String> ENTITY_MANAGER_READS = Set.of("find", "getReference", "createQuery", "createNamedQuery",
            "get", "load");
    private static final Set<String> MYBATIS_ANNOTATIONS = Set.of("Select", "Insert", "Update", "Delete");
    /** Spring JDBC operation objects: their SQL, given to the constructor, is run by whichever method is called. */
    private static final Set<String> OPERATION_OBJECTS = Set.of("RdbmsOperation", "SqlOperation", "SqlQuery",
            "MappingSqlQuery", "MappingSqlQueryWithParameters", "UpdatableSqlQuery", "SqlUpdate", "BatchSqlUpdate",
            "SqlCall", "StoredProcedure", "SqlFunction", "GeneratedKeysSqlUpdate");

    private final TypeIndex index;
    private final EntityCatalog catalog;
    private final SqlTables sql;
    private final NamedStatements named;
    private final IndexedType type;
    private final Facts facts;
    private final String path;

    public DataScanner(TypeIndex index, EntityCatalog catalog, SqlTables sql, NamedStatements named, IndexedType type,
                Facts facts) {
        this.index = index;
        this.catalog = catalog;
        this.sql = sql;
        this.named = named;
        this.type = type;
        this.facts = facts;
        this.path = type.scope.path;
    }

    public void scan() {
        new EntityMappings(index, catalog, type, facts).scan();
        RepositoryAccess.scan(index, catalog, type, facts);
        boolean operationObject = type.declaration instanceof ClassOrInterfaceDeclaration declaration
                && !declaration.isInterface() && declaration.getExtendedTypes().isNonEmpty()
                && index.supertypeNames(type).stream().anyMatch(OPERATION_OBJECTS::contains);
        for (BodyDeclaration<?> member : type.declaration.getMembers()) {
            if (member instanceof TypeDeclaration<?>) {
                continue;
            }
            String name = member instanceof CallableDeclaration<?> callable
                    ? (callable.isConstructorDeclaration() ? (operationObject ? "" : "<init>") : callable.getNameAsString())
                    : "";
            if (member instanceof MethodDeclaration method) {
                annotatedSql(method, method.getNameAsString());
            }
            if (member instanceof FieldDeclaration || member instanceof CallableDeclaration<?>
                    || member instanceof InitializerDeclaration) {
                statements(member, name);
            }
        }
        namedQueries();
        new MongoScanner(index, catalog, type, facts).scan();
    }

    private SourceLocation at(Node node) {
        return new SourceLocation(path, Trees.line(node));
    }

    private void annotatedSql(MethodDeclaration method, String member) {
        for (AnnotationExpr annotation : method.getAnnotations()) {
            String name = Annotations.simpleName(annotation);
            if (name.equals("Query") && !MongoScanner.isMongoQuery(annotation, index, type)) {
                boolean nativeQuery = Annotations.isTrue(annotation, "nativeQuery");
                for (String text : Annotations.strings(annotation, "value", index, type)) {
                    record(text, member, nativeQuery ? DataAccessOrigin.NATIVE_SQL : DataAccessOrigin.JPQL, at(annotation));
                }
            } else if (MYBATIS_ANNOTATIONS.contains(name) && type.isInterface) {
                List<String> parts = Annotations.strings(annotation, "value", index, type);
                if (!parts.isEmpty()) {
                    record(String.join(" ", parts), member, DataAccessOrigin.MYBATIS, at(annotation));
                }
            } else if (name.equals("SqlQuery") || name.equals("SqlUpdate")) {
                for (String text : Annotations.strings(annotation, "value", index, type)) {
                    record(text, member, DataAccessOrigin.JDBC, at(annotation));
                }
            }
        }
    }

    private void namedQueries() {
        for (AnnotationExpr annotation : type.declaration.getAnnotations()) {
            String name = Annotations.simpleName(annotation);
            if (name.equals("NamedQueries") || name.equals("NamedNativeQueries")) {
                Trees.findAll(annotation, AnnotationExpr.class).stream().filter(a -> a != annotation).forEach(this::namedQuery);
            } else {
                namedQuery(annotation);
            }
        }
    }

    private void namedQuery(AnnotationExpr annotation) {
        String name = Annotations.simpleName(annotation);
        if (name.equals("NamedQuery") || name.equals("NamedNativeQuery")) {
            DataAccessOrigin origin = name.equals("NamedQuery") ? DataAccessOrigin.JPQL : DataAccessOrigin.NATIVE_SQL;
            List<String> names = Annotations.strings(annotation, "name", index, type);
            for (String text : Annotations.strings(annotation, "query", index, type)) {
                record(text, names.isEmpty() ? "" : names.get(0), origin, at(annotation));
            }
        }
    }

    /** SQL handed to calls in one member's code, and entities named by class literal in EntityManager calls. */
    private void statements(Node member, String memberName) {
        Map<String, Expression> locals = new HashMap<>();
        Trees.walk(member, node -> {
            if (node instanceof VariableDeclarator variable && variable.getInitializer().isPresent()
                    && !(variable.getParentNode().orElse(null) instanceof FieldDeclaration)) {
                locals.put(variable.getNameAsString(), variable.getInitializer().get());
            } else if (node instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr target
                    && assign.getOperator() == AssignExpr.Operator.ASSIGN) {
                locals.put(target.getNameAsString(), assign.getValue());
            } else if (node instanceof MethodCallExpr call) {
                call(call.getNameAsString(), call.getArguments(), call, memberName, locals);
            } else if (node instanceof ExplicitConstructorInvocationStmt invocation) {
                call(invocation.isThis() ? "this" : "super", invocation.getArguments(), invocation, memberName, locals);
            }
        });
    }

    private void call(String method, NodeList<Expression> arguments, Node call, String member,
                      Map<String, Expression> locals) {
        DataAccessOrigin origin = JPQL_METHODS.contains(method) ? DataAccessOrigin.JPQL
                : NATIVE_METHODS.contains(method) ? DataAccessOrigin.NATIVE_SQL : DataAccessOrigin.JDBC;
        for (Expression argument : arguments) {
            if (argument instanceof ClassExpr literal && ENTITY_MANAGER_READS.contains(method)) {
                JType entity = index.toJType(literal.getType(), type, type.scope, Set.of());
                String table = entity == null || catalog.isDocument(entity.name()) ? null : catalog.tableOf(entity.name());
                if (table != null && !method.startsWith("create")) {
                    facts.tableAccesses.add(new TableAccess(ClassName.of(type.name), member, table, AccessMode.READ,
                            DataAccessOrigin.JPA_ENTITY, at(call)));
                }
                continue;
            }
            if (argument.isLambdaExpr() || argument.isObjectCreationExpr() || argument instanceof ArrayInitializerExpr) {
                continue;
            }
            String text = index.evaluateTemplate(argument, type, locals);
            if (text == null) {
                continue;
            }
            List<NamedStatements.Statement> statements = named.lookup(text, method);
            statements.forEach(statement -> facts.statementsUsed.add(statement.location()));
            if (!statements.isEmpty()) {
                // the variants of one name (per database) count as one statement, at the first one's place
                for (NamedStatements.Statement statement : statements) {
                    record(statement.text(), member, statement.origin(), statement.location(),
                            statements.get(0).location());
                }
                continue;
            }
            boolean jpqlCall = origin == DataAccessOrigin.JPQL && (text.strip().toLowerCase(Locale.ROOT).startsWith("from")
                    || SqlTables.looksLikeSql(text));
            if (jpqlCall || SqlTables.looksLikeSql(text)) {
                record(text, member, origin, at(call));
            }
        }
    }

    private void record(String text, String member, DataAccessOrigin origin, SourceLocation location) {
        record(text, member, origin, location, location);
    }

    /** Records the statement's tables at {@code accessLocation}; what the parser says about it goes to {@code location}. */
    private void record(String text, String member, DataAccessOrigin origin, SourceLocation location,
                        SourceLocation accessLocation) {
        SqlTables.Result result = sql.tables(text);
        boolean jpql = origin == DataAccessOrigin.JPQL;
        if (!result.parsed()) {
            facts.problems.add(new Problem(location.path(), location.line(), 0, jpql ? Severity.NOTE : Severity.WARNING,
                    (jpql ? "JPQL" : "SQL") + " not understood by the SQL parser, tables found by keyword scan: "
                            + abbreviate(text)));
        } else if (result.runtimeTable()) {
            facts.problems.add(new Problem(location.path(), location.line(), 0, Severity.NOTE, (jpql
                    ? "JPQL names an entity" : "SQL names a table") + " computed at run time, which is left out: "
                    + abbreviate(text)));
        }
        ClassName accessor = ClassName.of(type.name);
        for (Map.Entry<String, AccessMode> entry : result.tables().entrySet()) {
            String table = entry.getKey();
            if (jpql) {
                String entity = catalog.entityNamed(table);
                if (entity == null) {
                    continue; // a path such as o.lines, or an entity outside the tree
                }
                table = catalog.tableOf(entity);
            }
            try {
                facts.tableAccesses.add(new TableAccess(accessor, member, table, entry.getValue(), origin, accessLocation));
            } catch (IllegalArgumentException e) {
                facts.problems.add(new Problem(location.path(), location.line(), 0, Severity.WARNING,
                        "unusable table name '" + table + "' in " + abbreviate(text)));
            }
        }
    }

    static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }
}
