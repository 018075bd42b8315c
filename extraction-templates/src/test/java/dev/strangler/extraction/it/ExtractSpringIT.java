package dev.strangler.extraction.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.extraction.cli.Main;
import dev.strangler.lambdalocal.execution.FunctionConfig;
import dev.strangler.lambdalocal.LambdaLocal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code extract} end to end in the spring flavor, through the strangler gateway ({@link ThroughTheGateway}): the
 * command line writes both projects, each is built with the repository's Maven wrapper as generated, its own tests
 * included, and its deployment zip runs in lambda-local. Slow (two Maven builds and two Spring starts).
 */
class ExtractSpringIT extends ThroughTheGateway {
    private static final Path WORK = Path.of("target", "extract-it");

    private String couponOutput;
    private String cartOutput;

    @Override
    protected Path work() {
        return WORK;
    }

    @Override
    protected Deployed deploy(Path work, SampleServers servers, LambdaLocal lambda) throws Exception {
        deleteTree(work);
        Files.createDirectories(work);
        Path coupon = work.resolve("coupon");
        Path cart = work.resolve("cart");
        couponOutput = extract("coupon", coupon, Main.OK);
        cartOutput = extract("cart", cart, Main.TODO);
        build(coupon);
        build(cart);
        deploy(lambda, "coupon-fn", coupon, servers);
        deploy(lambda, "cart-fn", cart, servers);
        return new Deployed(coupon, cart);
    }

    @Test
    @Order(0)
    void extract_prints_the_gateway_commands_and_the_to_do_list() throws IOException {
        assertThat(couponOutput).contains("./strangler routes set coupon-get --lambda coupon-fn --weight 0");
        assertThat(cartOutput).contains("./strangler routes set cart-put --lambda cart-fn --weight 0",
                "InventoryService.available(Long) (owned by products)",
                "CustomerRepository stays with customers but is served by Spring Data over the shared database");
        assertThat(Files.readString(WORK.resolve("cart/README.md"))).contains("- [ ] InventoryService.available(Long)");
    }

    private static String extract(String service, Path out, int expectedExit) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        int exit = Main.run(new String[] {"--report", "../reports/legacy-sample-monolith", "--service", service,
                "--source", "../legacy-sample-monolith", "--out", out.toString()}, new PrintWriter(stdout), new PrintWriter(stderr));

        assertThat(exit).as("exit code of extract %s; stderr: %s", service, stderr).isEqualTo(expectedExit);
        return stdout.toString();
    }

    /** Runs the repository's Maven wrapper on the generated project, as its README says; its own tests run too. */
    private static void build(Path project) throws Exception {
        Path log = project.resolveSibling(project.getFileName() + "-build.log");
        List<String> command = new ArrayList<>(List.of(Path.of("..", "mvnw").toAbsolutePath().normalize().toString(),
                "-q", "-B", "-f", project.resolve("pom.xml").toAbsolutePath().toString(), "package"));
        Process maven = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = maven.waitFor(15, TimeUnit.MINUTES);
        if (!done) {
            maven.destroyForcibly();
        }
        assertThat(done && maven.exitValue() == 0).as("the generated project builds as generated; Maven's output in %s:%n%s",
                log.toAbsolutePath(), tail(log, 40)).isTrue();
    }

    private static void deploy(LambdaLocal lambda, String name, Path project, SampleServers servers) {
        Path zip = project.resolve("target").resolve(name + "-lambda.zip");
        String handler = "com.acmeshop.lambda." + name.replace("-fn", "") + ".StreamLambdaHandler::handleRequest";
        lambda.deploy(FunctionConfig.of(name, zip, handler)
                .withTimeout(Duration.ofMinutes(3))
                .withMemoryMb(1024)
                .withConcurrency(1)
                .withEnvironment(Map.of("DB_URL", servers.jdbcUrl, "DB_USER", "sa", "DB_PASSWORD", "",
                        "MONOLITH_URL", servers.monolithUri.toString(),
                        // lambda-local counts init from the process start, a little before the JVM's own start time
                        // that the container's async init counts from: leave it a wider margin on busy machines
                        "AWS_SERVERLESS_JAVA_CONTAINER_INIT_GRACE_TIME", "3000")));
    }

    private static String tail(Path file, int lines) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
