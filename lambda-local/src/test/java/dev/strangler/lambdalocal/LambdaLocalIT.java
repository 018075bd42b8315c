package dev.strangler.lambdalocal;

import dev.strangler.lambdalocal.execution.FunctionConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * The sample functions invoked through the real SDK clients, each in real environment processes; one server and its
 * warm environments serve every test.
 */
class LambdaLocalIT {
    private static LambdaLocal lambda;
    private static LambdaClient client;
    private static LambdaAsyncClient asyncClient;

    @BeforeAll
    static void start() {
        lambda = LambdaLocal.start(0);
        lambda.deploy(FunctionConfig.of("greeting", SampleFunctions.jar(), SampleFunctions.GREETING));
        lambda.deploy(FunctionConfig.of("uppercase", SampleFunctions.jar(), SampleFunctions.UPPERCASE));
        lambda.deploy(FunctionConfig.of("http-echo", SampleFunctions.jar(), SampleFunctions.HTTP_ECHO));
        client = SampleFunctions.client(lambda.endpoint());
        asyncClient = SampleFunctions.asyncClient(lambda.endpoint());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (asyncClient != null) {
            asyncClient.close();
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void greets_through_a_pojo_request_handler() {
        InvokeResponse response = invoke("greeting", "{\"name\":\"Ada\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"greeting\":\"Hello, Ada!\"}");
    }

    @Test
    void upper_cases_through_a_stream_handler() {
        InvokeResponse response = invoke("uppercase", "\"shout this\"");

        assertThat(response.payload().asUtf8String()).isEqualTo("\"SHOUT THIS\"");
    }

    @Test
    void echoes_an_http_api_event_with_status_cookie_and_header_switches() {
        String event = httpEvent("POST", "/orders/7", "{\"x-sample-status\":\"201\",\"x-sample-set-cookie\":\"a=b\","
                + "\"x-sample-multi-header\":\"v1,v2\"}", "{\\\"qty\\\":2}");

        String payload = invoke("http-echo", event).payload().asUtf8String();

        assertThat(payload).contains("\"statusCode\":201", "\"cookies\":[\"a=b\"]", "\"x-multi\":\"v1,v2\"",
                "\"content-type\":\"application/json\"");
        assertThat(payload).contains("\\\"rawPath\\\":\\\"/orders/7\\\"", "\\\"method\\\":\\\"POST\\\"",
                "\\\"sourceIp\\\":\\\"127.0.0.1\\\"", "\\\"requestId\\\":\\\"req-1\\\"");
    }

    @Test
    void reports_a_thrown_exception_as_an_unhandled_function_error() {
        InvokeResponse response = invoke("greeting", "{\"name\":\"  \"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String())
                .contains("\"errorType\":\"java.lang.IllegalArgumentException\"")
                .contains("name must not be blank");
    }

    @Test
    void returns_the_tail_of_the_invocation_log() {
        InvokeResponse response = client.invoke(request -> request.functionName("greeting").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"name\":\"Grace\"}")));

        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertThat(log).startsWith("START RequestId: ").contains("Greeting Grace in request ")
                .contains("END RequestId: ").contains("REPORT RequestId: ").contains("Memory Size: 256 MB");
        assertThat(log).doesNotContain("Greeting Ada");
    }

    @Test
    void accepts_event_invocations_and_dry_runs_without_a_result() {
        InvokeResponse event = client.invoke(request -> request.functionName("greeting")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"name\":\"Event\"}")));
        InvokeResponse dryRun = client.invoke(request -> request.functionName("greeting")
                .invocationType(InvocationType.DRY_RUN).payload(SdkBytes.fromUtf8String("{}")));

