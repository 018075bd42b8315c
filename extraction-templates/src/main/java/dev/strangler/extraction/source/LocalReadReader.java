package dev.strangler.extraction.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.strangler.extraction.core.AdapterMethod;
import dev.strangler.extraction.core.LocalRead;
import dev.strangler.extraction.core.MethodFacts;
import dev.strangler.extraction.core.MonolithCall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides whether the function runs a copy of a method of a class that stays behind: reads the method and the methods
 * of that class it calls into {@link MethodFacts} ({@link MethodReading}), and, when {@link LocalRead#refusals} finds
 * nothing against it, writes the {@link LocalRead} the adapter implementation runs. Without a symbol solver a call it
 * cannot place counts against the method: the method stays "not yet moved" rather than run a copy that might write.
 * Stateless; thread-safe as far as the source tree is.
 */
final class LocalReadReader {
    private final SourceTree sources;

    LocalReadReader(SourceTree sources) {
        this.sources = sources;
    }

    /**
     * What was decided for one method.
     *
     * @param read the local read, or null when the method cannot run in the function
     * @param refusals why not, when read is null
     * @param repositories the repositories the read calls (fully qualified) and what it calls on each
     * @param types the codebase classes its code names, which the function needs a copy of
     */
    record Decision(LocalRead read, List<String> refusals, Map<String, Set<CallCollector.Call>> repositories,
                    Set<String> types) {
        Decision {
            refusals = List.copyOf(refusals);
            repositories = Map.copyOf(repositories);
            types = Set.copyOf(types);
        }
    }

    /**
     * Each method the moved code calls on {@code className}, answered by the most faithful means the sources prove: a
     * monolith route that gives the same answer; else, for a method that only reads, the monolith's own code run in
     * the function; else nothing ("not yet moved", with why it cannot be read locally). A repository's methods have
     * no body to copy. {@code onRead} gets each decision to read locally, for what it needs in the function.
     */
    List<AdapterMethod> answer(String className, List<AdapterMethod> methods, RouteMatcher routes, Consumer<Decision> onRead) {
        boolean repository = TypeRoles.isRepository(sources.unit(className).orElseThrow(), className);
        List<AdapterMethod> answered = new ArrayList<>();
        for (AdapterMethod m : methods) {
            Optional<MonolithCall> route = routes.find(className, m);
            if (route.isPresent() || repository) {
                answered.add(m.answeredBy(route.orElse(null), null, List.of()));
                continue;
            }
            Decision decision = read(className, m);
            if (decision.read() != null) {
                onRead.accept(decision);
            }
            answered.add(m.answeredBy(null, decision.read(), decision.refusals()));
        }
        return answered;
    }

    Decision read(String className, AdapterMethod method) {
        CompilationUnit unit = sources.unit(className).orElseThrow();
        TypeDeclaration<?> type = TypeRoles.primaryType(unit, className).orElseThrow();
        Optional<MethodDeclaration> declared = type.getMethodsByName(method.name()).stream()
                .filter(m -> m.getBody().isPresent() && sameParameters(m, method)).findFirst();
        if (declared.isEmpty()) {
            return new Decision(null, List.of("it has no body in " + type.getNameAsString() + "'s source"), Map.of(), Set.of());
        }
        return new MethodReading(sources, unit, type, declared.get()).decide(method);
    }

    private static boolean sameParameters(MethodDeclaration m, AdapterMethod method) {
        List<String> types = m.getParameters().stream().map(p -> p.getType().toString() + (p.isVarArgs() ? "..." : "")).toList();
        return types.equals(method.parameters().stream().map(AdapterMethod.Parameter::type).toList());
    }
}
