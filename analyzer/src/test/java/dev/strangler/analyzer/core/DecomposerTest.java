package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DecomposerTest {
    private static Decomposition decompose(DecompositionOptions options) {
        return new Decomposer().decompose(ModelFixtures.shop(), options, ProgressListener.NONE);
    }

    private static Map<String, List<String>> classesByCandidate(Decomposition decomposition) {
        return decomposition.candidates().stream().collect(Collectors.toMap(ServiceCandidate::name,
                c -> c.classes().stream().map(ClassName::simpleName).toList()));
    }

    @Test
    void recovers_the_three_areas_and_keeps_utilities_in_the_shared_kernel() {
        Decomposition decomposition = decompose(DecompositionOptions.defaults());

        Map<String, List<String>> candidates = classesByCandidate(decomposition);
        assertThat(candidates).containsOnlyKeys("products", "orders", "customers", Decomposer.SHARED_KERNEL);
        assertThat(candidates.get("orders")).containsExactlyInAnyOrder("Order", "OrderLine", "OrderRepository",
                "OrderService", "OrderTotals", "OrderController");
        assertThat(candidates.get(Decomposer.SHARED_KERNEL)).containsExactlyInAnyOrder("Money", "ApiError");
        assertThat(decomposition.choice().reason()).contains("modularity");
    }

    @Test
    void each_table_is_owned_by_one_candidate() {
        Decomposition decomposition = decompose(DecompositionOptions.defaults());

        assertThat(decomposition.candidates().stream().flatMap(c -> c.tables().stream())
                .filter(ServiceCandidate.TableShare::owned).map(ServiceCandidate.TableShare::table))
                .containsExactlyInAnyOrder("products", "categories", "orders", "order_lines", "customers", "addresses");
    }

    @Test
    void services_can_be_forced_and_neighbouring_counts_are_reported() {
        Decomposition two = decompose(new DecompositionOptions(2, 0, List.of()));

        assertThat(two.services()).hasSize(2);
        assertThat(two.choice().reason()).contains("--services 2");
        // three classes serve routes, so no cut has a fourth service
        assertThat(two.neighbours()).extracting(Decomposition.Neighbour::services).containsExactly(1, 2, 3);
    }

    @Test
    void extraction_order_starts_with_the_least_difficult() {
        List<ServiceCandidate> services = decompose(DecompositionOptions.defaults()).services();

        assertThat(services).extracting(ServiceCandidate::extractionOrder).containsExactly(1, 2, 3);
        assertThat(services).extracting(c -> c.difficulty().score()).isSorted();
    }

    @Test
    void every_class_has_an_explained_placement() {
        Decomposition decomposition = decompose(DecompositionOptions.defaults());

        assertThat(decomposition.placements()).hasSize(19).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
        Placement money = decomposition.placements().stream()
                .filter(p -> p.name().simpleName().equals("Money")).findFirst().orElseThrow();
        assertThat(money.reason()).contains("utility");
    }

    @Test
    void decisions_are_honoured_and_their_cost_reported() {
        List<Decision> decisions = List.of(
                new Decision.SharedKernel(List.of(new ClassPattern("com.acme.service.OrderTotals")), 1),
                new Decision.Merge("sales", List.of("orders", "customers"), 2),
                new Decision.Pin("catalog-admin", List.of(new ClassPattern("com.acme.repo.CategoryRepository")), 3),
                new Decision.Rename("products", "catalog", 4),
                new Decision.Rename("nowhere", "x", 5));

        Decomposition decomposition = decompose(new DecompositionOptions(0, 0, decisions));

        Map<String, List<String>> candidates = classesByCandidate(decomposition);
        assertThat(candidates).containsOnlyKeys("catalog", "sales", "catalog-admin", Decomposer.SHARED_KERNEL);
        assertThat(candidates.get(Decomposer.SHARED_KERNEL)).contains("OrderTotals");
        assertThat(candidates.get("catalog-admin")).containsExactly("CategoryRepository");
        assertThat(decomposition.decisionEffects()).hasSize(5);
        assertThat(decomposition.decisionEffects().get(2).costsCoupling()).isTrue();
        assertThat(decomposition.decisionEffects().get(4).applied()).isFalse();
        assertThat(decomposition.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("nowhere").contains("the candidates are"));
    }

    @Test
    void a_split_moves_matching_classes_into_a_new_candidate() {
        List<Decision> decisions = List.of(new Decision.Split("products", "categories",
                List.of(new ClassPattern("*Category*")), 7));

        Decomposition decomposition = decompose(new DecompositionOptions(0, 0, decisions));

        assertThat(classesByCandidate(decomposition).get("categories"))
                .containsExactlyInAnyOrder("Category", "CategoryRepository");
    }

    @Test
    void an_empty_codebase_gives_an_empty_decomposition() {
        Codebase empty = new ModelBuilder("empty", "p").build();

        Decomposition decomposition = new Decomposer().decompose(empty, DecompositionOptions.defaults(), ProgressListener.NONE);

        assertThat(decomposition.candidates()).isEmpty();
    }
}
