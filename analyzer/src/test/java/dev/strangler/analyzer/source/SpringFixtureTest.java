package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.AccessMode;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.MethodInfo;
import dev.strangler.analyzer.core.Stereotype;
import dev.strangler.analyzer.core.TypeInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SpringFixtureTest {
    private static Codebase shop;

    @BeforeAll
    static void scan() {
        shop = Fixtures.scan("spring-shop");
    }

    @Test
    void finds_spring_mvc_routes_with_class_prefix_constants_arrays_and_methods() {
        assertThat(shop.entryPoints()).filteredOn(e -> e.kind() == EntryPointKind.HTTP)
                .extracting(EntryPoint::httpMethod, EntryPoint::path, e -> e.handler().name())
                .containsExactly(
                        tuple("POST", "/api/orders", "place"),
                        tuple("GET", "/api/orders/find", "search"),
                        tuple("GET", "/api/orders/search", "search"),
                        tuple("GET", "/api/orders/{id}", "get"),
                        tuple("DELETE", "/api/orders/{id}/cancel", "cancel"),
                        tuple("POST", "/api/orders/{id}/cancel", "cancel"));
        assertThat(shop.entryPoints().get(0).location().toString())
                .isEqualTo("src/main/java/shop/web/OrderController.java:30");
    }

    @Test
    void finds_scheduled_job_as_non_http_entry_point() {
        assertThat(shop.entryPoints()).filteredOn(e -> e.kind() == EntryPointKind.SCHEDULED)
                .extracting(EntryPoint::httpMethod, EntryPoint::path)
                .containsExactly(tuple("cron", "OrderServiceImpl.purgeOld"));
    }

    @Test
    void skips_test_and_build_output_folders_and_says_so() {
        assertThat(shop.types()).extracting(t -> t.name().value())
                .doesNotContain("shop.OrderControllerTest", "shop.Generated");
        assertThat(shop.problems()).extracting(p -> p.toCompilerStyle())
                .contains("src/test: note: skipped test sources folder", "target: note: skipped build output folder");
        assertThat(shop.stats().filesParsed()).isEqualTo(11);
    }

    @Test
    void maps_entities_to_tables_with_spring_boot_default_naming() {
        assertThat(shop.entities()).extracting(e -> e.entity().simpleName(), e -> e.table())
                .containsExactly(tuple("Customer", "customers"), tuple("Order", "orders"), tuple("OrderLine", "order_line"));
    }

    @Test
    void binds_spring_data_repositories_to_their_entities_and_tables() {
        assertThat(shop.repositories()).extracting(r -> r.repository().simpleName(), r -> r.entity().simpleName())
                .containsExactly(tuple("CustomerRepository", "Customer"), tuple("OrderRepository", "Order"));
        assertThat(accesses("shop.repo.OrderRepository"))
                .contains(tuple("findByStatus", "orders", AccessMode.READ, DataAccessOrigin.SPRING_DATA),
                        tuple("deleteByStatus", "orders", AccessMode.WRITE, DataAccessOrigin.SPRING_DATA),
                        tuple("withSku", "orders", AccessMode.READ, DataAccessOrigin.JPQL),
                        tuple("forVips", "customers", AccessMode.READ, DataAccessOrigin.NATIVE_SQL),
                        tuple("forVips", "orders", AccessMode.READ, DataAccessOrigin.NATIVE_SQL));
    }

    @Test
    void reads_sql_from_constants_locals_concatenations_and_literals() {
        assertThat(accesses("shop.service.OrderServiceImpl")).containsExactly(
                tuple("cancel", "orders", AccessMode.WRITE, DataAccessOrigin.JDBC),
                tuple("place", "order_audit", AccessMode.WRITE, DataAccessOrigin.JDBC),
                tuple("purgeOld", "order_line", AccessMode.READ, DataAccessOrigin.JDBC),
                tuple("purgeOld", "orders", AccessMode.READ, DataAccessOrigin.JDBC));
    }

    @Test
    void resolves_calls_through_interfaces_to_their_implementations() {
        assertThat(method("shop.web.OrderController", "get").calls()).containsExactly(
                id("shop.service.OrderService", "find"), id("shop.service.OrderServiceImpl", "find"),
                id("shop.web.OrderView", "of"));
    }

    @Test
    void resolves_calls_through_inherited_repository_methods_generic_results_and_var() {
        assertThat(method("shop.service.OrderServiceImpl", "place").calls()).contains(
                id("shop.repo.CustomerRepository", "findById"), id("shop.repo.OrderRepository", "save"),
                id("shop.domain.Order", "<init>"), id("shop.domain.Order", "getId"));
        assertThat(method("shop.service.OrderServiceImpl", "cancel").calls())
                .contains(id("shop.domain.Order", "cancel"), id("shop.service.OrderServiceImpl", "find"));
    }

    @Test
    void records_associations_inheritance_and_no_self_dependencies() {
        assertThat(shop.dependencies()).extracting(d -> d.from().simpleName(), d -> d.to().simpleName(), Dependency::kind)
                .contains(tuple("Order", "Customer", DependencyKind.ASSOCIATION),
                        tuple("Order", "OrderLine", DependencyKind.ASSOCIATION),
                        tuple("OrderServiceImpl", "OrderService", DependencyKind.INHERITANCE),
                        tuple("OrderServiceImpl", "Order", DependencyKind.INSTANTIATION),
                        tuple("OrderController", "OrderService", DependencyKind.FIELD));
        assertThat(shop.dependencies()).noneMatch(d -> d.from().equals(d.to())).noneMatch(Dependency::guessed);
    }

    @Test
    void tells_stereotypes_from_annotations_supertypes_and_shape() {
        assertThat(shop.types()).extracting(t -> t.name().simpleName(), TypeInfo::stereotypes).contains(
                tuple("OrderController", java.util.Set.of(Stereotype.ENTRY_POINT)),
                tuple("OrderRepository", java.util.Set.of(Stereotype.REPOSITORY)),
                tuple("Order", java.util.Set.of(Stereotype.ENTITY)),
                tuple("OrderView", java.util.Set.of(Stereotype.DATA_CARRIER)),
                tuple("ApiPaths", java.util.Set.of(Stereotype.UTILITY)),
                tuple("ShopApplication", java.util.Set.of(Stereotype.CONFIGURATION)));
    }

    @Test
    void gives_the_same_model_twice_and_with_any_number_of_threads() {
        assertThat(Fixtures.scan("spring-shop")).isEqualTo(shop);
        assertThat(new SourceScanner(new ScanOptions(java.util.List.of(), 1))
                .scan(Fixtures.path("spring-shop"), dev.strangler.analyzer.core.ProgressListener.NONE)).isEqualTo(shop);
        assertThat(new SourceScanner(new ScanOptions(java.util.List.of(), 5))
                .scan(Fixtures.path("spring-shop"), dev.strangler.analyzer.core.ProgressListener.NONE)).isEqualTo(shop);
    }

    private static java.util.List<org.assertj.core.groups.Tuple> accesses(String accessor) {
        return shop.tableAccesses().stream().filter(a -> a.accessor().value().equals(accessor))
                .map(a -> tuple(a.member(), a.table(), a.mode(), a.origin())).toList();
    }

    static MethodInfo method(String owner, String name) {
        return shop.methods().stream().filter(m -> m.id().equals(id(owner, name))).findFirst()
                .orElseThrow(() -> new AssertionError("no method " + owner + "#" + name + " in\n" + Fixtures.dump(shop)));
    }

    static MethodId id(String owner, String name) {
        return new MethodId(ClassName.of(owner), name);
    }
}
