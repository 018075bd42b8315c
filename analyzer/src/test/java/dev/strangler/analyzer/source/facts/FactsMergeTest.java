package dev.strangler.analyzer.source.facts;

import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FactsMergeTest {

    @Test
    void takes_a_dependency_it_lacks_as_it_is_and_adds_up_one_it_has() {
        Facts first = new Facts();
        first.depend("a.A", "a.B", DependencyKind.CALL, true, site("A.java", 9));
        Facts second = new Facts();
        for (int line = 1; line <= 7; line++) {
            second.depend("a.A", "a.B", DependencyKind.CALL, false, site("A.java", line));
        }
        second.depend("a.C", "a.B", DependencyKind.FIELD, true, site("C.java", 3));

        Facts all = new Facts();
        all.merge(first);
        all.merge(second);

        assertThat(all.dependencyList()).containsExactly(
                new Dependency(named("a.A"), named("a.B"), DependencyKind.CALL, 8,
                        List.of(site("A.java", 1), site("A.java", 2), site("A.java", 3), site("A.java", 4),
                                site("A.java", 5)), false),
                new Dependency(named("a.C"), named("a.B"), DependencyKind.FIELD, 1, List.of(site("C.java", 3)),
                        true));
    }

    @Test
    void keeps_the_first_sites_in_order_whatever_order_they_come_in() {
        Facts facts = new Facts();
        for (int line : new int[]{9, 3, 7, 3, 12, 1, 8, 2, 11}) {
            facts.depend("a.A", "a.B", DependencyKind.CALL, false, site("A.java", line));
        }
        facts.depend("a.A", "a.B", DependencyKind.CALL, false, site("0.java", 40));

        assertThat(facts.dependencyList()).singleElement().satisfies(dependency -> {
            assertThat(dependency.weight()).isEqualTo(10);
            assertThat(dependency.sites()).containsExactly(site("0.java", 40), site("A.java", 1), site("A.java", 2),
                    site("A.java", 3), site("A.java", 7));
        });
    }

    @Test
    void leaves_the_merged_facts_as_they_were() {
        Facts file = new Facts();
        file.depend("a.A", "a.B", DependencyKind.CALL, false, site("A.java", 1));
        Facts all = new Facts();
        all.merge(file);
        Facts other = new Facts();
        other.depend("a.A", "a.B", DependencyKind.CALL, false, site("A.java", 0));
        all.merge(other);

        assertThat(file.dependencyList()).singleElement()
                .satisfies(dependency -> assertThat(dependency.sites()).containsExactly(site("A.java", 1)))
                .satisfies(dependency -> assertThat(dependency.weight()).isEqualTo(1));
    }

    private static SourceLocation site(String path, int line) {
        return new SourceLocation(path, line);
    }

    private static ClassName named(String name) {
        return ClassName.of(name);
    }
}
