package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UseCaseTracerTest {
    private static UseCase trace(Codebase codebase, String label) {
        ClassGraph graph = ClassGraph.of(codebase);
        EntryPoint entryPoint = codebase.entryPoints().stream().filter(e -> e.label().equals(label)).findFirst().orElseThrow();
        return new UseCaseTracer(codebase).trace(entryPoint, graph);
    }

    @Test
    void follows_calls_to_repositories_their_entities_and_tables() {
        UseCase useCase = trace(ModelFixtures.shop(), "GET /api/orders");

        assertThat(useCase.classes()).extracting(ClassName::simpleName)
                .containsExactlyInAnyOrder("OrderController", "OrderService", "OrderRepository", "Order");
        assertThat(useCase.tables()).containsExactly("orders");
    }

    @Test
    void table_access_of_a_reached_method_counts_and_cross_area_calls_are_followed() {
        UseCase useCase = trace(ModelFixtures.shop(), "POST /api/orders");

        assertThat(useCase.tables()).contains("order_lines", "orders", "products", "customers");
        assertThat(useCase.classes()).extracting(ClassName::simpleName).contains("ProductService", "CustomerService", "Money");
    }

    @Test
    void a_call_to_an_interface_method_reaches_its_implementations() {
        ModelBuilder m = new ModelBuilder("app", "p");
        m.type("Api", Stereotype.ENTRY_POINT).type("Port", TypeKind.INTERFACE, List.of())
                .type("Adapter", TypeKind.CLASS, List.of("Port")).type("Dao")
                .route("GET", "/x", "Api#get").call("Api#get", "Port#load").call("Adapter#load", "Dao#read")
                .access("Dao#read", "things", AccessMode.READ).access("Dao#other", "unrelated", AccessMode.READ);
        Codebase codebase = m.build();

        UseCase useCase = new UseCaseTracer(codebase).trace(codebase.entryPoints().get(0), ClassGraph.of(codebase));

        assertThat(useCase.classes()).extracting(ClassName::simpleName).containsExactly("Adapter", "Api", "Dao", "Port");
        assertThat(useCase.tables()).containsExactly("things");
    }

    @Test
    void an_entry_point_the_codebase_does_not_list_is_traced_from_what_a_call_to_it_reaches() {
        ModelBuilder m = new ModelBuilder("app", "p");
        m.type("Port", TypeKind.INTERFACE, List.of()).type("Adapter", TypeKind.CLASS, List.of("Port")).type("Dao")
                .type("Other").call("Adapter#load", "Dao#read").call("Other#run", "Dao#read")
                .access("Dao#read", "things", AccessMode.READ);
        Codebase codebase = m.build();
        EntryPoint unlisted = new EntryPoint(EntryPointKind.HTTP, "spring-mvc", "GET", "/y",
                new MethodId(ClassName.of("p.Port"), "load"), new SourceLocation("p/Port.java", 1));

        UseCase useCase = new UseCaseTracer(codebase).trace(unlisted, ClassGraph.of(codebase));

        assertThat(useCase.classes()).extracting(ClassName::simpleName).containsExactly("Adapter", "Dao", "Port");
        assertThat(useCase.tables()).containsExactly("things");
        assertThat(useCase.truncated()).isFalse();
    }

    @Test
    void a_use_case_stops_after_the_method_bound_and_says_so() {
        ModelBuilder m = new ModelBuilder("app", "p");
        m.type("Api", Stereotype.ENTRY_POINT).type("Chain").route("GET", "/long", "Api#get").call("Api#get", "Chain#m0")
                .route("GET", "/short", "Api#short").call("Api#short", "Chain#s0");
        for (int i = 0; i < UseCaseTracer.MAX_METHODS + 5; i++) {
            m.call("Chain#m" + i, "Chain#m" + (i + 1));
        }
        for (int i = 0; i < 100; i++) {
            m.call("Chain#s" + i, "Chain#s" + (i + 1));
        }
        Codebase codebase = m.build();

        assertThat(trace(codebase, "GET /long").truncated()).isTrue();
        assertThat(trace(codebase, "GET /short").truncated()).isFalse();
    }

    @Test
    void nested_types_fold_into_their_top_level_class() {
        ModelBuilder m = new ModelBuilder("app", "p");
        m.type("Outer").type("Outer.Inner").type("Other").depend("Outer.Inner", "Other", DependencyKind.CALL, 2);

        ClassGraph graph = ClassGraph.of(m.build());

        assertThat(graph.units()).extracting(ClassName::value).containsExactly("p.Other", "p.Outer");
        assertThat(graph.calls().get(ClassName.of("p.Outer"))).containsEntry(ClassName.of("p.Other"), 2L);
    }
}
