package dev.strangler.gateway.iam;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where functions named without a full ARN live: the values that complete {@code orders-fn} into
 * {@code arn:aws:lambda:eu-west-1:123456789012:function:orders-fn}.
 *
 * @param partition {@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...
 * @param region region such as {@code eu-west-1}, or null when not given
 * @param account 12-digit account id, or null when not given
 */
public record AccountScope(String partition, String region, String account) {

    static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public AccountScope {
        Objects.requireNonNull(partition, "partition");
        if (!PARTITION.matcher(partition).matches()) {
            throw new IllegalArgumentException("partition must look like 'aws' or 'aws-cn', but was '" + partition + "'");
        }
        if (region != null && !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must look like 'eu-west-1', but was '" + region + "'");
        }
        if (account != null && !ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("account must be 12 digits, but was '" + account + "'");
        }
    }
}
