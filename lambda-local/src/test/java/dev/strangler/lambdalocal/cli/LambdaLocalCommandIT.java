package dev.strangler.lambdalocal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

class LambdaLocalCommandIT {
    @TempDir
    Path folder;

    @Test
    void serves_functions_from_a_config_file_and_a_spec_and_prints_the_endpoint() throws Exception {
        Path jar = Path.of(System.getProperty("sample.functions.jar"));
        Path config = Files.writeString(folder.resolve("functions.yml"), """
                functions:
                  - name: greeting
                    jar: %s
                    handler: dev.strangler.samples.GreetingHandler::handleRequest
                """.formatted(jar.toAbsolutePath()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicReference<String> greeting = new AtomicReference<>();

        int exitCode = LambdaLocalCommand.run(new String[] {"--port", "0", "--config", config.toString(),
                "--function", "name=upper,jar=" + jar + ",handler=dev.strangler.samples.UppercaseStreamHandler"},
                new PrintWriter(out, true), new PrintWriter(err, true), lambda -> {
                    try (LambdaClient client = LambdaClient.builder().endpointOverride(URI.create(out.toString().trim()))
                            .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                            .build()) {
                        greeting.set(client.invoke(request -> request.functionName("greeting")
                                .payload(SdkBytes.fromUtf8String("{\"name\":\"CLI\"}"))).payload().asUtf8String());
                    }
                });

        assertThat(exitCode).isZero();
        assertThat(out.toString()).matches("http://127\\.0\\.0\\.1:\\d+\\R");
        assertThat(greeting.get()).isEqualTo("{\"greeting\":\"Hello, CLI!\"}");
        assertThat(err.toString()).contains("function greeting -> dev.strangler.samples.GreetingHandler::handleRequest",
                "function upper -> dev.strangler.samples.UppercaseStreamHandler", "serving 2 function(s)");
    }
}
