package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #13: a service must serve a route, a job or a message; --services cannot conjure more than that. */
class ServingTest {
    /** Orders and customers, each with a route, and a batch area that no entry point reaches and nothing ties. */
    static Codebase withUntiedBatch() {
        ModelBuilder m = new ModelBuilder("batchy", "com.acme");
        m.type("orders.OrderController", Stereotype.ENTRY_POINT).type("orders.OrderService", Stereotype.SERVICE)
                .type("orders.Order", Stereotype.ENTITY)
                .type("customers.CustomerController", Stereotype.ENTRY_POINT)
                .type("customers.CustomerService", Stereotype.SERVICE).type("customers.Customer", Stereotype.ENTITY)
                .type("orders.batch.Reconciler").type("orders.batch.Ledger", Stereotype.ENTITY)
                .type("orders.batch.LedgerLine", Stereotype.ENTITY);
        m.entity("orders.Order", "orders").entity("customers.Customer", "customers")
                .entity("orders.batch.Ledger", "ledger").entity("orders.batch.LedgerLine", "ledger_line");
        m.route("GET", "/orders", "orders.OrderController#list").route("POST", "/orders", "orders.OrderController#place")
                .route("GET", "/customers", "customers.CustomerController#list");
        m.call("orders.OrderController#list", "orders.OrderService#list")
                .call("orders.OrderController#place", "orders.OrderService#place")
                .reference("orders.OrderService#place", "orders.Order", DependencyKind.INSTANTIATION)
                .access("orders.OrderService#list", "orders", AccessMode.READ)
                .access("orders.OrderService#place", "orders", AccessMode.WRITE)
                .call("customers.CustomerController#list", "customers.CustomerService#list")
                .reference("customers.CustomerService#list", "customers.Customer", DependencyKind.LOCAL)
                .access("customers.CustomerService#list", "customers", AccessMode.READ)
                .reference("orders.batch.Reconciler#run", "orders.batch.Ledger", DependencyKind.INSTANTIATION)
                .reference("orders.batch.Reconciler#run", "orders.batch.LedgerLine", DependencyKind.INSTANTIATION)
                .depend("orders.batch.Ledger", "orders.batch.LedgerLine", DependencyKind.ASSOCIATION, 2)
                .access("orders.batch.Reconciler#run", "ledger", AccessMode.WRITE)
                .access("orders.batch.Reconciler#run", "ledger_line", AccessMode.WRITE);
        return m.build();
    }

    @Test
    void a_cluster_serving_nothing_and_tied_to_no_service_joins_the_service_closest_by_package() {
        Decomposition decomposition = new Decomposer().decompose(withUntiedBatch(), DecompositionOptions.defaults(),
                ProgressListener.NONE);

        assertThat(decomposition.services()).allSatisfy(service -> assertThat(service.routes()).isNotEmpty());
        assertThat(decomposition.services()).hasSize(2);
        ServiceCandidate orders = decomposition.services().stream()
                .filter(c -> c.classes().contains(ClassName.of("com.acme.orders.OrderController"))).findFirst().orElseThrow();
        assertThat(orders.classes()).contains(ClassName.of("com.acme.orders.batch.Reconciler"),
                ClassName.of("com.acme.orders.batch.Ledger"));
    }

    @Test
    void more_services_than_the_entry_points_support_are_refused_with_the_number_they_support() {
        Decomposition decomposition = new Decomposer().decompose(ModelFixtures.shop(),
                new DecompositionOptions(10, 0, List.of()), ProgressListener.NONE);

        assertThat(decomposition.services()).hasSize(3)
                .allSatisfy(service -> assertThat(service.routes()).isNotEmpty());
        assertThat(decomposition.choice().reason()).startsWith("--services 10 asks for more services than the "
                + "evidence supports").contains("3 classes handle them").contains("proposing 3 services");
        assertThat(decomposition.problems()).anySatisfy(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertThat(problem.message()).startsWith("--services 10 asks for more services");
        });
    }
}
