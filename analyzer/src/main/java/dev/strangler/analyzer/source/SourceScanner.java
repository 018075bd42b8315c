package dev.strangler.analyzer.source;

import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.strangler.analyzer.cache.CacheLookup;
import dev.strangler.analyzer.cache.FileHashes;
import dev.strangler.analyzer.cache.ScanCache;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.FrameworkCoverage;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.source.data.DataDescriptors;
import dev.strangler.analyzer.source.data.DataFrameworks;
import dev.strangler.analyzer.source.data.EntityCatalog;
import dev.strangler.analyzer.source.data.JpaNamedQueries;
import dev.strangler.analyzer.source.data.NamedStatements;
import dev.strangler.analyzer.source.data.SqlTables;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.frameworks.JaxRsMounts;
import dev.strangler.analyzer.source.frameworks.WebFiles;
import dev.strangler.analyzer.source.parse.OutlineSource;
import dev.strangler.analyzer.source.parse.ParsedFile;
import dev.strangler.analyzer.source.parse.SourceText;
import dev.strangler.analyzer.source.parse.SourceTree;
import dev.strangler.analyzer.source.parse.TreeCodec;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.LibraryIndex;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scans a Java source tree (Maven, Gradle or plain layout) into a {@link Codebase}.
 *
 * <p>Two passes over the files, each spread over {@link ScanOptions#threads()}: the first parses every file and
 * indexes its declarations; the second resolves names and calls against that index and extracts dependencies,
 * entry points, data access and risks. Results are merged in file order and sorted, so the same tree always gives
 * the same model. Thread-safe: each call to {@link #scan} works on its own state.
 */
public final class SourceScanner {
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
     * and writing the cache after a full scan, before it returns.
     */
    public ScanRun run(Path root, ProgressListener progress) {
        ScanRun run = start(root, progress);
        List<String> warnings = new ArrayList<>(run.warnings());
        warnings.addAll(run.cacheWrite().write());
        return new ScanRun(run.codebase(), run.filesAnalysed(), run.cacheNote(), warnings, CacheWrite.NONE);
    }

    /**
     * Scans like {@link #run}, leaving the cache to be written by the caller ({@link ScanRun#cacheWrite()}), for
     * instance while the decomposition runs.
     *
     * @throws IllegalArgumentException when {@code root} is not a readable folder
     */
    public ScanRun start(Path root, ProgressListener progress) {
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
        ThreadLocal<JavaFileParser> parsers = ThreadLocal.withInitial(JavaFileParser::new);
        try {
            if (cache == null) {
                return new ScanRun(scan(new Run(absoluteRoot, tree, pool, parsers, EarlyParses.none(),
                        JavaFileParser.Reads.NONE, false), progress, FileReuse.none()), tree.javaFiles().size(), "",
                        List.of(), CacheWrite.NONE);
            }
            if (cache.isEmpty()) {
                return first(absoluteRoot, tree, pool, parsers, progress);
            }
            FileHashes.Known known = cache.hashes().load();
            if (!known.files().isEmpty()) {
                // a run after another: JavaParser's metamodel, for the outlines, while the tree is hashed and the
                // cache read (a first run encodes outlines in pass 2 only: loaded between the passes, below)
                pool.execute(TreeCodec::prepare);
            }
            CachedScan.Snapshot snapshot = CachedScan.snapshot(absoluteRoot, tree, options, pool, known);
            EarlyParses early = known.files().isEmpty() ? EarlyParses.none()
                    : EarlyParses.start(pool, tree, snapshot.rehashed(), parsers);
            CacheLookup lookup = cache.find(snapshot.inputs());
            if (lookup instanceof CacheLookup.Hit hit) {
                early.cancel();
                return new ScanRun(hit.codebase(), 0, hit.note(), known.warnings(),
                        snapshot.hashedAgain() == 0 ? CacheWrite.NONE : CacheWrite.hashes(cache, snapshot));
            }
            FileReuse reuse = FileReuse.load(cache.files(), snapshot.inputs(), tree);
            Codebase codebase = scan(new Run(absoluteRoot, tree, pool, parsers, early, JavaFileParser.Reads.NONE, false),
                    progress, reuse);
            List<String> warnings = new ArrayList<>(known.warnings());
            warnings.addAll(lookup.warnings());
            warnings.addAll(reuse.warnings());
            return new ScanRun(codebase, reuse.analysedCount(), reuse.note(lookup), warnings,
                    new CacheWrite(cache, () -> snapshot, codebase, reuse.kept()));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A run with nothing cached: the files are hashed as the scan reads them, and only when the cache is written. */
    private ScanRun first(Path root, SourceTree tree, ExecutorService pool, ThreadLocal<JavaFileParser> parsers,
                          ProgressListener progress) {
        DeferredSnapshot snapshot = DeferredSnapshot.start(root, tree, options, pool);
        FileReuse reuse = FileReuse.first(cache.files(), tree);
        Codebase codebase = scan(new Run(root, tree, pool, parsers, EarlyParses.none(), snapshot, false), progress, reuse);
        CacheLookup none = new CacheLookup.Miss("no cache yet", List.of());
        return new ScanRun(codebase, reuse.analysedCount(), reuse.note(none), List.of(),
                new CacheWrite(cache, snapshot::complete, codebase, reuse.kept()));
    }

    /**
     * One run's fixed parts: the tree, the pool, a parser per pool thread, the files parsed early, what is told each
     * Java file's bytes as the first pass reads them, and whether this is the scan once more with every file in full.
     */
    private record Run(Path root, SourceTree tree, ExecutorService pool, ThreadLocal<JavaFileParser> parsers,
                       EarlyParses early, JavaFileParser.Reads reads, boolean again) {
    }

    private Codebase scan(Run run, ProgressListener progress, FileReuse reuse) {
        Path root = run.root();
        SourceTree tree = run.tree();
        ExecutorService pool = run.pool();
        ThreadLocal<JavaFileParser> parsers = run.parsers();
        List<Path> files = tree.javaFiles();
        progress.started("parsing", files.size());
        // the largest files first, so that no thread is left with a long file while the others have finished
        List<Integer> order = tree.largestFirst();
        List<ParsedFile> parsed = new ArrayList<>(ScanPool.runAll(pool, files, run.early().last(order), file -> {
            String path = tree.relative(file);
            ParsedFile early = run.early().take(path);
            OutlineSource.Restored outline = early != null ? null : reuse.outlineSource(path);
            ParsedFile result = early != null ? early : outline == null ? parsers.get().parse(file, path, run.reads())
                    : JavaFileParser.fromOutline(path, outline, reuse.outline(path));
            progress.advanced(1);
            return result;
        }));
        progress.finished();

        if (!run.again()) {
            // the SQL parser is loaded on a thread of its own while the index is made
            SqlTables.prepare();
        }
        LibraryIndex libraries = LibraryIndex.read(options.classpath());
        Declarations declarations = Declarations.of(parsed, libraries, pool, order);
        // a file read as an outline whose bodies the analysis needs after all is parsed in full, and the index
        // made again
        for (List<Integer> missing = reuse.plan(parsed, declarations.typesPerFile(), declarations.index());
             !missing.isEmpty(); missing = reuse.plan(parsed, declarations.typesPerFile(), declarations.index())) {
            List<Integer> inOrder = java.util.stream.IntStream.range(0, missing.size()).boxed().toList();
            List<ParsedFile> full = ScanPool.runAll(pool, missing, inOrder,
                    i -> parsers.get().parse(files.get(i), tree.relative(files.get(i))));
            for (int k = 0; k < missing.size(); k++) {
                parsed.set(missing.get(k), full.get(k));
            }
            declarations = Declarations.of(parsed, libraries, pool, order);
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
        List<Facts> perFile = ScanPool.runAll(pool, positions, order, i -> {
            Facts facts = reuse.reused(i);
            if (facts == null) {
                facts = FileAnalysis.analyse(parsed.get(i), typesPerFile.get(i), index, catalog, sql, named, applicationPath);
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
            // bodies read from a file read as an outline: once more with every file parsed in full
            return scan(new Run(root, tree, pool, parsers, EarlyParses.none(), JavaFileParser.Reads.NONE, true), progress,
                    reuse);
        }
        frameworks.check(all.tableAccesses, all.entities, catalog, named, all.problems);
        return ModelAssembly.codebase(root, files.size(), tree, parsed, all, coverage, pool);
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
}
