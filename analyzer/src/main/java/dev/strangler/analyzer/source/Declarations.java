package dev.strangler.analyzer.source;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.strangler.analyzer.source.data.DataFrameworks;
import dev.strangler.analyzer.source.parse.ParsedFile;
import dev.strangler.analyzer.source.resolve.FileScope;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.LibraryIndex;
import dev.strangler.analyzer.source.resolve.TypeIndex;
import java.util.ArrayList;
import java.util.List;

/** The type index made from the parsed files, the types each declares, and what their imports tell. */
record Declarations(TypeIndex index, List<List<IndexedType>> typesPerFile, boolean spring,
                   DataFrameworks frameworks) {
    static Declarations of(List<ParsedFile> parsed, LibraryIndex libraries) {
        TypeIndex index = new TypeIndex(libraries);
        List<List<IndexedType>> typesPerFile = new ArrayList<>();
        boolean spring = false;
        DataFrameworks frameworks = new DataFrameworks();
        for (ParsedFile file : parsed) {
            List<IndexedType> declared = new ArrayList<>();
            if (file.unit() != null) {
                FileScope scope = new FileScope(file.path(), file.unit());
                spring |= scope.importsFrom("org.springframework.boot");
                frameworks.imports(scope);
                for (TypeDeclaration<?> type : file.unit().getTypes()) {
                    declare(type, scope, null, declared);
                }
                declared.forEach(index::add);
            }
            typesPerFile.add(declared);
        }
        index.link();
        return new Declarations(index, typesPerFile, spring, frameworks);
    }

    private static void declare(TypeDeclaration<?> type, FileScope scope, IndexedType outer, List<IndexedType> declared) {
        String name = outer == null ? scope.qualify(type.getNameAsString()) : outer.name + "." + type.getNameAsString();
        IndexedType indexed = new IndexedType(name, type, scope, outer);
        declared.add(indexed);
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                declare(nested, scope, indexed, declared);
            }
        }
    }
}
