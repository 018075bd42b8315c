package dev.strangler.analyzer.source.facts;

import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.MethodInfo;
import dev.strangler.analyzer.core.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FactsOrderTest {
    /** Names sharing prefixes, nested types and a default-package type: the cases a rank must order like the names. */
    private static final List<String> NAMES = List.of("a.B", "a.B.C", "a.BC", "a.b.C", "a.B$", "Z", "z.a", "a.B.C.D",
            "org.shop.service.OrderService", "org.shop.service.Order", "org.shop.service.OrderServiceImpl");

    @Test
    void lists_dependencies_by_from_then_to_then_kind() {
        Facts facts = new Facts();
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            DependencyKind kind = DependencyKind.values()[random.nextInt(DependencyKind.values().length)];
            facts.depend(pick(random), pick(random), kind, random.nextBoolean(),
                    new SourceLocation("F" + random.nextInt(9) + ".java", 1 + random.nextInt(50)));
        }
        List<Dependency> listed = facts.dependencyList();

        List<Dependency> expected = new ArrayList<>(listed);
        expected.sort(Comparator.comparing(Dependency::from).thenComparing(Dependency::to)
                .thenComparing(Dependency::kind));
        assertThat(listed).hasSize(facts.dependencies.size()).isNotEmpty().containsExactlyElementsOf(expected);
        Dependency first = listed.get(0);
        Facts.DependencyTally tally = facts.dependencies.get(new Facts.DependencyKey(first.from(), first.to(), first.kind()));
        assertThat(first.weight()).isEqualTo(tally.weight);
        assertThat(first.sites()).containsExactlyElementsOf(tally.sites);
    }

    @Test
    void lists_methods_by_owner_then_name() {
        Facts facts = new Facts();
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            String name = List.of("get", "getName", "<init>", "run", "a", "ab", "B").get(random.nextInt(7));
            Facts.MethodTally tally = facts.method(new MethodId(ClassName.of(pick(random)), name),
                    new SourceLocation("F.java", i + 1));
            tally.calls.add(new MethodId(ClassName.of(pick(random)), "x"));
        }
        List<MethodInfo> listed = facts.methodList();

        assertThat(listed).hasSize(facts.methods.size()).isSortedAccordingTo(Comparator.comparing(MethodInfo::id));
        for (MethodInfo method : listed) {
            Facts.MethodTally tally = facts.methods.get(method.id());
            assertThat(method.location()).isEqualTo(tally.location);
            assertThat(method.calls()).containsExactlyElementsOf(tally.calls);
        }
    }

    @Test
    void lists_nothing_when_nothing_was_found() {
        assertThat(new Facts().dependencyList()).isEmpty();
        assertThat(new Facts().methodList()).isEmpty();
    }

    private static String pick(Random random) {
        return NAMES.get(random.nextInt(NAMES.size()));
    }
}
