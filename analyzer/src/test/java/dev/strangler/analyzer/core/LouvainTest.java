package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LouvainTest {
    /** Two 4-cliques (0-3 and 4-7) joined by one weak edge. */
    private static WeightedGraph twoCliques() {
        WeightedGraph.Builder builder = new WeightedGraph.Builder(8);
        for (int base : new int[] {0, 4}) {
            for (int a = base; a < base + 4; a++) {
                for (int b = a + 1; b < base + 4; b++) {
                    builder.add(a, b, 1);
                }
            }
        }
        return builder.add(3, 4, 0.5).build();
    }

    @Test
    void finds_the_two_cliques() {
        int[] communities = Louvain.communities(twoCliques(), 1.0);

        assertThat(communities).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
    }

    @Test
    void is_deterministic() {
        assertThat(Louvain.communities(twoCliques(), 1.0)).isEqualTo(Louvain.communities(twoCliques(), 1.0));
    }

    @Test
    void modularity_of_the_clique_split_matches_hand_computation() {
        WeightedGraph graph = twoCliques();
        // m = 12.5; each side: inside 6, degree total 12.5 → Q = 2 * (6/12.5 − (12.5/25)^2) = 0.46
        assertThat(graph.modularity(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, 1.0)).isCloseTo(0.46, within(1e-9));
    }

    @Test
    void a_low_resolution_merges_everything() {
        int[] communities = Louvain.communities(twoCliques(), 0.01);

        assertThat(communities).containsOnly(0);
    }

    @Test
    void repeated_edges_add_up_in_the_order_added_and_rows_are_sorted() {
        WeightedGraph graph = new WeightedGraph.Builder(4)
                .add(2, 0, 0.1).add(0, 3, 1).add(0, 2, 0.2).add(1, 1, 0.5).add(2, 0, 0.3).add(0, 1, 0).build();

        assertThat(graph.neighbours[0]).containsExactly(2, 3);
        assertThat(graph.weights[0]).containsExactly((0.1 + 0.2) + 0.3, 1.0);
        assertThat(graph.neighbours[2]).containsExactly(0);
        assertThat(graph.weights[2]).containsExactly((0.1 + 0.2) + 0.3);
        assertThat(graph.neighbours[1]).isEmpty();
        assertThat(graph.selfLoops[1]).isEqualTo(0.5);
    }
}