        assertThat(event.statusCode()).isEqualTo(202);
        assertThat(dryRun.statusCode()).isEqualTo(204);
        awaitInvocationContaining("greeting", "Greeting Event in request");
    }

    @Test
    void finds_functions_by_partial_and_full_arn_with_latest_qualifier() {
        String arn = "arn:aws:lambda:us-east-1:000000000000:function:greeting";

        String byArn = invoke(arn + ":$LATEST", "{\"name\":\"Arn\"}").payload().asUtf8String();
        String byPartialArn = invoke("000000000000:function:greeting", "{\"name\":\"Part\"}").payload().asUtf8String();

        assertThat(byArn).isEqualTo("{\"greeting\":\"Hello, Arn!\"}");
        assertThat(byPartialArn).isEqualTo("{\"greeting\":\"Hello, Part!\"}");
    }

    @Test
    void answers_unknown_function_with_resource_not_found() {
        assertThatThrownBy(() -> invoke("no-such-function", "{}"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Function not found: arn:aws:lambda:us-east-1:000000000000:function:no-such-function")
                .extracting(e -> ((ResourceNotFoundException) e).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> invoke("greeting:7", "{}")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void answers_a_payload_that_is_not_json_with_invalid_request_content() {
        assertThatThrownBy(() -> invoke("greeting", "{\"name\": nope"))
                .isInstanceOf(InvalidRequestContentException.class)
                .hasMessageContaining("Could not parse request body into json");
    }

    @Test
    void answers_a_payload_over_six_megabytes_with_request_too_large() {
        String big = "\"" + "x".repeat(6 * 1024 * 1024) + "\"";

        assertThatThrownBy(() -> invoke("uppercase", big))
                .isInstanceOf(RequestTooLargeException.class)
                .hasMessageContaining("6291456");
    }

    @Test
    void lists_the_deployed_functions() {
        List<FunctionConfiguration> functions = client.listFunctions().functions();

        assertThat(functions).extracting(FunctionConfiguration::functionName).contains("greeting", "uppercase", "http-echo");
        assertThat(functions).filteredOn(function -> function.functionName().equals("greeting")).singleElement()
                .satisfies(function -> {
                    assertThat(function.handler()).isEqualTo(SampleFunctions.GREETING);
                    assertThat(function.timeout()).isEqualTo(3);
                    assertThat(function.memorySize()).isEqualTo(256);
                    assertThat(function.functionArn()).endsWith(":function:greeting");
                });
    }

    @Test
    void answers_the_health_endpoint_with_the_number_of_functions() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(lambda.endpoint().resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{\"status\":\"UP\",\"functions\":")
                .contains("\"functions\":" + lambda.functions().size() + "}");
    }

    @Test
    void ends_an_invocation_past_its_timeout_and_replaces_the_environment() {
        lambda.deploy(FunctionConfig.of("slow", SampleFunctions.jar(), SampleFunctions.HTTP_ECHO)
                .withTimeout(Duration.ofSeconds(1)));

        InvokeResponse timedOut = invoke("slow", httpEvent("GET", "/slow", "{\"x-sample-sleep-ms\":\"5000\"}", null));
        InvokeResponse next = invoke("slow", httpEvent("GET", "/fast", "{}", null));

        assertThat(timedOut.functionError()).isEqualTo("Unhandled");
        assertThat(timedOut.payload().asUtf8String()).contains("Task timed out after 1.00 seconds");
        assertThat(next.functionError()).isNull();
        assertThat(next.payload().asUtf8String()).contains("/fast");
    }

    @Test
    void refuses_an_invocation_beyond_the_concurrency_limit_with_too_many_requests() {
        lambda.deploy(FunctionConfig.of("single", SampleFunctions.jar(), SampleFunctions.HTTP_ECHO).withConcurrency(1));
        invoke("single", httpEvent("GET", "/warm", "{}", null));
        CompletableFuture<InvokeResponse> busy = asyncClient.invoke(request -> request.functionName("single")
                .payload(SdkBytes.fromUtf8String(httpEvent("GET", "/busy", "{\"x-sample-sleep-ms\":\"1500\"}", null))));
        awaitInvocationsRunning("single");

        assertThatThrownBy(() -> invoke("single", httpEvent("GET", "/refused", "{}", null)))
                .isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("Rate Exceeded")
                .extracting(e -> ((TooManyRequestsException) e).statusCode()).isEqualTo(429);
        assertThat(busy.join().payload().asUtf8String()).contains("/busy");
    }

    @Test
    void runs_many_concurrent_invocations_over_a_warm_pool() throws Exception {
        lambda.deploy(FunctionConfig.of("pool", SampleFunctions.jar(), SampleFunctions.GREETING).withConcurrency(4));
        Semaphore inFlight = new Semaphore(4);
        List<CompletableFuture<InvokeResponse>> responses = new ArrayList<>();

        for (int i = 0; i < 40; i++) {
            inFlight.acquire();
            String name = "caller-" + i;
            CompletableFuture<InvokeResponse> response = asyncClient.invoke(request -> request.functionName("pool")
                    .payload(SdkBytes.fromUtf8String("{\"name\":\"" + name + "\"}")));
            response.whenComplete((ignored, failure) -> inFlight.release());
            responses.add(response);
        }

        Set<String> greetings = new HashSet<>();
        for (CompletableFuture<InvokeResponse> response : responses) {
            InvokeResponse answer = response.get();
            assertThat(answer.functionError()).as(answer.payload().asUtf8String()).isNull();
            greetings.add(answer.payload().asUtf8String());
        }
        assertThat(greetings).hasSize(40).contains("{\"greeting\":\"Hello, caller-39!\"}");
        assertThat(lambda.environmentPids("pool")).hasSizeBetween(1, 4);
        assertThat(lambda.recentInvocations("pool")).filteredOn(result -> result.isColdStart()).hasSizeBetween(1, 4);
    }

    @Test
    void recovers_from_a_killed_environment_process() {
        lambda.deploy(FunctionConfig.of("fragile", SampleFunctions.jar(), SampleFunctions.HTTP_ECHO));
        invoke("fragile", httpEvent("GET", "/first", "{}", null));
        CompletableFuture<InvokeResponse> running = asyncClient.invoke(request -> request.functionName("fragile")
                .payload(SdkBytes.fromUtf8String(httpEvent("GET", "/doomed", "{\"x-sample-sleep-ms\":\"2500\"}", null))));
        awaitInvocationsRunning("fragile");

        lambda.environmentPids("fragile").forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));

        InvokeResponse crashed = running.join();
        assertThat(crashed.functionError()).isEqualTo("Unhandled");
        assertThat(crashed.payload().asUtf8String()).contains("Runtime.ExitError", "Runtime exited with error");
        assertThat(invoke("fragile", httpEvent("GET", "/again", "{}", null)).payload().asUtf8String()).contains("/again");
    }

    @Test
    void completes_an_invocation_whose_caller_went_away_and_keeps_its_environment() throws IOException {
        lambda.deploy(FunctionConfig.of("abandoned", SampleFunctions.jar(), SampleFunctions.HTTP_ECHO));
        invoke("abandoned", httpEvent("GET", "/warm", "{}", null));
        List<Long> warm = lambda.environmentPids("abandoned");
        byte[] event = httpEvent("GET", "/gone", "{\"x-sample-sleep-ms\":\"300\"}", null)
                .getBytes(StandardCharsets.UTF_8);

        try (Socket caller = new Socket(lambda.endpoint().getHost(), lambda.endpoint().getPort())) {
            caller.getOutputStream().write(("POST /2015-03-31/functions/abandoned/invocations HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: " + event.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            caller.getOutputStream().write(event);
            awaitInvocationsRunning("abandoned");
        }

        awaitInvocationContaining("abandoned", "Echoing GET /gone");
        assertThat(invoke("abandoned", httpEvent("GET", "/after", "{}", null)).payload().asUtf8String())
                .contains("/after");
        assertThat(lambda.environmentPids("abandoned")).isEqualTo(warm);
    }

    @Test
    void fails_on_request_and_answers_binary_bodies_in_the_http_echo() {
        InvokeResponse failed = invoke("http-echo", httpEvent("GET", "/boom", "{\"x-sample-fail\":\"kaputt\"}", null));
        InvokeResponse binary = invoke("http-echo", httpEvent("POST", "/bytes", "{\"x-sample-binary\":\"true\"}", "abc"));

        assertThat(failed.functionError()).isEqualTo("Unhandled");
        assertThat(failed.payload().asUtf8String()).contains("\"errorMessage\":\"kaputt\"",
                "\"errorType\":\"java.lang.RuntimeException\"");
        assertThat(binary.payload().asUtf8String()).contains("\"isBase64Encoded\":true",
                "\"body\":\"" + Base64.getEncoder().encodeToString("abc".getBytes(StandardCharsets.UTF_8)) + "\"",
                "application/octet-stream");
    }

    @Test
    void runs_a_lambda_style_zip_with_its_libraries_in_lib(@TempDir Path folder) throws IOException {
        Path zip = folder.resolve("greeting.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("lib/sample-functions.jar"));
            Files.copy(SampleFunctions.jar(), out);
            out.closeEntry();
        }
        lambda.deploy(FunctionConfig.of("zipped", zip, SampleFunctions.GREETING)
                .withEnvironment(Map.of("STAGE", "test")));

        InvokeResponse response = invoke("zipped", "{\"name\":\"Zip\"}");

        assertThat(response.payload().asUtf8String()).isEqualTo("{\"greeting\":\"Hello, Zip!\"}");
        lambda.undeploy("zipped");
        assertThatThrownBy(() -> invoke("zipped", "{}")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void reports_a_handler_class_that_does_not_exist_as_a_function_error() {
        lambda.deploy(FunctionConfig.of("missing-class", SampleFunctions.jar(), "dev.strangler.samples.Missing::handle"));

        InvokeResponse response = invoke("missing-class", "{}");

        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).contains("dev.strangler.samples.Missing");
    }

    private static InvokeResponse invoke(String function, String payload) {
        return client.invoke(request -> request.functionName(function)
                .payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8)));
    }

    /** An API Gateway HTTP API (2.0) event; {@code headers} is a JSON object, {@code body} already JSON-escaped. */
    private static String httpEvent(String method, String path, String headers, String body) {
        return "{\"version\":\"2.0\",\"routeKey\":\"" + method + " " + path + "\",\"rawPath\":\"" + path + "\","
                + "\"rawQueryString\":\"\",\"headers\":" + headers + ",\"requestContext\":{\"requestId\":\"req-1\","
                + "\"http\":{\"method\":\"" + method + "\",\"path\":\"" + path + "\",\"sourceIp\":\"127.0.0.1\"}},"
                + "\"body\":" + (body == null ? "null" : "\"" + body + "\"") + ",\"isBase64Encoded\":false}";
    }

    /** Waits until every environment the function has is busy with an invocation it was given. */
    private static void awaitInvocationsRunning(String function) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (lambda.runningInvocations(function) > 0) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError("No invocation of '" + function + "' started running within 15 s");
    }

    private static void awaitInvocationContaining(String function, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (lambda.recentInvocations(function).stream().anyMatch(result -> result.log().contains(text))) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError("No invocation of '" + function + "' logged '" + text + "' within 15 s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
