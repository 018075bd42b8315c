package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions as values: each gives a new cut or says why not, and never changes the cut it was given. */
class DecisionApplierTest {
    private static final ClassName ORDER = ClassName.of("shop.Order");
    private static final ClassName CART = ClassName.of("shop.Cart");
    private static final ClassName MONEY = ClassName.of("shop.Money");

    private static SortedSet<ClassName> set(ClassName... names) {
        return new TreeSet<>(List.of(names));
    }

    private final NamedCut cut = new NamedCut(services(), Kernel.of(List.of(MONEY), Kernel.Rule.UTILITY,
            "a stateless utility"), Map.of());
    private static LinkedHashMap<String, SortedSet<ClassName>> services() {
        LinkedHashMap<String, SortedSet<ClassName>> services = new LinkedHashMap<>();
        services.put("cart", set(CART));
        services.put("orders", set(ORDER));
        return services;
    }

    private final DecisionApplier applier = new DecisionApplier(set(ORDER, CART, MONEY));

    @Test
    void a_pin_gives_a_new_cut_and_leaves_the_given_one_as_it_was() {
        DecisionOutcome outcome = applier.apply(cut, new Decision.Pin("billing", List.of(new ClassPattern("shop.Money")), 4));

        assertThat(outcome).isInstanceOf(DecisionOutcome.Applied.class);
        NamedCut after = ((DecisionOutcome.Applied) outcome).after();
        assertThat(after.services()).containsEntry("billing", set(MONEY));
        assertThat(after.kernel().isEmpty()).isTrue();
        assertThat(after.moved()).containsEntry(MONEY, "pinned to billing by the decision on line 4");
        assertThat(cut.kernel().contains(MONEY)).isTrue();
        assertThat(cut.services()).doesNotContainKey("billing");
    }

    @Test
    void a_decision_naming_no_candidate_is_skipped_with_the_candidates_listed() {
        DecisionOutcome outcome = applier.apply(cut, new Decision.Merge("sales", List.of("orders", "basket"), 2));

        assertThat(outcome).isInstanceOf(DecisionOutcome.Skipped.class);
        assertThat(outcome.note()).isEqualTo("no candidate named [basket]; the candidates are [cart, orders]");
    }
}
