package dev.strangler.analyzer.source;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.core.TypeInfo;
import dev.strangler.analyzer.core.TypeKind;
import dev.strangler.analyzer.source.data.DataScanner;
import dev.strangler.analyzer.source.data.EntityCatalog;
import dev.strangler.analyzer.source.data.NamedStatements;
import dev.strangler.analyzer.source.data.SqlTables;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.frameworks.EntryPoints;
import dev.strangler.analyzer.source.parse.ParsedFile;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.JType;
import dev.strangler.analyzer.source.resolve.Stereotypes;
import dev.strangler.analyzer.source.resolve.TypeIndex;
import dev.strangler.analyzer.source.resolve.TypeScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The second pass over one parsed file: its types' model, dependencies, data access, entry points and risks, resolved
 * against the index of every file. A type whose analysis fails is reported as a problem; the others still count.
 */
final class FileAnalysis {

    private FileAnalysis() {
    }

    static Facts analyse(ParsedFile file, List<IndexedType> types, TypeIndex index, EntityCatalog catalog,
                                 SqlTables sql, NamedStatements named, String applicationPath) {
        Facts facts = new Facts();
        facts.problems.addAll(file.problems());
        for (IndexedType type : types) {
            try {
                facts.types.add(typeInfo(file, type, index));
                new TypeScanner(index, type, facts).scan();
                new DataScanner(index, catalog, sql, named, type, facts).scan();
                EntryPoints entryPoints = new EntryPoints(index, type, applicationPath);
                facts.entryPoints.addAll(entryPoints.find());
                facts.jaxRsRoots.addAll(entryPoints.jaxRsRoots());
                facts.jaxRsLocators.addAll(entryPoints.jaxRsLocators());
                facts.jaxRsRelativeRoutes.addAll(entryPoints.jaxRsRelativeRoutes());
                facts.risks.addAll(new RiskScanner(index, type).scan());
            } catch (RuntimeException | StackOverflowError e) {
                facts.problems.add(new Problem(file.path(), Trees.line(type.declaration), 0, Severity.ERROR,
                        "analysis of " + type.name + " stopped early (" + e + "); its model may be incomplete"));
            }
        }
        return facts;
    }

    private static TypeInfo typeInfo(ParsedFile file, IndexedType type, TypeIndex index) {
        TypeDeclaration<?> declaration = type.declaration;
        int first = Trees.line(declaration);
        int last = declaration.getEnd().map(p -> p.line).orElse(first);
        int lines = file.codeLinesBetween(first, last);
        for (BodyDeclaration<?> member : declaration.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                lines -= file.codeLinesBetween(Trees.line(nested), nested.getEnd().map(p -> p.line).orElse(0));
            }
        }
        SortedSet<String> annotations = new TreeSet<>();
        for (AnnotationExpr annotation : declaration.getAnnotations()) {
            TypeIndex.Resolution resolution = index.resolve(annotation.getNameAsString(), type, type.scope, Set.of());
            annotations.add(resolution.outcome() == TypeIndex.Outcome.UNKNOWN ? annotation.getNameAsString() : resolution.name());
        }
        List<ClassName> supertypes = new ArrayList<>();
        for (JType supertype : index.supertypes(type)) {
            if (supertype.name().contains(".") || supertype.codebase()) {
                supertypes.add(ClassName.of(supertype.name()));
            }
        }
        return new TypeInfo(ClassName.of(type.name), kind(type), new SourceLocation(file.path(), first), Math.max(0, lines),
                annotations, Stereotypes.of(index, type), supertypes);
    }

    private static TypeKind kind(IndexedType type) {
        TypeDeclaration<?> declaration = type.declaration;
        if (declaration.isEnumDeclaration()) {
            return TypeKind.ENUM;
        }
        if (declaration.isRecordDeclaration()) {
            return TypeKind.RECORD;
        }
        if (declaration.isAnnotationDeclaration()) {
            return TypeKind.ANNOTATION;
        }
        return type.isInterface ? TypeKind.INTERFACE : TypeKind.CLASS;
    }
}
