package dev.strangler.analyzer.cache;

import dev.strangler.analyzer.core.AccessMode;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.CodebaseStats;
import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.EntityMapping;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.core.FrameworkCoverage;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.MethodInfo;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.RepositoryBinding;
import dev.strangler.analyzer.core.Risk;
import dev.strangler.analyzer.core.RiskKind;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.core.Stereotype;
import dev.strangler.analyzer.core.TableAccess;
import dev.strangler.analyzer.core.TypeInfo;
import dev.strangler.analyzer.core.TypeKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Writes a {@link Codebase} as compact bytes and reads it back equal, list order included. Every value goes back
 * through its record's constructor, so a damaged file that still decodes cannot make an invalid model.
 * The item methods are public so that the scanner can write its per-file facts, made of the same records, with them.
 * Stateless; thread-safe.
 */
public final class CodebaseCodec {
    /** A list or set longer than this is taken for damage rather than a codebase. */
    private static final int MAX_ITEMS = 50_000_000;

    private CodebaseCodec() {
    }

    static void write(Codebase codebase, BinaryOut out) {
        out.string(codebase.name());
        list(out, codebase.types(), CodebaseCodec::type);
        list(out, codebase.dependencies(), CodebaseCodec::dependency);
        list(out, codebase.methods(), CodebaseCodec::method);
        list(out, codebase.entryPoints(), CodebaseCodec::entryPoint);
        list(out, codebase.entities(), CodebaseCodec::entity);
        list(out, codebase.repositories(), CodebaseCodec::repository);
        list(out, codebase.tableAccesses(), CodebaseCodec::access);
        list(out, codebase.risks(), CodebaseCodec::risk);
        list(out, codebase.problems(), CodebaseCodec::problem);
        stats(out, codebase.stats());
        list(out, codebase.coverage(), (o, c) -> {
            o.string(c.framework());
            list(o, c.detectedBy(), BinaryOut::string);
            o.varint(c.entryPoints());
        });
    }

    static Codebase read(BinaryIn in) {
        String name = in.string();
        List<TypeInfo> types = list(in, CodebaseCodec::type);
        List<Dependency> dependencies = list(in, CodebaseCodec::dependency);
        List<MethodInfo> methods = list(in, CodebaseCodec::method);
        List<EntryPoint> entryPoints = list(in, CodebaseCodec::entryPoint);
        List<EntityMapping> entities = list(in, CodebaseCodec::entity);
        List<RepositoryBinding> repositories = list(in, CodebaseCodec::repository);
        List<TableAccess> accesses = list(in, CodebaseCodec::access);
        List<Risk> risks = list(in, CodebaseCodec::risk);
        List<Problem> problems = list(in, CodebaseCodec::problem);
        CodebaseStats stats = stats(in);
        List<FrameworkCoverage> coverage = list(in, i -> new FrameworkCoverage(i.string(), list(i, BinaryIn::string),
                i.count(Integer.MAX_VALUE)));
        return new Codebase(name, types, dependencies, methods, entryPoints, entities, repositories, accesses, risks,
                problems, stats, coverage);
    }

    public static void type(BinaryOut out, TypeInfo type) {
        name(out, type.name());
        out.varint(type.kind().ordinal());
        location(out, type.location());
        out.varint(type.linesOfCode());
        list(out, type.annotations(), BinaryOut::string);
        list(out, type.stereotypes(), (o, s) -> o.varint(s.ordinal()));
        list(out, type.supertypes(), CodebaseCodec::name);
    }

    public static TypeInfo type(BinaryIn in) {
        ClassName name = name(in);
        TypeKind kind = in.constant(TypeKind.values());
        SourceLocation location = location(in);
        int lines = in.count(Integer.MAX_VALUE);
        TreeSet<String> annotations = new TreeSet<>(list(in, BinaryIn::string));
        List<Stereotype> stereotypes = list(in, i -> i.constant(Stereotype.values()));
        Set<Stereotype> stereotypeSet = stereotypes.isEmpty() ? Set.of() : EnumSet.copyOf(stereotypes);
        return new TypeInfo(name, kind, location, lines, annotations, stereotypeSet, list(in, CodebaseCodec::name));
    }

    public static void dependency(BinaryOut out, Dependency dependency) {
        name(out, dependency.from());
        name(out, dependency.to());
        out.varint(dependency.kind().ordinal());
        out.varint(dependency.weight());
        list(out, dependency.sites(), CodebaseCodec::location);
        out.bool(dependency.guessed());
    }

    public static Dependency dependency(BinaryIn in) {
        return new Dependency(name(in), name(in), in.constant(DependencyKind.values()), in.count(Integer.MAX_VALUE),
                list(in, CodebaseCodec::location), in.bool());
    }

