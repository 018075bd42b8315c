package dev.strangler.analyzer.source.facts;

import dev.strangler.analyzer.cache.BinaryIn;
import dev.strangler.analyzer.cache.BinaryOut;
import dev.strangler.analyzer.cache.CodebaseCodec;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.MethodInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * One file's {@link Facts} as bytes for the per-file cache, and back: merging the facts read back gives the same model
 * as merging the facts written, tallies, sites and counts included. Stateless; thread-safe.
 */
public final class FactsCodec {
    private FactsCodec() {
    }

    public static byte[] write(Facts facts) {
        BinaryOut out = new BinaryOut(1024);
        CodebaseCodec.list(out, facts.types, CodebaseCodec::type);
        List<Dependency> dependencies = new ArrayList<>(facts.dependencies.size());
        facts.dependencies.forEach((key, tally) -> dependencies.add(new Dependency(key.from(), key.to(), key.kind(),
                tally.weight, List.copyOf(tally.sites), !tally.exact)));
        CodebaseCodec.list(out, dependencies, CodebaseCodec::dependency);
        List<MethodInfo> methods = new ArrayList<>(facts.methods.size());
        facts.methods.forEach((id, tally) -> methods.add(new MethodInfo(id, tally.location, tally.calls,
                tally.references)));
        CodebaseCodec.list(out, methods, CodebaseCodec::method);
        CodebaseCodec.list(out, facts.entryPoints, CodebaseCodec::entryPoint);
        CodebaseCodec.list(out, facts.entities, CodebaseCodec::entity);
        CodebaseCodec.list(out, facts.repositories, CodebaseCodec::repository);
        CodebaseCodec.list(out, facts.tableAccesses, CodebaseCodec::access);
        CodebaseCodec.list(out, facts.risks, CodebaseCodec::risk);
        CodebaseCodec.list(out, facts.problems, CodebaseCodec::problem);
        CodebaseCodec.list(out, facts.jaxRsRoots, (o, root) -> {
            o.string(root.type());
            o.string(root.path());
        });
        CodebaseCodec.list(out, facts.jaxRsLocators, (o, locator) -> {
            o.string(locator.owner());
            o.string(locator.path());
            o.string(locator.target());
        });
        CodebaseCodec.list(out, facts.jaxRsRelativeRoutes, (o, relative) -> {
            CodebaseCodec.entryPoint(o, relative.entry());
            o.string(relative.path());
        });
        CodebaseCodec.list(out, facts.statementsUsed, CodebaseCodec::location);
        out.varint(facts.resolved);
        out.varint(facts.guessed);
        out.varint(facts.unresolved);
        return out.toByteArray();
    }

    /**
     * The facts {@link #write} wrote.
     *
     * @throws RuntimeException when the bytes are not such facts (damage the cache's checksum did not catch)
     */
    public static Facts read(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes, 0, bytes.length);
        Facts facts = new Facts();
        facts.types.addAll(CodebaseCodec.list(in, CodebaseCodec::type));
        for (Dependency dependency : CodebaseCodec.list(in, CodebaseCodec::dependency)) {
            Facts.DependencyTally tally = new Facts.DependencyTally();
            tally.weight = dependency.weight();
            tally.exact = !dependency.guessed();
            tally.sites.addAll(dependency.sites());
            facts.dependencies.put(new Facts.DependencyKey(dependency.from(), dependency.to(), dependency.kind()), tally);
        }
        for (MethodInfo method : CodebaseCodec.list(in, CodebaseCodec::method)) {
            Facts.MethodTally tally = facts.method(method.id(), method.location());
            tally.calls.addAll(method.calls());
            tally.references.addAll(method.references());
        }
        facts.entryPoints.addAll(CodebaseCodec.list(in, CodebaseCodec::entryPoint));
        facts.entities.addAll(CodebaseCodec.list(in, CodebaseCodec::entity));
        facts.repositories.addAll(CodebaseCodec.list(in, CodebaseCodec::repository));
        facts.tableAccesses.addAll(CodebaseCodec.list(in, CodebaseCodec::access));
        facts.risks.addAll(CodebaseCodec.list(in, CodebaseCodec::risk));
        facts.problems.addAll(CodebaseCodec.list(in, CodebaseCodec::problem));
        facts.jaxRsRoots.addAll(CodebaseCodec.list(in, i -> new Facts.JaxRsRoot(i.string(), i.string())));
        facts.jaxRsLocators.addAll(CodebaseCodec.list(in, i -> new Facts.JaxRsLocator(i.string(), i.string(),
                i.string())));
        facts.jaxRsRelativeRoutes.addAll(CodebaseCodec.list(in, i -> new Facts.JaxRsRelative(
                CodebaseCodec.entryPoint(i), i.string())));
        facts.statementsUsed.addAll(CodebaseCodec.list(in, CodebaseCodec::location));
        facts.resolved = in.varint();
        facts.guessed = in.varint();
        facts.unresolved = in.varint();
        if (!in.atEnd()) {
            throw new IllegalStateException("bytes left over after a file's facts");
        }
        return facts;
    }
}
