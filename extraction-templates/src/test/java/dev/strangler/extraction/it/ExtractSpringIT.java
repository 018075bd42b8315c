package dev.strangler.extraction.it;

import dev.strangler.extraction.cli.Main;
import dev.strangler.lambdalocal.execution.FunctionConfig;
import dev.strangler.lambdalocal.LambdaLocal;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code extract} end to end: the generated spring-flavor project is built with Maven as generated, its deployment
 * zip runs in lambda-local, and the real SDK's answers are compared with the real sample monolith's for the same
 * requests. The monolith and the function share one H2 database served over TCP, as they would share a database
 * server in production. Slow (two Maven builds that download from Maven Central on first run).
 */
class ExtractSpringIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path WORK = Path.of("target", "extract-it");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Server database;
    private static Process monolith;
    private static URI monolithUri;
    private static String databaseUrl;
    private static LambdaLocal lambda;
    private static LambdaClient client;

    @BeforeAll
    static void start_database_monolith_and_lambda_local() throws Exception {
        Path jar = Path.of(System.getProperty("monolith.jar", "../legacy-sample-monolith/target/legacy-sample-monolith.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("sample monolith jar " + jar.toAbsolutePath().normalize() + " is missing; build it "
                    + "first: ./mvnw -pl legacy-sample-monolith package -DskipTests");
        }
        deleteTree(WORK);
        Files.createDirectories(WORK);
        database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        databaseUrl = "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/mem:acmeshop;DB_CLOSE_DELAY=-1";
        int port = freePort();
        Path log = WORK.resolve("monolith.log");
        monolith = new ProcessBuilder(java(), "-Xmx256m", "-jar", jar.toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--spring.datasource.url=" + databaseUrl)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        monolithUri = URI.create("http://127.0.0.1:" + port);
        waitForMonolith(log);
        lambda = LambdaLocal.start(0);
        client = LambdaClient.builder()
                .endpointOverride(lambda.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder().expectContinueEnabled(false).socketTimeout(Duration.ofMinutes(4)))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)).apiCallTimeout(Duration.ofMinutes(4)))
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (lambda != null) {
            lambda.close();
        }
        if (monolith != null) {
            monolith.destroy();
            monolith.waitFor(30, TimeUnit.SECONDS);
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void coupon_function_builds_as_generated_and_answers_as_the_monolith_does() throws Exception {
        Path project = extract("coupon", Main.OK, "./strangler routes set coupon-get --lambda coupon-fn --weight 0");
        build(project, true);
        deploy("coupon-fn", project);

        for (String path : List.of("/api/coupons/WELCOME10", "/api/coupons/summer2020", "/api/coupons/NO-SUCH-CODE")) {
            Answer fromMonolith = monolith("GET", path, null);
            Answer fromFunction = function("coupon-fn", "GET", path, "", null);

            assertThat(fromFunction.status()).as("status of GET %s", path).isEqualTo(fromMonolith.status());
            assertThat(fromFunction.json()).as("body of GET %s", path).isEqualTo(fromMonolith.json());
        }
    }

    @Test
    void cart_function_builds_answers_its_error_answers_as_the_monolith_and_names_what_is_not_yet_moved() throws Exception {
        Path project = extract("cart", Main.TODO, "CustomerRepository.findById(Long) (owned by customers)");
        assertThat(Files.readString(project.resolve("README.md"))).contains("- [ ] CustomerRepository.findById(Long)");
        build(project, false);
        deploy("cart-fn", project);
        String item = "{\"productId\":1,\"quantity\":1}";

        Answer noCustomerMonolith = monolith("POST", "/api/cart/items", item);
        Answer noCustomerFunction = function("cart-fn", "POST", "/api/cart/items", "", item);
        Answer invalidMonolith = monolith("POST", "/api/cart/items?customerId=1", "{\"quantity\":1}");
        Answer invalidFunction = function("cart-fn", "POST", "/api/cart/items", "customerId=1", "{\"quantity\":1}");
        Answer notYetMoved = function("cart-fn", "POST", "/api/cart/items", "customerId=1", item);

        assertThat(noCustomerFunction.status()).isEqualTo(noCustomerMonolith.status()).isEqualTo(401);
        assertThat(noCustomerFunction.json()).isEqualTo(noCustomerMonolith.json());
        assertThat(invalidFunction.status()).isEqualTo(invalidMonolith.status()).isEqualTo(400);
        assertThat(invalidFunction.json()).isEqualTo(invalidMonolith.json());
        assertThat(notYetMoved.status()).isEqualTo(501);
        assertThat(notYetMoved.json().path("detail").asString())
                .startsWith("CustomerRepository.findById(Long) is not yet moved");
    }

    private static Path extract(String service, int expectedExit, String expectedOutput) {
        Path out = WORK.resolve(service);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        int exit = Main.run(new String[] {"--report", "../reports/legacy-sample-monolith", "--service", service,
                "--source", "../legacy-sample-monolith", "--out", out.toString()}, new PrintWriter(stdout), new PrintWriter(stderr));

        assertThat(exit).as("exit code; stderr: %s", stderr).isEqualTo(expectedExit);
        assertThat(stdout.toString()).contains(expectedOutput);
        return out;
    }

    /** Runs the repository's Maven wrapper on the generated project, as its README says. */
    private static void build(Path project, boolean withTests) throws Exception {
        Path log = WORK.resolve(project.getFileName() + "-build.log");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of("..", "mvnw").toAbsolutePath().normalize().toString(),
                "-q", "-B", "-f", project.resolve("pom.xml").toAbsolutePath().toString(), "package"));
        if (!withTests) {
            command.add("-DskipTests");
        }
        Process maven = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = maven.waitFor(15, TimeUnit.MINUTES);
        if (!done) {
            maven.destroyForcibly();
        }
        assertThat(done && maven.exitValue() == 0).as("the generated project builds as generated; Maven's output in %s:%n%s",
                log.toAbsolutePath(), tail(log, 40)).isTrue();
    }

    private static void deploy(String name, Path project) {
        Path zip = project.resolve("target").resolve(name + "-lambda.zip");
        String handler = "com.acmeshop.lambda." + name.replace("-fn", "") + ".StreamLambdaHandler::handleRequest";
        lambda.deploy(FunctionConfig.of(name, zip, handler)
                .withTimeout(Duration.ofMinutes(3))
                .withMemoryMb(1024)
                .withEnvironment(Map.of("DB_URL", databaseUrl, "DB_USER", "sa", "DB_PASSWORD", "",
                        "MONOLITH_URL", monolithUri.toString(),
                        // lambda-local counts init from the process start, a little before the JVM's own start time
                        // that the container's async init counts from: leave it a wider margin on busy machines
                        "AWS_SERVERLESS_JAVA_CONTAINER_INIT_GRACE_TIME", "3000")));
    }

    private record Answer(int status, JsonNode json) {
    }

    private static Answer monolith(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(monolithUri.resolve(path)).header("accept", "application/json");
        if (body != null) {
            request.header("content-type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private static Answer function(String name, String method, String path, String query, String body) {
        InvokeResponse response = client.invoke(b -> b.functionName(name)
                .payload(SdkBytes.fromUtf8String(HttpApiEvent.json(method, path, query, body))));
        String payload = response.payload().asUtf8String();
        assertThat(response.functionError()).as("function error; payload %s", payload).isNull();
        JsonNode reply = JSON.readTree(payload);
        String replyBody = reply.path("body").asString();
        if (reply.path("isBase64Encoded").asBoolean(false)) {
            replyBody = new String(java.util.Base64.getDecoder().decode(replyBody), StandardCharsets.UTF_8);
        }
        return new Answer(reply.path("statusCode").asInt(), JSON.readTree(replyBody));
    }

    private static void waitForMonolith(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(monolithUri.resolve("/api/products")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!monolith.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the sample monolith did not start; its log " + log + ":\n" + tail(log, 30));
            }
            Thread.sleep(500);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
