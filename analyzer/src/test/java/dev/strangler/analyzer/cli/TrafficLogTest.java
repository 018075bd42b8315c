package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.core.RequestTally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue #13: request counts from the gateway's access log, nginx or Apache logs and a CSV of route,count. */
class TrafficLogTest {
    @TempDir
    Path temp;

    private static final Path GATEWAY_FILTER =
            Path.of("../strangler-gateway/src/main/java/dev/strangler/gateway/web/AccessLog.java");
    private static final Path GATEWAY_LOGBACK = Path.of("../strangler-gateway/src/main/resources/logback-spring.xml");

    @Test
    void the_three_formats_are_read_and_added_up_by_method_and_path() throws IOException {
        Path gateway = Files.writeString(temp.resolve("gateway.log"), """
                2026-12-07T03:20:01.101Z ACCESS route=monolith side=monolith target=monolith method=GET path=/api/products/1 status=200 latency_ms=3.912 request_id=a aws_request_id=- fallback=- signal=onComplete
                2026-12-07T03:20:01.202Z ACCESS route=monolith side=monolith target=monolith method=GET path=/api/products/1 status=502 latency_ms=1.000 request_id=b aws_request_id=- fallback=- signal=onComplete
                """);
        Path nginx = Files.writeString(temp.resolve("access.log"), """
                127.0.0.1 - - [07/Dec/2026:03:20:01 +0000] "GET /api/products/1?x=1 HTTP/1.1" 200 512 "-" "curl/8.5"
                10.0.0.7 - bob [07/Dec/2026:03:20:02 +0000] "POST /api/orders HTTP/1.1" 500 17
                this is not a request
                """);
        Path csv = Files.writeString(temp.resolve("counts.csv"), """
                route,count,errors
                GET /api/orders/{id},1200,3
                /api/cart,40
                """);

        TrafficLog log = TrafficLog.read(List.of(gateway, nginx, csv));

        assertThat(log.tallies()).containsExactly(
                new RequestTally("GET", "/api/products/1", 3, 1),
                new RequestTally("POST", "/api/orders", 1, 1),
                new RequestTally("GET", "/api/orders/{id}", 1200, 3),
                new RequestTally("ANY", "/api/cart", 40, 0));
        assertThat(log.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("access.log");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).startsWith("1 of 3 lines are in none of the formats read");
        });
    }

    @Test
    void a_file_without_any_request_is_refused_with_the_formats_named() throws IOException {
        Path notes = Files.writeString(temp.resolve("notes.txt"), "hello\nworld\n");

        assertThatThrownBy(() -> TrafficLog.read(List.of(notes)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("has no request in a format the analyzer reads (line 1 is the first of 2")
                .hasMessageContaining("CSV of route,count");
        assertThatThrownBy(() -> TrafficLog.read(List.of(temp.resolve("missing.log"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("--traffic file does not exist");
    }

    @Test
    void reads_a_line_as_the_gateway_writes_it_today() throws IOException {
        // The gateway's access line is built in AccessLog (key=value fields) and prefixed by its logback
        // pattern; a line is rebuilt from the gateway's current source, so a renamed or dropped field fails here.
        assertThat(GATEWAY_FILTER).as("the gateway's source beside the analyzer (run the tests from the repository)")
                .isRegularFile();
        String logback = Files.readString(GATEWAY_LOGBACK);
        Matcher pattern = Pattern.compile("<pattern>%d\\{[^}]*}( ACCESS )%msg%n</pattern>").matcher(logback);
        assertThat(pattern.find()).as("the gateway's ACCESS pattern in " + GATEWAY_LOGBACK).isTrue();
        String source = Files.readString(GATEWAY_FILTER);
        String block = source.substring(source.indexOf("access.info("));
        Matcher key = Pattern.compile("\\.append\\(\" ?([a-z_]+)=\"\\)").matcher(block.substring(0, block.indexOf(".toString()")));
        List<String> fields = new ArrayList<>();
        while (key.find()) {
            String name = key.group(1);
            fields.add(name + "=" + switch (name) {
                case "method" -> "PUT";
                case "path" -> "/api/inventory/7";
                case "status" -> "503";
                default -> "x";
            });
        }
        assertThat(fields).extracting(f -> f.substring(0, f.indexOf('='))).contains("method", "path", "status");
        Path log = Files.writeString(temp.resolve("gateway.log"),
                "2026-12-07T03:20:01.101Z" + pattern.group(1) + String.join(" ", fields) + "\n");

        assertThat(TrafficLog.read(List.of(log)).tallies())
                .containsExactly(new RequestTally("PUT", "/api/inventory/7", 1, 1));
    }
}
