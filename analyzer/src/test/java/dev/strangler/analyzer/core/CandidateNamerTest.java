package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateNamerTest {
    private static List<String> names(Codebase codebase, List<List<String>> groups) {
        ClassGraph graph = ClassGraph.of(codebase);
        CodebaseFacts facts = new CodebaseFacts(codebase, graph, List.of());
        List<SortedSet<ClassName>> classes = groups.stream().map(group -> {
            SortedSet<ClassName> set = new TreeSet<>();
            group.forEach(simple -> set.add(ClassName.of("p." + simple)));
            return set;
        }).toList();
        return CandidateNamer.name(classes, facts);
    }

    @Test
    void a_prefix_most_tables_share_is_not_a_name() {
        ModelBuilder m = new ModelBuilder("app", "p");
        m.type("Order", Stereotype.ENTITY).type("OrderItem", Stereotype.ENTITY).type("Offer", Stereotype.ENTITY)
                .entity("Order", "BLC_ORDER").entity("OrderItem", "BLC_ORDER_ITEM").entity("Offer", "BLC_OFFER");

        assertThat(names(m.build(), List.of(List.of("Order", "OrderItem"), List.of("Offer"))))
                .containsExactly("order", "offer");
    }

    @Test
    void a_prefix_is_one_at_least_half_of_the_tables_and_three_or_more_share() {
        assertThat(CandidateNamer.tablePrefix(List.of("blc_order", "blc_offer", "BLC_SKU", "app_user")))
                .isEqualTo("blc_");
        assertThat(CandidateNamer.tablePrefix(List.of("order_line", "order_total", "customer", "product"))).isEmpty();
        assertThat(CandidateNamer.tablePrefix(List.of("blc_order", "blc_offer"))).isEmpty();
        assertThat(CandidateNamer.tablePrefix(List.of("sales.t_order", "sales.t_offer", "sales.t_sku"))).isEqualTo("t_");
    }

    @Test
    void route_segments_most_routes_start_with_are_not_names() {
        ModelBuilder m = new ModelBuilder("app", "p");
        m.type("Users", Stereotype.ENTRY_POINT).type("Roles", Stereotype.ENTRY_POINT)
                .route("GET", "/admin/realms/{realm}/users", "Users#list")
                .route("GET", "/admin/realms/{realm}/users/{id}", "Users#get")
                .route("GET", "/admin/realms/{realm}/roles", "Roles#list")
                .route("GET", "/realms/{realm}/account", "Users#account");

        assertThat(CandidateNamer.routePrefix(m.build().entryPoints())).containsExactly("admin", "realms", "{realm}");
        assertThat(names(m.build(), List.of(List.of("Users"), List.of("Roles")))).containsExactly("users", "roles");
    }

    @Test
    void among_equal_votes_the_word_with_more_uses_behind_it_wins_before_the_alphabet() {
        ModelBuilder m = new ModelBuilder("app", "p");
        m.type("Dao").access("Dao#a", "zone", AccessMode.WRITE).access("Dao#b", "zone", AccessMode.WRITE)
                .access("Dao#c", "zone", AccessMode.WRITE).access("Dao#d", "area", AccessMode.WRITE);

        assertThat(names(m.build(), List.of(List.of("Dao")))).containsExactly("zone");
    }
}
