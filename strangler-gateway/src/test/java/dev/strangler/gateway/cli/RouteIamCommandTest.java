package dev.strangler.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./strangler routes iam} on the module's example route file, and on bad input. */
class RouteIamCommandTest {
    private static final String EXAMPLE = "routes.example.yml";

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RoutesCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_example_route_file_gives_invoke_on_exactly_its_two_qualified_functions() {
        assertThat(Path.of(EXAMPLE)).as("the module's example route file").exists();
        int code = run("iam", "--from", EXAMPLE, "--region", "eu-west-1", "--account", "123456789012");

        assertThat(code).as(err()).isZero();
        JsonNode policy = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(policy.get("Version").asString()).isEqualTo("2012-10-17");
        assertThat(policy.get("Statement")).hasSize(1);
        JsonNode statement = policy.get("Statement").get(0);
        assertThat(statement.get("Effect").asString()).isEqualTo("Allow");
        assertThat(statement.get("Action").asString()).isEqualTo("lambda:InvokeFunction");
        assertThat(statement.get("Sid").asString()).isNotBlank();
        List<String> resources = new ArrayList<>();
        statement.get("Resource").forEach(node -> resources.add(node.asString()));
        assertThat(resources).containsExactly(
                "arn:aws:lambda:eu-west-1:123456789012:function:orders-fn:7",
                "arn:aws:lambda:eu-west-1:123456789012:function:products-fn:live");
        assertThat(err()).contains("2 function resources");
    }

    @Test
    void without_region_and_account_the_named_function_is_refused_with_its_route() {
        assertThat(run("iam", "--from", EXAMPLE)).isEqualTo(1);
        assertThat(err()).contains("route 'products-read': function 'products-fn' is named without an ARN")
                .doesNotContain("orders-create");
        assertThat(out.size()).isZero();
    }

    @Test
    void an_invalid_route_file_is_refused_with_its_problems() throws IOException {
        Path routes = Files.writeString(temp.resolve("routes.yml"), """
                version: 1
                routes:
                  - id: a
                    paths: ["/a"]
                    target: {lambda: fx}
                    weight: 150
                """);
        assertThat(run("iam", "--from", routes.toString(), "--region", "eu-west-1", "--account", "123456789012")).isEqualTo(1);
        assertThat(err()).contains("routes.yml:6: route 'a': weight must be between 0 and 100, but was 150");
    }

    @Test
    void out_writes_the_policy_and_keeps_an_existing_file_unless_forced() throws IOException {
        Path policy = temp.resolve("iam/policy.json");
        String[] args = {"iam", "--from", EXAMPLE, "--region", "eu-west-1", "--account", "123456789012", "--out", policy.toString()};
        assertThat(run(args)).as(err()).isZero();
        assertThat(Files.readString(policy)).contains("function:products-fn:live");

        Files.writeString(policy, "kept");
        assertThat(run(args)).isEqualTo(1);
        assertThat(Files.readString(policy)).isEqualTo("kept");
        List<String> forced = new ArrayList<>(List.of(args));
        forced.add("--force");
        assertThat(run(forced.toArray(String[]::new))).isZero();
        assertThat(Files.readString(policy)).contains("lambda:InvokeFunction");
    }

    @Test
    void usage_errors_exit_2() {
        assertThat(run("iam", "--region", "eu-west-1")).isEqualTo(2);
        assertThat(err()).contains("missing --from ROUTES");
        assertThat(run("iam", "--from", EXAMPLE, "--account", "42")).isEqualTo(2);
        assertThat(err()).contains("account must be 12 digits, but was '42'");
    }
}
