package dev.strangler.analyzer.source.data;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.strangler.analyzer.core.AccessMode;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.RepositoryBinding;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.core.TableAccess;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.JType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Spring Data repository interface: the entity it serves, the reads (and, unless it extends the bare
 * {@code Repository}, the writes) its inherited methods make on the entity's table, and those of its derived query
 * methods ({@code findByName}, {@code deleteByOrder}), by their names' first word.
 */
final class RepositoryAccess {
    private static final Set<String> READ_PREFIXES = Set.of("find", "read", "get", "query", "search", "stream", "count",
            "exists", "list", "load", "select", "fetch");
    private static final Set<String> WRITE_PREFIXES = Set.of("save", "delete", "remove", "update", "insert", "persist",
            "merge", "create", "add", "store", "flush");

    private RepositoryAccess() {
    }

    static void scan(TypeIndex index, EntityCatalog catalog, IndexedType type, Facts facts) {
        if (!type.isInterface) {
            return;
        }
        JType entity = index.repositoryEntity(type);
        if (entity == null) {
            return;
        }
        ClassName repository = ClassName.of(type.name);
        facts.repositories.add(new RepositoryBinding(repository, ClassName.of(entity.name()), at(type, type.declaration)));
        String table = catalog.tableOf(entity.name());
        if (table == null) {
            return;
        }
        Set<String> supertypes = index.supertypeNames(type);
        facts.tableAccesses.add(new TableAccess(repository, "", table, AccessMode.READ, DataAccessOrigin.SPRING_DATA,
                at(type, type.declaration)));
        if (!(supertypes.size() == 1 && supertypes.contains("Repository"))) {
            facts.tableAccesses.add(new TableAccess(repository, "", table, AccessMode.WRITE,
                    DataAccessOrigin.SPRING_DATA, at(type, type.declaration)));
        }
        for (List<MethodDeclaration> overloads : type.methods.values()) {
            for (MethodDeclaration method : overloads) {
                if (Annotations.has(method, "Query") || method.getBody().isPresent()) {
                    continue;
                }
                AccessMode mode = derivedQueryMode(method.getNameAsString());
                if (mode != null) {
                    facts.tableAccesses.add(new TableAccess(repository, method.getNameAsString(), table, mode,
                            DataAccessOrigin.SPRING_DATA, at(type, method)));
                }
            }
        }
    }

    /** A derived query's access by its name's first word: writes first ({@code deleteBy...}), then reads; else null. */
    static AccessMode derivedQueryMode(String method) {
        String lower = method.toLowerCase(Locale.ROOT);
        for (String prefix : WRITE_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return AccessMode.WRITE;
            }
        }
        for (String prefix : READ_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return AccessMode.READ;
            }
        }
        return null;
    }

    private static SourceLocation at(IndexedType type, Node node) {
        return new SourceLocation(type.scope.path, Trees.line(node));
    }
}
