package dev.strangler.gateway.routedb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.gateway.routefile.InvalidRouteFileException;
import dev.strangler.gateway.routefile.RouteFileReader;
import dev.strangler.gateway.routefile.RouteFileWriter;
import dev.strangler.gateway.routefile.RouteSnapshot;
import dev.strangler.gateway.routing.RouteTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredTableTest {

    private static final RouteTable TABLE = RouteFileReader.read("""
            version: 1
            routes:
              - id: orders
                paths: ["/api/orders"]
                target: {lambda: "orders-fn", qualifier: "live"}
                weight: 10
                sticky-by: "cookie:JSESSIONID"
              - id: items
                paths: ["/api/items/{id}"]
                methods: [GET]
                target: monolith
            """, "test");

    private static List<StoredRoute> rows(RouteTable table) {
        return table.routes().stream().map(r -> new StoredRoute(r.id(), RouteFileWriter.routeYaml(r), 3)).toList();
    }

    @Test
    void rows_read_back_as_the_table_they_were_written_from_with_their_versions() {
        RouteSnapshot snapshot = new StoredTable(rows(TABLE), 7).snapshot("postgresql://db/strangler");

        assertThat(snapshot.table()).isEqualTo(TABLE);
        assertThat(snapshot.versions()).containsOnlyKeys("orders", "items").containsValue(3L);
        assertThat(snapshot.revision()).isEqualTo(7);
        assertThat(new StoredTable(rows(TABLE), 7).yaml()).isEqualTo(RouteFileWriter.toYaml(TABLE, List.of()));
    }

    @Test
    void an_empty_store_is_an_empty_table() {
        assertThat(new StoredTable(List.of(), 0).snapshot("db").table().routes()).isEmpty();
    }

    @Test
    void a_stored_route_is_held_to_the_route_file_rules_with_the_reader_s_messages() {
        StoredRoute bad = new StoredRoute("orders", """
                  - id: "orders"
                    paths: ["/api/orders"]
                    target: {lambda: "orders-fn"}
                    weight: 150
                """, 2);

        assertThatThrownBy(() -> new StoredTable(List.of(bad), 4).snapshot("postgresql://db/strangler"))
                .isInstanceOf(InvalidRouteFileException.class)
                .hasMessageContaining("postgresql://db/strangler:6: route 'orders': weight must be between 0 and 100, but was 150");
    }

    @Test
    void a_row_defining_another_route_than_its_id_or_two_routes_is_refused() {
        StoredRoute renamed = new StoredRoute("carts", RouteFileWriter.routeYaml(TABLE.routes().get(0)), 1);
        StoredRoute both = new StoredRoute("orders", new StoredTable(rows(TABLE), 0).yaml()
                .substring("version: 1\nroutes:\n".length()), 1);

        assertThatThrownBy(() -> new StoredTable(List.of(renamed), 1).snapshot("db"))
                .hasMessageContaining("the rows [carts] define the routes [orders]");
        assertThatThrownBy(() -> new StoredTable(List.of(both), 1).snapshot("db"))
                .hasMessageContaining("the rows [orders] define the routes [orders, items]");
    }

    @Test
    void an_import_keeps_the_versions_of_unchanged_routes_and_lists_what_it_adds_changes_and_removes() {
        List<StoredRoute> existing = List.of(new StoredRoute("orders", RouteFileWriter.routeYaml(TABLE.routes().get(0)), 4),
                new StoredRoute("items", "  - id: \"items\"\n    paths: [\"/old\"]\n    target: monolith\n", 2),
                new StoredRoute("gone", "  - id: \"gone\"\n    paths: [\"/gone\"]\n    target: monolith\n", 9));
        RouteTable imported = RouteFileReader.read(RouteFileWriter.toYaml(TABLE).replace("routes:\n", """
                routes:
                  - id: fresh
                    paths: ["/fresh"]
                    target: monolith
                """), "imported");

        ImportPlan plan = ImportPlan.of(existing, imported);

        assertThat(plan.entries()).extracting(ImportPlan.Entry::id).containsExactly("fresh", "orders", "items");
        assertThat(plan.entries()).extracting(ImportPlan.Entry::isNew).containsExactly(true, false, false);
        assertThat(plan.entries()).extracting(ImportPlan.Entry::isChanged).containsExactly(false, false, true);
        assertThat(plan.removed()).extracting(StoredRoute::id).containsExactly("gone");
        assertThat(plan.summary()).isEqualTo("3 routes: 1 added, 1 changed, 1 unchanged, 1 removed");
    }

    @Test
    void settings_never_show_credentials_and_take_only_postgresql_urls() {
        StoreSettings settings = StoreSettings.of("jdbc:postgresql://db.internal:5432/strangler?user=gw&password=s3cret&sslmode=require",
                "gw", "s3cret");

        assertThat(settings.location()).isEqualTo("postgresql://db.internal:5432/strangler");
        assertThat(settings.toString()).doesNotContain("s3cret").contains("(hidden)");
        assertThatThrownBy(() -> StoreSettings.of("jdbc:mysql://db/x?password=s3cret", null, null))
                .hasMessageContaining("must be a PostgreSQL JDBC URL like jdbc:postgresql://")
                .hasMessageNotContaining("s3cret");
    }
}
