package dev.strangler.gateway.lambda;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Invokes functions through the AWS SDK v2 async client on Netty. Credentials come from the default provider chain,
 * the region from the chain unless given; with an endpoint override (lambda-local) missing ones fall back to local
 * placeholders (us-east-1). Retries are off on purpose: the SDK would retry a 429 four times, and a
 * retried POST runs the function twice; throttling is answered (429 or the monolith) instead.
 *
 * <p>Given the gateway's event loops, it keeps one SDK client, with its own connection pool, per loop: an invoke made
 * on one of those loops is sent, answered and completed on that loop, with no hand-off to another thread. Called from
 * any other thread, it takes the loops in turn. Thread-safe; close it to release the HTTP clients (not the loops).
 */
public final class SdkLambdaInvoker implements LambdaInvoker, AutoCloseable {

    /** One SDK client and the loop its connections live on (null: the SDK's own loops). */
    private record Lane(EventExecutor loop, LambdaAsyncClient client) {
    }

    private final Lane[] lanes;
    private final Duration timeout;
    private final AwsCredentialsProvider credentials;
    private final AtomicInteger nextLane = new AtomicInteger();

    private SdkLambdaInvoker(Lane[] lanes, Duration timeout, AwsCredentialsProvider credentials) {
        this.lanes = lanes;
        this.timeout = timeout;
        this.credentials = credentials;
    }

    /**
     * A client for {@code endpoint} (null for the real Lambda service) and {@code region} (null for the default chain)
     * on the SDK's own event loops, giving up on one invoke after {@code timeout}; at most {@code maxConcurrency}
     * invokes are in flight.
     */
    public static SdkLambdaInvoker create(URI endpoint, String region, Duration timeout, int maxConcurrency) {
        return create(endpoint, region, timeout, maxConcurrency, List.of(), null);
    }

    /**
     * As {@link #create(URI, String, Duration, int)}, but with one client per loop of {@code loops}: single-thread
     * groups of a type the SDK's Netty client accepts (epoll or NIO), whose sockets {@code channels} makes. The limit
     * of {@code maxConcurrency} invokes in flight is split evenly over the loops (rounded up).
     */
    public static SdkLambdaInvoker create(URI endpoint, String region, Duration timeout, int maxConcurrency,
                                          List<? extends EventLoopGroup> loops, ChannelFactory<? extends Channel> channels) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("invoke timeout must be positive, but was " + timeout);
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, but was " + maxConcurrency);
        }
        Region resolvedRegion = null;
        if (region != null && !region.isBlank()) {
            resolvedRegion = Region.of(region);
        } else if (endpoint != null && !hasDefaultRegion()) {
            resolvedRegion = Region.US_EAST_1;
        }
        // one provider for all loops' clients, so credentials are fetched and refreshed once, and refreshed in the
        // background before they expire: invokes start on the event loops, which must not wait for a credentials call
        DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().asyncCredentialUpdateEnabled(true).build();
        AwsCredentialsProvider credentials = endpoint == null ? chain
                // a local endpoint (lambda-local) needs no real account: fall back to placeholders after the default chain
                : AwsCredentialsProviderChain.of(chain, StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        List<Lane> lanes = new ArrayList<>();
        try {
            if (loops.isEmpty()) {
                lanes.add(new Lane(null, client(endpoint, resolvedRegion, credentials, timeout, null,
                        NettyNioAsyncHttpClient.builder().maxConcurrency(maxConcurrency))));
            } else {
                Objects.requireNonNull(channels, "channels");
                int perLoop = (maxConcurrency + loops.size() - 1) / loops.size();
                for (EventLoopGroup loop : loops) {
                    // the loop is also the client's timer: an invoke's timeout is set and cancelled on the loop that
                    // made the invoke, without waking a timer thread (a scheduled pool signals it for every invoke)
                    lanes.add(new Lane(loop.next(), client(endpoint, resolvedRegion, credentials, timeout, loop.next(),
                            NettyNioAsyncHttpClient.builder()
                                    .maxConcurrency(perLoop)
                                    .eventLoopGroup(SdkEventLoopGroup.create(loop, channels)))));
                }
            }
            return new SdkLambdaInvoker(lanes.toArray(Lane[]::new), timeout, credentials);
        } catch (RuntimeException e) {
            new SdkLambdaInvoker(lanes.toArray(Lane[]::new), timeout, credentials).close();
            if (!(e instanceof SdkClientException)) {
                throw e;
            }
            throw new IllegalStateException("cannot set up the Lambda client: " + e.getMessage().lines().findFirst().orElse("")
                    + "; pass --region (or set AWS_REGION), or --lambda-endpoint for lambda-local", e);
        }
    }

    private static LambdaAsyncClient client(URI endpoint, Region region, AwsCredentialsProvider credentials,
                                            Duration timeout, ScheduledExecutorService timers,
                                            NettyNioAsyncHttpClient.Builder http) {
        LambdaAsyncClientBuilder builder = LambdaAsyncClient.builder()
                .httpClientBuilder(http
                        .connectionTimeout(Duration.ofSeconds(2))
                        // the SDK's 30 s default read timeout would cut off a function allowed to run longer
                        .readTimeout(timeout.plusSeconds(1)))
                // complete futures on the Netty I/O thread: the gateway's continuation only maps and writes, never
                // blocks, and skipping the SDK's default completion thread pool saves a thread hop per request
                .asyncConfiguration(a -> a.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, Runnable::run))
                .overrideConfiguration(c -> {
                    c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout);
                    if (timers != null) {
                        c.scheduledExecutorService(timers);
                    }
                })
                .credentialsProvider(credentials);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (region != null) {
            builder.region(region);
        }
        return builder.build();
    }

    @Override
    public CompletableFuture<InvocationOutcome> invoke(String function, String qualifier, byte[] payload) {
        return client().invoke(request(function, qualifier, payload, InvocationType.REQUEST_RESPONSE))
                .handle((response, error) -> error != null ? OutcomeTranslation.ofError(error, timeout)
                        : OutcomeTranslation.ofAnswer(response.functionError(), response.payload().asByteArrayUnsafe(),
                        response.responseMetadata().requestId()));
    }

    @Override
    public CompletableFuture<InvocationOutcome> invokeEvent(String function, String qualifier, byte[] payload) {
        return client().invoke(request(function, qualifier, payload, InvocationType.EVENT))
                .handle((response, error) -> error != null ? OutcomeTranslation.ofError(error, timeout)
                        : OutcomeTranslation.ofQueued(response.statusCode(), response.responseMetadata().requestId()));
    }

    private static InvokeRequest request(String function, String qualifier, byte[] payload, InvocationType type) {
        return InvokeRequest.builder()
                .functionName(function)
                .qualifier(qualifier)
                .invocationType(type)
                .payload(SdkBytes.fromByteArrayUnsafe(payload))
                .build();
    }

    /** The client whose connections live on the calling thread's loop, else the next one in turn. */
    private LambdaAsyncClient client() {
        Lane[] lanes = this.lanes;
        for (Lane lane : lanes) {
            if (lane.loop() != null && lane.loop().inEventLoop()) {
                return lane.client();
            }
        }
        return lanes.length == 1 ? lanes[0].client() : lanes[Math.floorMod(nextLane.getAndIncrement(), lanes.length)].client();
    }

    private static boolean hasDefaultRegion() {
        try {
            DefaultAwsRegionProviderChain.builder().build().getRegion();
            return true;
        } catch (SdkClientException e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (Lane lane : lanes) {
            lane.client().close();
        }
        // supplied to the clients, so not closed by them
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
