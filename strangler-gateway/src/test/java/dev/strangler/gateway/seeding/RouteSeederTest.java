package dev.strangler.gateway.seeding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.routing.PathPattern;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteSeederTest {

    private final List<ReportedRoute> routes = new ArrayList<>();

    private RouteSeederTest http(String candidate, String method, String path) {
        routes.add(new ReportedRoute(candidate, "HTTP", method, path, "spring-mvc", "shop." + candidate + "#handle"));
        return this;
    }

    private Seeding seed(String... candidates) {
        return RouteSeeder.seed(new DecompositionReport("shop", List.of(candidates), routes));
    }

    private static List<String> ids(Seeding seeding) {
        return seeding.table().routes().stream().map(Route::id).toList();
    }

    @Test
    void seeds_one_route_per_candidate_and_method_to_the_monolith_at_weight_0() {
        http("orders", "GET", "/api/orders").http("orders", "GET", "/api/orders/{id}").http("orders", "POST", "/api/orders")
                .http("cart", "DELETE", "/api/cart").http("cart", "GET", "/api/cart");

        Seeding seeding = seed("orders", "cart");

        assertThat(ids(seeding)).containsExactly("orders-get", "orders-post", "cart-get", "cart-delete");
        Route ordersGet = seeding.table().routes().get(0);
        assertThat(ordersGet.paths()).extracting(PathPattern::pattern).containsExactly("/api/orders", "/api/orders/{id}");
        assertThat(ordersGet.methods()).containsExactly("GET");
        assertThat(seeding.table().routes()).allSatisfy(route -> {
            assertThat(route.target()).isEqualTo(new RouteTarget.Monolith());
            assertThat(route.weight()).isZero();
        });
        assertThat(seeding.notExpressed()).isEmpty();
        assertThat(seeding.warnings()).isEmpty();
    }

    @Test
    void puts_a_more_specific_path_of_a_later_candidate_first() {
        http("products", "GET", "/api/products/{id}").http("search", "GET", "/api/products/search");

        Seeding seeding = seed("products", "search");

        assertThat(ids(seeding)).containsExactly("search-get", "products-get");
    }

    @Test
    void puts_a_one_method_route_before_an_any_method_route_on_the_same_path() {
        http("legacy", "ANY", "/app/orders").http("orders", "GET", "/app/orders");

        Seeding seeding = seed("legacy", "orders");

        assertThat(ids(seeding)).containsExactly("orders-get", "legacy-any");
        assertThat(seeding.table().routes().get(1).methods()).isEmpty();
    }

    @Test
    void says_which_requests_no_order_can_route_right() {
        http("a", "GET", "/x/{id}").http("a", "GET", "/y/fixed")
                .http("b", "GET", "/x/fixed").http("b", "GET", "/y/{id}");

        Seeding seeding = seed("a", "b");

        assertThat(ids(seeding)).containsExactlyInAnyOrder("a-get", "b-get");
        assertThat(seeding.warnings()).singleElement().asString()
                .contains("'a-get' comes before 'b-get'").contains("/x/fixed").contains("goes to 'a-get'");
    }

    @Test
    void warns_when_two_candidates_list_the_same_route() {
        http("a", "GET", "/x/{id}").http("b", "GET", "/x/{key}");

        Seeding seeding = seed("a", "b");

        assertThat(seeding.warnings()).singleElement().asString()
                .contains("'a-get' and 'b-get' both take GET /x/{id} (as /x/{key})");
    }

    @Test
    void lists_jobs_and_listeners_apart_and_refuses_what_the_gateway_cannot_express() {
        routes.add(new ReportedRoute("notifications", "SCHEDULED", "cron", "Job.run", "spring", "shop.Job#run"));
        http("orders", "TRACE", "/api/orders").http("orders", "GET", "/api/v{version}/orders").http("orders", "GET", "/api/orders");

        Seeding seeding = seed("notifications", "orders");

        assertThat(ids(seeding)).containsExactly("orders-get");
        assertThat(seeding.otherEntryPoints()).extracting(ReportedRoute::label).containsExactly("SCHEDULED cron Job.run");
        assertThat(seeding.notExpressed()).satisfiesExactly(
                trace -> assertThat(trace).startsWith("orders: TRACE /api/orders (shop.orders#handle)").contains("GET"),
                versioned -> assertThat(versioned).contains("/api/v{version}/orders").contains("'v{version}'"));
    }

    @Test
    void refuses_routes_whose_candidate_name_makes_no_route_id() {
        http("Order Service", "GET", "/api/orders").http("cart", "GET", "/api/cart");

        Seeding seeding = seed("Order Service", "cart");

        assertThat(ids(seeding)).containsExactly("cart-get");
        assertThat(seeding.notExpressed()).singleElement().asString()
                .contains("'Order Service-get'").contains("rename the candidate");
    }

    @Test
    void says_once_per_path_which_queries_move_together_and_once_for_all_struts_paths() {
        routes.add(new ReportedRoute("calc", "HTTP", "ANY", "/Calculator.action?add", "stripes", "shop.Calc#add"));
        routes.add(new ReportedRoute("calc", "HTTP", "ANY", "/Calculator.action?divide", "stripes", "shop.Calc#divide"));
        routes.add(new ReportedRoute("shop", "HTTP", "ANY", "/orders/list", "struts", "shop.List#execute"));
        routes.add(new ReportedRoute("shop", "HTTP", "ANY", "/orders/edit", "struts", "shop.Edit#execute"));

        Seeding seeding = seed("calc", "shop");

        assertThat(ids(seeding)).containsExactly("calc-any", "shop-any");
        assertThat(seeding.table().routes().get(0).paths()).extracting(PathPattern::pattern)
                .containsExactly("/Calculator.action");
        assertThat(seeding.warnings()).containsExactly(
                "'calc-any' takes /Calculator.action whatever its query: the gateway routes by path only, so the"
                        + " analyzer's handlers for ?add, ?divide move together",
                "2 Struts action paths are listed without the extension the Struts filter maps (.action, .do), such as"
                        + " /orders/list; add it to the seeded paths if requests carry one");
    }

    @Test
    void seeds_an_empty_table_from_a_report_without_http_routes() {
        routes.add(new ReportedRoute("jobs", "MESSAGE", "orders-queue", "Listener.onMessage", "spring", "shop.L#onMessage"));

        Seeding seeding = seed("jobs");

        assertThat(seeding.table().routes()).isEmpty();
        assertThat(seeding.otherEntryPoints()).hasSize(1);
        assertThat(Set.copyOf(seeding.notExpressed())).isEmpty();
    }
}
