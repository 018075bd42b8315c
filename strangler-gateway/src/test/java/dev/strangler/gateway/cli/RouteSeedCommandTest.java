package dev.strangler.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.routefile.RouteFileReader;
import dev.strangler.gateway.routing.RequestFacts;
import dev.strangler.gateway.routing.RouteMatch;
import dev.strangler.gateway.routing.RouteTable;
import dev.strangler.gateway.routing.RouteTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./strangler routes seed} on the analyzer's committed report of the sample monolith, and on bad input. */
class RouteSeedCommandTest {
    private static final Path SAMPLE_REPORT = Path.of("../reports/legacy-sample-monolith/decomposition.json");

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RoutesCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A discovered route of the report: its candidate, method and path as the analyzer wrote them. */
    private record Discovered(String candidate, String method, String path) {
        /** The path with a value in each variable, as a request would carry it. */
        String requestPath() {
            return path.replaceAll("\\{[^}/]+}", "42");
        }
    }

    private static List<Discovered> httpRoutesOf(Path report) throws IOException {
        assertThat(report).as("the analyzer's committed report on the sample monolith; write it with"
                + " ./strangler analyze legacy-sample-monolith --out reports/legacy-sample-monolith").isRegularFile();
        List<Discovered> routes = new ArrayList<>();
        for (JsonNode candidate : JsonMapper.builder().build().readTree(Files.readString(report)).get("candidates")) {
            for (JsonNode route : candidate.get("routes")) {
                if (route.get("kind").asString().equals("HTTP")) {
                    routes.add(new Discovered(candidate.get("name").asString(), route.get("method").asString(),
                            route.get("path").asString()));
                }
            }
        }
        return routes;
    }

    private record Request(String method, String path) implements RequestFacts {
        @Override
        public String header(String name) {
            return null;
        }

        @Override
        public String cookie(String name) {
            return null;
        }
    }

    @Test
    void seeds_the_sample_report_into_a_route_file_that_routes_every_discovered_route_to_its_candidate() throws IOException {
        Path routes = temp.resolve("routes.yml");

        int code = run("seed", "--from", SAMPLE_REPORT.toString(), "--out", routes.toString());

        assertThat(code).as(err()).isZero();
        String yaml = Files.readString(routes);
        RouteTable table = RouteFileReader.read(yaml, routes.toString());
        assertThat(yaml).startsWith("# Seeded by ./strangler routes seed from " + SAMPLE_REPORT);
        assertThat(table.routes()).isNotEmpty().allSatisfy(route -> {
            assertThat(route.target()).isEqualTo(new RouteTarget.Monolith());
            assertThat(route.weight()).isZero();
        });
        List<Discovered> discovered = httpRoutesOf(SAMPLE_REPORT);
        assertThat(discovered).hasSizeGreaterThan(40);
        for (Discovered route : discovered) {
            String method = route.method().equals("ANY") ? "GET" : route.method();
            Optional<RouteMatch> match = table.match(new Request(method, route.requestPath()));
            assertThat(match).as("%s %s of %s", method, route.requestPath(), route.candidate()).isPresent();
            assertThat(match.get().route().id()).as("%s %s", method, route.requestPath())
                    .isEqualTo(route.candidate() + "-" + route.method().toLowerCase(Locale.ROOT));
        }
        assertThat(table.routes()).extracting(r -> r.id()).contains("orders-get", "orders-post", "cart-delete");
        assertThat(err()).contains("Seeded " + table.routes().size() + " routes").contains("written to " + routes)
                .contains("Not routes (2):").contains("SCHEDULED fixedDelay OutboxDispatchJob.dispatch");
        assertThat(yaml).contains("# Not routes (jobs and message listeners").contains("#   notifications: SCHEDULED");
        assertThat(out()).isEmpty();
    }

    @Test
    void prints_the_route_file_without_out_and_reads_a_report_folder() {
        int code = run("seed", "--from", SAMPLE_REPORT.getParent().toString());

        assertThat(code).as(err()).isZero();
        assertThat(RouteFileReader.read(out(), "stdout").find("orders-get")).isPresent();
        assertThat(out()).startsWith("# Seeded by ./strangler routes seed from " + SAMPLE_REPORT + " (");
    }

    @Test
    void keeps_an_existing_file_unless_forced() throws IOException {
        Path routes = Files.writeString(temp.resolve("routes.yml"), "version: 1\nroutes: []\n");

        int refused = run("seed", "--from", SAMPLE_REPORT.toString(), "--out", routes.toString());

        assertThat(refused).isEqualTo(1);
        assertThat(err()).contains(routes + " exists; pass --force to replace it");
        assertThat(Files.readString(routes)).isEqualTo("version: 1\nroutes: []\n");

        int forced = run("seed", "--from", SAMPLE_REPORT.toString(), "--out", routes.toString(), "--force");

        assertThat(forced).isZero();
        assertThat(RouteFileReader.read(Files.readString(routes), "routes.yml").find("orders-get")).isPresent();
    }

    @Test
    void refuses_a_report_of_another_schema_version_saying_which_it_reads() throws IOException {
        Path report = Files.writeString(temp.resolve("decomposition.json"),
                Files.readString(SAMPLE_REPORT).replace("\"schemaVersion\": 1,", "\"schemaVersion\": 3,"));

        int code = run("seed", "--from", report.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("has schemaVersion 3, but this gateway understands schema version 1 only");
        assertThat(out()).isEmpty();
    }

    @Test
    void refuses_a_broken_report_listing_each_violation() throws IOException {
        Path report = Files.writeString(temp.resolve("decomposition.json"),
                Files.readString(SAMPLE_REPORT).replaceFirst("\"path\": \"/api/coupons/\\{code}\",", ""));

        int code = run("seed", "--from", report.toString(), "--out", temp.resolve("routes.yml").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("does not follow the decomposition report schema (version 1), 1 violation:")
                .contains("$.candidates[0].routes[0]: required property 'path' not found");
        assertThat(temp.resolve("routes.yml")).doesNotExist();
    }

    @Test
    void refuses_a_missing_report() {
        int code = run("seed", "--from", temp.resolve("missing").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("there is no report at " + temp.resolve("missing")).contains("./strangler analyze");
    }

    @Test
    void usage_errors_exit_2() {
        assertThat(run("seed")).isEqualTo(2);
        assertThat(err()).contains("missing --from REPORT").contains("Usage: ./strangler routes seed");
        assertThat(run("seed", "--from", "x", "--force")).isEqualTo(2);
        assertThat(run("seed", "--from")).isEqualTo(2);
        assertThat(run("seed", "--from", "x", "--weight", "3")).isEqualTo(2);
        assertThat(err()).contains("unknown option or argument '--weight'");
    }
}
