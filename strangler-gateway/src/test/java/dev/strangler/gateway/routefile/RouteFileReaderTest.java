package dev.strangler.gateway.routefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.gateway.routing.RouteTable;
import dev.strangler.gateway.routing.RouteTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RouteFileReaderTest {

    @Test
    void reads_the_example_route_file() throws Exception {
        RouteTable table = RouteFileReader.read(Files.readString(Path.of("routes.example.yml")), "routes.example.yml");

        assertThat(table.routes()).extracting(r -> r.id()).containsExactly("products-read", "orders-create", "invoices", "customers");
        assertThat(table.routes().get(0).target()).isEqualTo(new RouteTarget.LambdaFunction("products-fn", "live", "2.0"));
        assertThat(table.routes().get(1).stickyBy().toString()).isEqualTo("cookie:JSESSIONID");
        assertThat(table.routes().get(2).headers()).containsEntry("x-tenant", "acme|globex");
        assertThat(table.routes().get(3).weight()).isZero();
    }

    @Test
    void written_yaml_reads_back_to_an_equal_table() throws Exception {
        RouteTable table = RouteFileReader.read(Files.readString(Path.of("routes.example.yml")), "routes.example.yml");

        RouteTable again = RouteFileReader.read(RouteFileWriter.toYaml(table), "written");

        assertThat(again).isEqualTo(table);
    }

    @Test
    void reports_every_problem_with_line_and_route_id() {
        String yaml = """
                version: 1
                routes:
                  - id: orders
                    paths: ["/api/orders"]
                    target: {lambda: "orders-fn"}
                    weight: 150
                  - id: carts
                    paths: ["api/carts"]
                    methods: [FETCH]
                    target: {lamda: "x"}
                    colour: blue
                """;

        assertThatThrownBy(() -> RouteFileReader.read(yaml, "routes.yml"))
                .isInstanceOf(InvalidRouteFileException.class)
                .hasMessageContaining("routes.yml:6: route 'orders': weight must be between 0 and 100, but was 150")
                .hasMessageContaining("routes.yml:8: route 'carts': path must start with '/', but was 'api/carts'")
                .hasMessageContaining("routes.yml:9: route 'carts': method must be one of")
                .hasMessageContaining("routes.yml:10: route 'carts': unknown key 'lamda'")
                .hasMessageContaining("routes.yml:11: route 'carts': unknown key 'colour'");
    }

    @Test
    void refuses_duplicate_ids_wrong_version_and_broken_yaml() {
        assertThatThrownBy(() -> RouteFileReader.read("version: 2\nroutes: []\n", "r.yml"))
                .hasMessageContaining("r.yml:1: version must be 1, but was '2'");
        assertThatThrownBy(() -> RouteFileReader.read("""
                version: 1
                routes:
                  - {id: a, paths: [/a], target: monolith}
                  - {id: a, paths: [/b], target: monolith}
                """, "r.yml")).hasMessageContaining("r.yml:4: route 'a': id appears twice");
        assertThatThrownBy(() -> RouteFileReader.read("version: 1\nroutes: [\n", "r.yml"))
                .hasMessageContaining("not valid YAML");
    }
}
