package dev.strangler.analyzer.baseline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The difference between two reports' cross-candidate dependencies, on small hand-written reports. */
class BaselineDiffTest {
    private static final String CART_TO_ORDERS = edge("shop.Cart", "shop.OrderService", "CALL", 2,
            "src/main/java/shop/Cart.java:41");

    @Test
    void the_same_report_is_unchanged_and_not_worse() {
        String report = report(1, candidate("cart", List.of("shop.Cart"), link("orders", CART_TO_ORDERS)),
                candidate("orders", List.of("shop.OrderService")));

        BaselineDiff diff = BaselineDiff.compare("old.json", report, report);

        assertThat(diff.isWorse()).isFalse();
        assertThat(diff.newDependencies()).isEmpty();
        assertThat(diff.toLines()).containsExactly("Compared with baseline old.json: 0 new cross-candidate "
                + "dependencies, 0 removed; cross-candidate weight 2 -> 2 (unchanged)");
    }

    @Test
    void a_new_cross_candidate_dependency_is_worse_and_named_with_its_call_site() {
        String before = report(1, candidate("cart", List.of("shop.Cart")), candidate("orders", List.of("shop.OrderService")));
        String after = report(1, candidate("cart", List.of("shop.Cart"), link("orders", CART_TO_ORDERS)),
                candidate("orders", List.of("shop.OrderService")));

        BaselineDiff diff = BaselineDiff.compare("old.json", before, after);

        assertThat(diff.isWorse()).isTrue();
        assertThat(diff.toLines()).contains(
                "src/main/java/shop/Cart.java:41: new dependency cart -> orders: Cart -> OrderService (CALL)",
                "  weight cart -> orders: 0 -> 2");
        assertThat(diff.toLines().get(0)).endsWith("cross-candidate weight 0 -> 2 (worse)");
    }

    @Test
    void new_dependencies_are_listed_by_file_then_line_as_a_number() {
        String before = report(1, candidate("cart", List.of("shop.Cart")), candidate("orders", List.of("shop.OrderService")));
        String after = report(1, candidate("cart", List.of("shop.Cart"), link("orders",
                        edge("shop.Cart", "shop.OrderService", "CALL", 1, "src/main/java/shop/Cart.java:126"),
                        edge("shop.Cart", "shop.OrderService", "FIELD", 1, "src/main/java/shop/Cart.java:46"))),
                candidate("orders", List.of("shop.OrderService")));

        assertThat(BaselineDiff.compare("old.json", before, after).newDependencies())
                .extracting(CrossDependency::firstSite)
                .containsExactly("src/main/java/shop/Cart.java:46", "src/main/java/shop/Cart.java:126");
    }

    @Test
    void a_removed_dependency_is_better() {
        String before = report(1, candidate("cart", List.of("shop.Cart"), link("orders", CART_TO_ORDERS)),
                candidate("orders", List.of("shop.OrderService")));
        String after = report(1, candidate("cart", List.of("shop.Cart")), candidate("orders", List.of("shop.OrderService")));

        BaselineDiff diff = BaselineDiff.compare("old.json", before, after);

        assertThat(diff.isWorse()).isFalse();
        assertThat(diff.removedDependencies()).extracting(CrossDependency::fromClass).containsExactly("shop.Cart");
        assertThat(diff.toLines().get(0)).endsWith("(better)");
    }

    @Test
    void a_heavier_existing_dependency_is_worse_without_a_new_one() {
        String before = report(1, candidate("cart", List.of("shop.Cart"), link("orders", CART_TO_ORDERS)),
                candidate("orders", List.of("shop.OrderService")));
        String after = report(1, candidate("cart", List.of("shop.Cart"), link("orders",
                        edge("shop.Cart", "shop.OrderService", "CALL", 5, "src/main/java/shop/Cart.java:41"))),
                candidate("orders", List.of("shop.OrderService")));

        BaselineDiff diff = BaselineDiff.compare("old.json", before, after);

        assertThat(diff.newDependencies()).isEmpty();
        assertThat(diff.isWorse()).isTrue();
        assertThat(diff.pairWeights()).containsExactly(new PairWeight("cart", "orders", 2, 5));
    }

    @Test
    void a_renamed_candidate_is_matched_by_its_classes_and_its_dependencies_are_not_new() {
        String before = report(1, candidate("cart", List.of("shop.Cart", "shop.CartLine"), link("orders", CART_TO_ORDERS)),
                candidate("orders", List.of("shop.OrderService")));
        String after = report(1, candidate("basket", List.of("shop.Cart", "shop.CartLine"), link("orders", CART_TO_ORDERS)),
                candidate("orders", List.of("shop.OrderService")), candidate("billing", List.of("shop.Invoice")));

        BaselineDiff diff = BaselineDiff.compare("old.json", before, after);

        assertThat(diff.renamed()).containsExactly("cart -> basket");
        assertThat(diff.candidatesAdded()).containsExactly("billing");
        assertThat(diff.candidatesRemoved()).isEmpty();
        assertThat(diff.pairWeights()).isEmpty();
        assertThat(diff.isWorse()).isFalse();
    }

    @Test
    void dependencies_on_the_shared_kernel_are_not_coupling_between_candidates() {
        String before = report(1, candidate("cart", List.of("shop.Cart")));
        String after = report(1, candidate("cart", List.of("shop.Cart"), link("shared-kernel",
                edge("shop.Cart", "shop.Money", "CALL", 1, "src/main/java/shop/Cart.java:9"))),
                "{\"name\":\"shared-kernel\",\"sharedKernel\":true,\"classes\":[\"shop.Money\"],\"outbound\":[]}");

        assertThat(BaselineDiff.compare("old.json", before, after).isWorse()).isFalse();
    }

    @Test
    void a_baseline_of_another_schema_version_is_refused_naming_the_version_understood() {
        String current = report(1, candidate("cart", List.of("shop.Cart")));

        assertThatThrownBy(() -> BaselineDiff.compare("old.json", report(2, candidate("cart", List.of("shop.Cart"))), current))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("baseline old.json has schemaVersion 2")
                .hasMessageContaining("understands schemaVersion 1 only");
    }

    @Test
    void a_baseline_that_is_not_json_is_refused_with_its_line() {
        assertThatThrownBy(() -> BaselineDiff.requireComparable("old.json", "{\n\"schemaVersion\": 1,\n oops"))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining("baseline old.json is not JSON").hasMessageContaining("line 3");
    }

    private static String report(int version, String... candidates) {
        return "{\"schemaVersion\":" + version + ",\"candidates\":[" + String.join(",", candidates) + "]}";
    }

    private static String candidate(String name, List<String> classes, String... outbound) {
        List<String> quoted = new ArrayList<>();
        classes.forEach(c -> quoted.add("\"" + c + "\""));
        return "{\"name\":\"" + name + "\",\"sharedKernel\":false,\"classes\":[" + String.join(",", quoted)
                + "],\"outbound\":[" + String.join(",", outbound) + "]}";
    }

    private static String link(String to, String... dependencies) {
        return "{\"candidate\":\"" + to + "\",\"dependencies\":[" + String.join(",", dependencies) + "]}";
    }

    private static String edge(String from, String to, String kind, int weight, String site) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"kind\":\"" + kind + "\",\"weight\":" + weight
                + ",\"guessed\":false,\"sites\":[\"" + site + "\"]}";
    }
}
