package dev.strangler.gateway.routefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.gateway.comparison.BodyPointer;
import dev.strangler.gateway.routing.InvocationType;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import dev.strangler.gateway.routing.RouteTarget;
import dev.strangler.gateway.routing.Shadow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
        assertThat(table.routes().get(2).shadow()).isEqualTo(new Shadow(10, false, Set.of("x-cache")));
        assertThat(table.routes().get(0).shadow()).isEqualTo(Shadow.OFF);
    }

    @Test
    void reads_a_shadow_block_and_writes_it_back() {
        String yaml = """
                version: 1
                routes:
                  - id: orders
                    paths: ["/api/orders"]
                    target: {url: "http://127.0.0.1:9000"}
                    weight: 0
                    shadow:
                      percent: 25
                      unsafe-methods: true
                      ignore-headers: [X-Cache, etag]
                  - id: carts
                    paths: ["/api/carts"]
                    target: {lambda: "carts-fn"}
                    shadow: {percent: 0, ignore-headers: x-served-by}
                """;

        RouteTable table = RouteFileReader.read(yaml, "routes.yml");
        RouteTable again = RouteFileReader.read(RouteFileWriter.toYaml(table), "written");

        assertThat(table.routes().get(0).shadow()).isEqualTo(new Shadow(25, true, Set.of("x-cache", "etag")));
        assertThat(table.routes().get(1).shadow()).isEqualTo(new Shadow(0, false, Set.of("x-served-by")));
        assertThat(again).isEqualTo(table);
        assertThat(RouteFileWriter.toYaml(table))
                .contains("shadow: {percent: 25, unsafe-methods: true, ignore-headers: [\"etag\", \"x-cache\"]}");
    }

    @Test
    void reports_every_problem_of_shadow_blocks_with_line_and_route_id() {
        String yaml = """
                version: 1
                routes:
                  - id: a
                    paths: ["/a"]
                    target: {lambda: "a-fn"}
                    shadow:
                      percent: 150
                      unsafe-methods: maybe
                      sample: all
                  - id: b
                    paths: ["/b"]
                    target: monolith
                    shadow: {percent: 10}
                  - id: c
                    paths: ["/c"]
                    target: {lambda: "c-fn"}
                    shadow: {percent: ten, ignore-headers: ["bad header"]}
                  - id: d
                    paths: ["/d"]
                    target: {lambda: "d-fn"}
                    shadow: 10
                  - id: e
                    paths: ["/e"]
                    target: {lambda: "e-fn"}
                    shadow: {ignore-headers: [x-a]}
                  - id: f
                    paths: ["/f"]
                    target: {lambda: "f-fn"}
                    shadow: {percent: 5, ignore-headers: ["bad header"]}
                """;

        assertThatThrownBy(() -> RouteFileReader.read(yaml, "routes.yml"))
                .isInstanceOf(InvalidRouteFileException.class)
                .hasMessageContaining("routes.yml:7: route 'a': shadow percent must be between 0 and 100, but was 150")
                .hasMessageContaining("routes.yml:8: route 'a': shadow unsafe-methods must be true or false, but was 'maybe'")
                .hasMessageContaining("routes.yml:9: route 'a': unknown key 'sample'; known keys are [ignore-body-paths, ignore-headers, noise-sample-percent, percent, unsafe-methods]")
                .hasMessageContaining("routes.yml:13: route 'b': shadow needs a target to copy requests to, but the route's target is the monolith")
                .hasMessageContaining("routes.yml:17: route 'c': shadow percent must be a whole number 0–100, but was 'ten'")
                .hasMessageContaining("routes.yml:21: route 'd': 'shadow' must be a mapping")
                .hasMessageContaining("routes.yml:25: route 'e': shadow needs 'percent'")
                .hasMessageContaining("routes.yml:29: route 'f': shadow ignore-headers must hold header names like 'x-trace', but held 'bad header'");
    }

    @Test
    void reads_body_paths_and_the_noise_sample_and_writes_them_back() {
        String yaml = """
                version: 1
                routes:
                  - id: orders
                    paths: ["/api/orders"]
                    target: {lambda: "orders-fn"}
                    shadow: {percent: 10, ignore-body-paths: ["/items/*/createdAt", "/id"], noise-sample-percent: 5}
                """;

        RouteTable table = RouteFileReader.read(yaml, "routes.yml");
        String written = RouteFileWriter.toYaml(table);

        assertThat(table.routes().get(0).shadow()).isEqualTo(new Shadow(10, false, Set.of(),
                List.of(BodyPointer.of("/id"), BodyPointer.of("/items/*/createdAt")), 5));
        assertThat(written).contains("shadow: {percent: 10, unsafe-methods: false,"
                + " ignore-body-paths: [\"/id\", \"/items/*/createdAt\"], noise-sample-percent: 5}");
        assertThat(RouteFileReader.read(written, "written")).isEqualTo(table);
    }

    @Test
    void a_bad_body_path_or_noise_share_is_an_error_with_its_line() {
        String yaml = """
                version: 1
                routes:
                  - id: orders
                    paths: ["/api/orders"]
                    target: {lambda: "orders-fn"}
                    shadow:
                      percent: 10
                      ignore-body-paths:
                        - /id
                        - createdAt
                      noise-sample-percent: 101
                """;

        assertThatThrownBy(() -> RouteFileReader.read(yaml, "routes.yml"))
                .isInstanceOf(InvalidRouteFileException.class)
                .hasMessageContaining("routes.yml:10: route 'orders': shadow ignore-body-paths: a body path must be a"
                        + " JSON Pointer starting with '/', like '/id' or '/items/*/createdAt', but was 'createdAt'")
                .hasMessageContaining("routes.yml:11: route 'orders': shadow noise-sample-percent must be between 0 and"
                        + " 100, but was 101");
    }

    @Test
    void a_route_refuses_a_shadow_when_its_target_is_the_monolith() {
        RouteTable table = RouteFileReader.read("""
                version: 1
                routes:
                  - {id: a, paths: [/a], target: {lambda: a-fn}, weight: 0, shadow: {percent: 10}}
                """, "r.yml");

        assertThatThrownBy(() -> table.routes().get(0).withTarget(new RouteTarget.Monolith(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route 'a' shadows 10% of its requests, but its target is the monolith");
        assertThat(table.routes().get(0).withShadow(Shadow.OFF).withTarget(new RouteTarget.Monolith(), 0).shadow())
                .isEqualTo(Shadow.OFF);
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

    @Test
    void reads_a_fire_and_forget_route_and_writes_it_back() {
        String yaml = """
                version: 1
                routes:
                  - id: order-events
                    paths: ["/api/orders/{id}/events"]
                    methods: [POST]
                    target: {lambda: "order-events-fn"}
                    invocation: event
                  - id: orders
                    paths: ["/api/orders"]
                    target: {lambda: "orders-fn"}
                    invocation: request-response
                """;

        RouteTable table = RouteFileReader.read(yaml, "routes.yml");
        String written = RouteFileWriter.toYaml(table);

        assertThat(table.routes()).extracting(Route::invocation)
                .containsExactly(InvocationType.EVENT, InvocationType.REQUEST_RESPONSE);
        assertThat(RouteFileReader.read(written, "written")).isEqualTo(table);
        assertThat(written).contains("    invocation: event\n").containsOnlyOnce("invocation:");
    }

    @Test
    void refuses_event_invocation_without_a_lambda_target_and_an_unknown_invocation_with_their_lines() {
        String yaml = """
                version: 1
                routes:
                  - id: a
                    paths: ["/a"]
                    target: {url: "http://127.0.0.1:9000"}
                    invocation: event
                  - id: b
                    paths: ["/b"]
                    target: monolith
                    invocation: event
                  - id: c
                    paths: ["/c"]
                    target: {lambda: "c-fn"}
                    invocation: async
                """;

        assertThatThrownBy(() -> RouteFileReader.read(yaml, "routes.yml"))
                .isInstanceOf(InvalidRouteFileException.class)
                .hasMessageContaining("routes.yml:6: route 'a': invocation 'event' needs a Lambda target, but the target is"
                        + " url:http://127.0.0.1:9000; give it {lambda: <function>} or remove 'invocation'")
                .hasMessageContaining("routes.yml:10: route 'b': invocation 'event' needs a Lambda target, but the target is monolith")
                .hasMessageContaining("routes.yml:14: route 'c': invocation must be request-response or event, but was 'async'");
    }

    @Test
    void a_fire_and_forget_route_keeps_its_lambda_target() {
        Route events = RouteFileReader.read("""
                version: 1
                routes:
                  - {id: e, paths: ["/e"], target: {lambda: "e-fn"}, invocation: event}
                """, "r.yml").routes().get(0);

        assertThat(events.withTarget(new RouteTarget.LambdaFunction("e2-fn", "live", null), 50).invocation())
                .isEqualTo(InvocationType.EVENT);
        assertThatThrownBy(() -> events.withTarget(new RouteTarget.Monolith(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route 'e' is invoked as 'event', which only a Lambda function can be");
    }
}
