package dev.strangler.analyzer.source.data;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.EntityMapping;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.JType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.Set;

/**
 * The tables a JPA entity (or MongoDB document) is stored in: its primary table, {@code @SecondaryTable}s,
 * {@code @JoinTable}s and {@code @CollectionTable}s, and the entity's table again for each {@code @Embeddable}
 * value it holds.
 */
final class EntityMappings {
    private final TypeIndex index;
    private final EntityCatalog catalog;
    private final IndexedType type;
    private final Facts facts;

    EntityMappings(TypeIndex index, EntityCatalog catalog, IndexedType type, Facts facts) {
        this.index = index;
        this.catalog = catalog;
        this.type = type;
        this.facts = facts;
    }

    private SourceLocation at(Node node) {
        return new SourceLocation(type.scope.path, Trees.line(node));
    }

    void scan() {
        String table = catalog.tableOf(type.name);
        ClassName entity = ClassName.of(type.name);
        if (table != null) {
            facts.entities.add(new EntityMapping(entity, table, at(type.declaration)));
        }
        for (String secondary : new String[]{"SecondaryTable", "SecondaryTables"}) {
            AnnotationExpr annotation = Annotations.find(type.declaration, secondary);
            if (annotation != null) {
                Trees.findAll(annotation, AnnotationExpr.class).stream()
                        .filter(a -> Annotations.simpleName(a).equals("SecondaryTable"))
                        .flatMap(a -> Annotations.strings(a, "name", index, type).stream())
                        .forEach(name -> facts.entities.add(new EntityMapping(entity, name, at(annotation))));
            }
        }
        if (table == null) {
            return;
        }
        for (String further : catalog.furtherTablesOf(type.name)) {
            facts.entities.add(new EntityMapping(entity, further, at(type.declaration)));
        }
        for (BodyDeclaration<?> member : type.declaration.getMembers()) {
            if (!(member instanceof FieldDeclaration) && !(member instanceof MethodDeclaration)) {
                continue;
            }
            if (member instanceof FieldDeclaration field) {
                embedded(entity, table, type, field, 0);
            }
            for (String joinAnnotation : new String[]{"JoinTable", "CollectionTable"}) {
                AnnotationExpr annotation = Annotations.find((NodeWithAnnotations<?>) member,
                        joinAnnotation);
                if (annotation != null) {
                    for (String name : Annotations.strings(annotation, "name", index, type)) {
                        facts.entities.add(new EntityMapping(entity, name, at(annotation)));
                    }
                }
            }
        }
    }

    /**
     * An {@code @Embeddable} value held in a field of an entity (or of an embeddable it holds) is stored in the
     * entity's table, so it maps to that table too.
     */
    private void embedded(ClassName entity, String table, IndexedType owner, FieldDeclaration field, int depth) {
        if (depth > 3 || Annotations.has(field, "ElementCollection", "Transient") || field.isStatic()) {
            return;
        }
        JType fieldType = index.toJType(field.getElementType(), owner, owner.scope, Set.of());
        IndexedType value = fieldType == null || !fieldType.codebase() ? null : index.get(fieldType.name());
        if (value == null || value == owner || !Annotations.has(value.declaration, "Embeddable")) {
            return;
        }
        facts.entities.add(new EntityMapping(ClassName.of(value.name), table, at(field)));
        for (BodyDeclaration<?> member : value.declaration.getMembers()) {
            if (member instanceof FieldDeclaration nested) {
                embedded(entity, table, value, nested, depth + 1);
            }
        }
    }
}
