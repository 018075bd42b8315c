package dev.strangler.analyzer.source;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.strangler.analyzer.cache.CacheLookup;
import dev.strangler.analyzer.cache.ScanCache;
import dev.strangler.analyzer.cache.ScanInputs;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.CodebaseStats;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.EntityMapping;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.FrameworkCoverage;
import dev.strangler.analyzer.core.MethodInfo;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.core.RepositoryBinding;
import dev.strangler.analyzer.core.Risk;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.core.TableAccess;
import dev.strangler.analyzer.core.TypeInfo;
import dev.strangler.analyzer.core.TypeKind;
import dev.strangler.analyzer.source.data.DataDescriptors;
import dev.strangler.analyzer.source.data.DataFrameworks;
import dev.strangler.analyzer.source.data.DataScanner;
import dev.strangler.analyzer.source.data.EntityCatalog;
import dev.strangler.analyzer.source.data.JpaNamedQueries;
import dev.strangler.analyzer.source.data.NamedStatements;
import dev.strangler.analyzer.source.data.SqlTables;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.frameworks.EntryPoints;
import dev.strangler.analyzer.source.frameworks.JaxRsMounts;
import dev.strangler.analyzer.source.frameworks.WebFiles;
import dev.strangler.analyzer.source.parse.ParsedFile;
import dev.strangler.analyzer.source.parse.SourceText;
import dev.strangler.analyzer.source.parse.SourceTree;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.FileScope;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.JType;
import dev.strangler.analyzer.source.resolve.LibraryIndex;
import dev.strangler.analyzer.source.resolve.Stereotypes;
import dev.strangler.analyzer.source.resolve.TypeIndex;
import dev.strangler.analyzer.source.resolve.TypeScanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Scans a Java source tree (Maven, Gradle or plain layout) into a {@link Codebase}.
 *
 * <p>Two passes over the files, each spread over {@link ScanOptions#threads()}: the first parses every file and
 * indexes its declarations; the second resolves names and calls against that index and extracts dependencies,
 * entry points, data access and risks. Results are merged in file order and sorted, so the same tree always gives
 * the same model. Thread-safe: each call to {@link #scan} works on its own state.
 */
public final class SourceScanner {
    private static final Comparator<EntryPoint> ENTRY_ORDER = Comparator.comparing(EntryPoint::path)
            .thenComparing(EntryPoint::httpMethod).thenComparing(EntryPoint::kind).thenComparing(EntryPoint::framework)
            .thenComparing(EntryPoint::handler).thenComparing(EntryPoint::location);
    private static final Comparator<TableAccess> ACCESS_ORDER = Comparator.comparing(TableAccess::accessor)
            .thenComparing(TableAccess::member).thenComparing(TableAccess::table).thenComparing(TableAccess::mode)
            .thenComparing(TableAccess::origin).thenComparing(TableAccess::location);
    private static final Comparator<Risk> RISK_ORDER = Comparator.comparing(Risk::location).thenComparing(Risk::kind)
            .thenComparing(Risk::owner).thenComparing(Risk::detail);

    private final ScanOptions options;
    private final ScanCache cache;

    public SourceScanner(ScanOptions options) {
        this(options, null);
    }

    /** A scanner that reuses and refreshes the result kept in {@code cache}; null for none. */
    public SourceScanner(ScanOptions options, ScanCache cache) {
        this.options = Objects.requireNonNull(options, "options");
        this.cache = cache;
    }

    /**
     * Scans the main sources under {@code root}; problems with single files end up in the result, not as exceptions.
     *
     * @throws IllegalArgumentException when {@code root} is not a readable folder
     */
    public Codebase scan(Path root, ProgressListener progress) {
        return run(root, progress).codebase();
    }

    /**
     * Scans like {@link #scan}, taking the model from the cache when every input is the same as when it was written,
     * and writing the cache after a full scan.
     */
    public ScanRun run(Path root, ProgressListener progress) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(progress, "progress");
        if (!Files.exists(root)) {
            throw new IllegalArgumentException("source root " + root + " does not exist; give the folder of the project to analyse");
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("source root " + root + " is not a folder; give the folder of the project to analyse");
        }
        Path absoluteRoot = root.toAbsolutePath().normalize();
        SourceTree tree = SourceTree.walk(absoluteRoot, options.maxFileBytes());
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "source-scanner");
            thread.setDaemon(true);
            return thread;
        });
        try {
            if (cache == null) {
                return new ScanRun(scan(absoluteRoot, tree, pool, progress, FileReuse.none()), tree.javaFiles().size(),
                        "", List.of());
            }
            CachedScan.Snapshot snapshot = CachedScan.snapshot(absoluteRoot, tree, options, pool);
            ScanInputs inputs = snapshot.inputs();
            CacheLookup lookup = cache.find(inputs);
            if (lookup instanceof CacheLookup.Hit hit) {
                return new ScanRun(hit.codebase(), 0, hit.note(), List.of());
            }
            FileReuse reuse = FileReuse.load(cache.files(), inputs, tree);
            Codebase codebase = scan(absoluteRoot, tree, pool, progress, reuse);
            List<String> warnings = new ArrayList<>(lookup.warnings());
            warnings.addAll(reuse.warnings());
            int edited = snapshot.changedSince();
            if (edited > 0) {
                warnings.add("cache: not written: " + edited + " file(s) changed while the scan read them;"
                        + " the next run will be a full one");
            } else {
                for (String failed : List.of(cache.store(inputs, codebase), reuse.store())) {
                    if (!failed.isEmpty()) {
                        warnings.add(failed);
                    }
                }
            }
            return new ScanRun(codebase, reuse.analysedCount(), reuse.note(lookup), warnings);
        } finally {
            pool.shutdownNow();
        }
    }

    private Codebase scan(Path root, SourceTree tree, ExecutorService pool, ProgressListener progress,
                          FileReuse reuse) {
        List<Path> files = tree.javaFiles();
        progress.started("parsing", files.size());
        ThreadLocal<JavaFileParser> parsers = ThreadLocal.withInitial(JavaFileParser::new);
        // the largest files first, so that no thread is left with a long file while the others have finished
        List<Integer> order = tree.largestFirst();
        List<ParsedFile> parsed = new ArrayList<>(runAll(pool, files, order, file -> {
            String path = tree.relative(file);
            int[] bodies = reuse.outlineBodies(path);
            ParsedFile result = bodies == null ? parsers.get().parse(file, path)
                    : parsers.get().parseOutline(file, path, bodies, reuse.outline(path));
            progress.advanced(1);
            return result;
        }));
        progress.finished();

        LibraryIndex libraries = LibraryIndex.read(options.classpath());
        Declarations declarations = Declarations.of(parsed, libraries);
        // a file parsed as an outline whose bodies the analysis needs after all is parsed in full, and the index
        // made again
        for (List<Integer> missing = reuse.plan(parsed, declarations.typesPerFile(), declarations.index());
             !missing.isEmpty(); missing = reuse.plan(parsed, declarations.typesPerFile(), declarations.index())) {
            List<Integer> inOrder = java.util.stream.IntStream.range(0, missing.size()).boxed().toList();
            List<ParsedFile> full = runAll(pool, missing, inOrder,
                    i -> parsers.get().parse(files.get(i), tree.relative(files.get(i))));
            for (int k = 0; k < missing.size(); k++) {
                parsed.set(missing.get(k), full.get(k));
            }
            declarations = Declarations.of(parsed, libraries);
        }
        TypeIndex index = declarations.index();
        List<List<IndexedType>> typesPerFile = declarations.typesPerFile();
        boolean spring = declarations.spring();
        DataFrameworks frameworks = declarations.frameworks();
        List<DataDescriptors.File> xmlFiles = read(tree, tree.xmlFiles());
        DataDescriptors data = DataDescriptors.read(xmlFiles, read(tree, tree.namedSqlFiles()), frameworks);
        EntityCatalog catalog = new EntityCatalog(index, spring);
        catalog.addMappingFileEntities(data.mappingFileEntities());
        NamedStatements named = data.statements();
        JpaNamedQueries.collect(index, named);
        String applicationPath = applicationPath(index);
        SqlTables sql = new SqlTables();

        progress.started("analysing", parsed.size());
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            positions.add(i);
        }
        List<Facts> perFile = runAll(pool, positions, order, i -> {
            Facts facts = reuse.reused(i);
            if (facts == null) {
                facts = analyse(parsed.get(i), typesPerFile.get(i), index, catalog, sql, named, applicationPath);
                reuse.analysed(i, facts);
            }
            progress.advanced(1);
            return facts;
        });
        progress.finished();

        Facts all = new Facts();
        all.problems.addAll(tree.problems());
        all.problems.addAll(libraries.problems());
        all.problems.addAll(data.problems());
        perFile.forEach(all::merge);
        named.use(all.statementsUsed); // the lookups of the files whose facts came from the cache
        List<EntryPoint> mounted = JaxRsMounts.mount(all.entryPoints, all.jaxRsRoots, all.jaxRsLocators,
                all.jaxRsRelativeRoutes, index);
        all.entryPoints.clear();
        all.entryPoints.addAll(mounted);
        XmlDescriptors xml = new XmlDescriptors(index, sql, all);
        for (DataDescriptors.File file : xmlFiles) {
            xml.read(file.path(), file.text());
        }
        xml.finish();
        List<FrameworkCoverage> coverage = xml.frameworks.finish(index, all, new WebFiles(tree, all.problems));
        if (!reuse.keep(all.bodiesRead)) {
            // bodies read from a file parsed as an outline: once more with every file parsed in full
            return scan(root, tree, pool, progress, reuse);
        }
        frameworks.check(all.tableAccesses, all.entities, catalog, named, all.problems);
        int filesParsed = 0;
        int filesSkipped = tree.skippedFiles();
        long lines = 0;
        long codeLines = 0;
        for (ParsedFile file : parsed) {
            if (file.unit() != null) {
                filesParsed++;
                lines += file.nonBlankLines();
                codeLines += file.codeLineCount();
            } else {
                filesSkipped++;
            }
        }
        if (filesParsed == 0 && !files.isEmpty()) {
            all.problems.add(new Problem(".", 0, 0, Severity.ERROR, "none of the " + files.size()
                    + " Java files could be parsed; see the problems above"));
        }
        CodebaseStats stats = new CodebaseStats(files.size() + tree.skippedFiles(), filesParsed, filesSkipped, lines,
                codeLines, all.resolved, all.guessed, all.unresolved);
        String name = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        // the facts are complete: the two largest lists are sorted on two threads
        Future<List<MethodInfo>> methods = pool.submit(all::methodList);
        List<Dependency> dependencies = all.dependencyList();
        return new Codebase(name, sorted(all.types, Comparator.comparing(TypeInfo::name)), dependencies,
                result(methods), distinctSorted(all.entryPoints, ENTRY_ORDER),
                distinctSorted(all.entities, Comparator.comparing(EntityMapping::entity).thenComparing(EntityMapping::table)
                        .thenComparing(EntityMapping::location)),
                distinctSorted(all.repositories, Comparator.comparing(RepositoryBinding::repository)
                        .thenComparing(RepositoryBinding::entity)),
                distinctSorted(all.tableAccesses, ACCESS_ORDER), distinctSorted(all.risks, RISK_ORDER),
                distinctSorted(all.problems, Comparator.naturalOrder()), stats, coverage);
    }

    /** The files' texts, each read once; a file that cannot be read is left out with a warning. */
    private static List<DataDescriptors.File> read(SourceTree tree, List<Path> files) {
        List<DataDescriptors.File> texts = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                texts.add(new DataDescriptors.File(tree.relative(file), SourceText.decode(Files.readAllBytes(file)).text()));
            } catch (IOException e) {
                tree.problems().add(new Problem(tree.relative(file), 0, 0, Severity.WARNING, "could not read: " + e));
            }
        }
        return texts;
    }

    /** The type index made from the parsed files, the types each declares, and what their imports tell. */
    private record Declarations(TypeIndex index, List<List<IndexedType>> typesPerFile, boolean spring,
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

    private static String applicationPath(TypeIndex index) {
        for (IndexedType type : index.all()) {
            AnnotationExpr annotation = Annotations.find(type.declaration, "ApplicationPath");
            if (annotation != null) {
                List<String> values = Annotations.strings(annotation, "value", index, type);
                if (!values.isEmpty()) {
                    return values.get(0).replace("/*", "");
                }
            }
        }
        return "";
    }

    private static Facts analyse(ParsedFile file, List<IndexedType> types, TypeIndex index, EntityCatalog catalog,
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
        java.util.SortedSet<String> annotations = new TreeSet<>();
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

    /** Applies {@code work} to every input on the pool, submitted in the given order; the results in input order. */
    private static <T, R> List<R> runAll(ExecutorService pool, List<T> inputs, List<Integer> order,
                                         Function<T, R> work) {
        List<Future<R>> futures = new ArrayList<>(Collections.nCopies(inputs.size(), null));
        for (int i : order) {
            T input = inputs.get(i);
            futures.set(i, pool.submit(() -> work.apply(input)));
        }
        List<R> results = new ArrayList<>(inputs.size());
        for (Future<R> future : futures) {
            results.add(result(future));
        }
        return results;
    }

    private static <R> R result(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan failed: " + e.getCause(), e.getCause());
        }
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        return copy;
    }

    private static <T> List<T> distinctSorted(List<T> items, Comparator<T> order) {
        TreeSet<T> set = new TreeSet<>(order);
        set.addAll(items);
        return new ArrayList<>(set);
    }
}
