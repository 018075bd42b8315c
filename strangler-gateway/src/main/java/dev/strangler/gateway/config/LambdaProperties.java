package dev.strangler.gateway.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Lambda targets are invoked.
 *
 * @param endpoint endpoint override (for lambda-local), or null for the real service
 * @param region region, or null for the default region chain
 * @param invokeTimeout limit for one synchronous invoke (504 after)
 * @param maxConcurrency invokes in flight at most
 * @param maxBodyBytes request bodies above this are refused with 413 without invoking (Lambda's limit is 6 MB)
 */
@Validated
@ConfigurationProperties(LambdaProperties.PREFIX)
public record LambdaProperties(URI endpoint, String region, @DefaultValue("30s") Duration invokeTimeout,
                               @DefaultValue("500") @Min(1) int maxConcurrency,
                               @DefaultValue("6291456") @Min(0) @Max(6291456) int maxBodyBytes) {
    public static final String PREFIX = "strangler.lambda";
}