    public static void method(BinaryOut out, MethodInfo method) {
        methodId(out, method.id());
        location(out, method.location());
        list(out, method.calls(), CodebaseCodec::methodId);
        list(out, method.references(), CodebaseCodec::name);
    }

    public static MethodInfo method(BinaryIn in) {
        return new MethodInfo(methodId(in), location(in), new TreeSet<>(list(in, CodebaseCodec::methodId)),
                new TreeSet<>(list(in, CodebaseCodec::name)));
    }

    public static void entryPoint(BinaryOut out, EntryPoint entry) {
        out.varint(entry.kind().ordinal());
        out.string(entry.framework());
        out.string(entry.httpMethod());
        out.string(entry.path());
        methodId(out, entry.handler());
        location(out, entry.location());
    }

    public static EntryPoint entryPoint(BinaryIn in) {
        return new EntryPoint(in.constant(EntryPointKind.values()), in.string(), in.string(), in.string(),
                methodId(in), location(in));
    }

    public static void entity(BinaryOut out, EntityMapping entity) {
        name(out, entity.entity());
        out.string(entity.table());
        location(out, entity.location());
    }

    public static EntityMapping entity(BinaryIn in) {
        return new EntityMapping(name(in), in.string(), location(in));
    }

    public static void repository(BinaryOut out, RepositoryBinding repository) {
        name(out, repository.repository());
        name(out, repository.entity());
        location(out, repository.location());
    }

    public static RepositoryBinding repository(BinaryIn in) {
        return new RepositoryBinding(name(in), name(in), location(in));
    }

    public static void risk(BinaryOut out, Risk risk) {
        out.varint(risk.kind().ordinal());
        name(out, risk.owner());
        location(out, risk.location());
        out.string(risk.detail());
    }

    public static Risk risk(BinaryIn in) {
        return new Risk(in.constant(RiskKind.values()), name(in), location(in), in.string());
    }

    public static void access(BinaryOut out, TableAccess access) {
        name(out, access.accessor());
        out.string(access.member());
        out.string(access.table());
        out.varint(access.mode().ordinal());
        out.varint(access.origin().ordinal());
        location(out, access.location());
    }

    public static TableAccess access(BinaryIn in) {
        return new TableAccess(name(in), in.string(), in.string(), in.constant(AccessMode.values()),
                in.constant(DataAccessOrigin.values()), location(in));
    }

    public static void problem(BinaryOut out, Problem problem) {
        out.string(problem.path());
        out.varint(problem.line());
        out.varint(problem.column());
        out.varint(problem.severity().ordinal());
        out.string(problem.message());
    }

    public static Problem problem(BinaryIn in) {
        return new Problem(in.string(), in.count(Integer.MAX_VALUE), in.count(Integer.MAX_VALUE),
                in.constant(Severity.values()), in.string());
    }

    private static void stats(BinaryOut out, CodebaseStats stats) {
        out.varint(stats.filesFound());
        out.varint(stats.filesParsed());
        out.varint(stats.filesSkipped());
        out.varint(stats.linesOfCode());
        out.varint(stats.codeLines());
        out.varint(stats.resolvedReferences());
        out.varint(stats.guessedReferences());
        out.varint(stats.unresolvedReferences());
    }

    private static CodebaseStats stats(BinaryIn in) {
        return new CodebaseStats(in.count(Integer.MAX_VALUE), in.count(Integer.MAX_VALUE), in.count(Integer.MAX_VALUE),
                in.varint(), in.varint(), in.varint(), in.varint(), in.varint());
    }

    public static void methodId(BinaryOut out, MethodId id) {
        name(out, id.owner());
        out.string(id.name());
    }

    public static MethodId methodId(BinaryIn in) {
        return new MethodId(name(in), in.string());
    }

    public static void name(BinaryOut out, ClassName name) {
        out.string(name.value());
    }

    public static ClassName name(BinaryIn in) {
        return new ClassName(in.string());
    }

    public static void location(BinaryOut out, SourceLocation location) {
        out.string(location.path());
        out.varint(location.line());
    }

    public static SourceLocation location(BinaryIn in) {
        return new SourceLocation(in.string(), in.count(Integer.MAX_VALUE));
    }

    public static <T> void list(BinaryOut out, Collection<T> items, BiConsumer<BinaryOut, T> item) {
        out.varint(items.size());
        for (T value : items) {
            item.accept(out, value);
        }
    }

    public static <T> List<T> list(BinaryIn in, Function<BinaryIn, T> item) {
        int size = in.count(MAX_ITEMS);
        List<T> items = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
            items.add(item.apply(in));
        }
        return items;
    }
}
