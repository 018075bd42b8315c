package dev.strangler.lambdalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The sample deployment jar the build copies for these tests, and SDK clients set up for lambda-local. */
final class SampleFunctions {
    static final String GREETING = "dev.strangler.samples.GreetingHandler::handleRequest";
    static final String UPPERCASE = "dev.strangler.samples.UppercaseStreamHandler::handleRequest";
    static final String HTTP_ECHO = "dev.strangler.samples.HttpApiEchoHandler::handleRequest";

    private SampleFunctions() {
    }

    static Path jar() {
        String configured = System.getProperty("sample.functions.jar");
        assertThat(configured).as("system property sample.functions.jar (set by the build)").isNotNull();
        Path jar = Path.of(configured);
        assertThat(Files.isRegularFile(jar)).as("sample functions jar at %s", jar).isTrue();
        return jar;
    }

    /** A sync client that does not retry, so each test sees lambda-local's first answer. */
    static LambdaClient client(URI endpoint) {
        return LambdaClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30))
                        // The Expect: 100-continue handshake costs a round trip per invoke; loopback needs no such care.
                        .expectContinueEnabled(false))
                .overrideConfiguration(config -> config.retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(builder -> builder.maxAttempts(1)))
                .build();
    }

    static LambdaAsyncClient asyncClient(URI endpoint) {
        return LambdaAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(64)
                        .readTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(config -> config.retryStrategy(builder -> builder.maxAttempts(1)))
                .build();
    }
}
