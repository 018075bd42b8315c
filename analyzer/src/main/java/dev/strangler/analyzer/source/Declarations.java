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
import java.util.concurrent.ExecutorService;

/** The type index made from the parsed files, the types each declares, and what their imports tell. */
record Declarations(TypeIndex index, List<List<IndexedType>> typesPerFile, boolean spring,
                   DataFrameworks frameworks) {
    /**
     * Each file's scope and types worked out on {@code pool} (in {@code order}, the largest files first), then
     * indexed in file order on this thread, so the index is the same whatever the threads did.
     */
    static Declarations of(List<ParsedFile> parsed, LibraryIndex libraries, ExecutorService pool, List<Integer> order) {
        List<Declared> perFile = ScanPool.runAll(pool, parsed, order, Declarations::declared);
        TypeIndex index = new TypeIndex(libraries);
        List<List<IndexedType>> typesPerFile = new ArrayList<>(perFile.size());
        boolean spring = false;
        DataFrameworks frameworks = new DataFrameworks();
        for (Declared file : perFile) {
            if (file.scope() != null) {
                spring |= file.scope().importsFrom("org.springframework.boot");
                frameworks.imports(file.scope());
                file.types().forEach(index::add);
            }
            typesPerFile.add(file.types());
        }
        index.link();
        return new Declarations(index, typesPerFile, spring, frameworks);
    }

    /** One file's scope (null without a tree) and the types it declares, nested ones after their outer type. */
    private record Declared(FileScope scope, List<IndexedType> types) {
    }

    private static Declared declared(ParsedFile file) {
        if (file.unit() == null) {
            return new Declared(null, new ArrayList<>());
        }
        FileScope scope = new FileScope(file.path(), file.unit());
        List<IndexedType> declared = new ArrayList<>();
        for (TypeDeclaration<?> type : file.unit().getTypes()) {
            declare(type, scope, null, declared);
        }
        return new Declared(scope, declared);
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
