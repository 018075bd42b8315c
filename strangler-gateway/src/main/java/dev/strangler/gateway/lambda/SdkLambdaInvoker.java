package dev.strangler.gateway.lambda;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Invokes functions through the AWS SDK v2 async client on Netty. Credentials come from the default provider chain,
 * the region from the chain unless given; with an endpoint override (lambda-local) missing ones fall back to local
 * placeholders (us-east-1). Retries are off on purpose: the SDK would retry a 429 four times, and a
 * retried POST runs the function twice; throttling is answered (429 or the monolith) instead. Thread-safe; close it
 * to release the HTTP client.
 */
public final class SdkLambdaInvoker implements LambdaInvoker, AutoCloseable {

    private final LambdaAsyncClient client;
    private final Duration timeout;

    private SdkLambdaInvoker(LambdaAsyncClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * A client for {@code endpoint} (null for the real Lambda service) and {@code region} (null for the default chain),
     * giving up on one invoke after {@code timeout}; at most {@code maxConcurrency} invokes are in flight.
     */
    public static SdkLambdaInvoker create(URI endpoint, String region, Duration timeout, int maxConcurrency) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("invoke timeout must be positive, but was " + timeout);
        }
        LambdaAsyncClientBuilder builder = LambdaAsyncClient.builder()
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .maxConcurrency(maxConcurrency)
                        .connectionTimeout(Duration.ofSeconds(2))
                        // the SDK's 30 s default read timeout would cut off a function allowed to run longer
                        .readTimeout(timeout.plusSeconds(1)))
                // complete futures on the Netty I/O thread: the gateway's continuation only maps and writes, never
                // blocks, and skipping the SDK's default completion thread pool saves a thread hop per request
                .asyncConfiguration(a -> a.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, Runnable::run))
                .overrideConfiguration(c -> c
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(timeout));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
            // a local endpoint (lambda-local) needs no real account: fall back to placeholders after the default chains
            builder.credentialsProvider(AwsCredentialsProviderChain.of(DefaultCredentialsProvider.builder().build(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
        }
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region));
        } else if (endpoint != null && !hasDefaultRegion()) {
            builder.region(Region.US_EAST_1);
        }
        try {
            return new SdkLambdaInvoker(builder.build(), timeout);
        } catch (SdkClientException e) {
            throw new IllegalStateException("cannot set up the Lambda client: " + e.getMessage().lines().findFirst().orElse("")
                    + "; pass --region (or set AWS_REGION), or --lambda-endpoint for lambda-local", e);
        }
    }

    @Override
    public CompletableFuture<Invocation> invoke(String function, String qualifier, byte[] payload) {
        InvokeRequest request = InvokeRequest.builder()
                .functionName(function)
                .qualifier(qualifier)
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromByteArrayUnsafe(payload))
                .build();
        return client.invoke(request)
                .handle((response, error) -> {
                    if (error != null) {
                        throw translate(function, error);
                    }
                    return new Invocation(response.functionError(), response.payload().asByteArrayUnsafe(),
                            response.executedVersion(), response.responseMetadata().requestId());
                });
    }

    private InvocationException translate(String function, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TooManyRequestsException throttled) {
            return new InvocationException(InvocationException.Kind.THROTTLED, "function '" + function
                    + "' is throttled (" + throttled.reason() + ")", parseSeconds(throttled.retryAfterSeconds()), cause);
        }
        if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
            return new InvocationException(InvocationException.Kind.TIMEOUT, "function '" + function
                    + "' did not answer within " + timeout, null, cause);
        }
        if (cause instanceof RequestTooLargeException) {
            return new InvocationException(InvocationException.Kind.TOO_LARGE, "event for function '" + function
                    + "' is over Lambda's payload limit", null, cause);
        }
        return new InvocationException(InvocationException.Kind.FAILED, "invoking function '" + function
                + "' failed: " + cause.getClass().getSimpleName(), null, cause);
    }

    private static boolean hasDefaultRegion() {
        try {
            DefaultAwsRegionProviderChain.builder().build().getRegion();
            return true;
        } catch (SdkClientException e) {
            return false;
        }
    }

    private static Integer parseSeconds(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
