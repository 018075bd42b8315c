package dev.strangler.gateway.iam;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One function, or one version or alias of it, as an IAM resource. {@code lambda:InvokeFunction} on a qualified
 * ARN needs exactly that qualified resource: the unqualified ARN does not cover it, nor the other way round.
 *
 * @param partition e.g. {@code aws}
 * @param region e.g. {@code eu-west-1}
 * @param account 12-digit account id
 * @param name function name
 * @param qualifier version or alias, or null for the unqualified function
 */
public record FunctionResource(String partition, String region, String account, String name, String qualifier)
        implements Comparable<FunctionResource> {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[A-Za-z0-9_-]{1,128}");

    public FunctionResource {
        new AccountScope(partition, Objects.requireNonNull(region, "region"), Objects.requireNonNull(account, "account"));
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("function name must be 1-64 letters, digits, '-' or '_', but was '" + name + "'");
        }
        if (qualifier != null && !QUALIFIER.matcher(qualifier).matches()) {
            throw new IllegalArgumentException("qualifier must be a version number, an alias or $LATEST, but was '"
                    + qualifier + "'");
        }
    }

    /** The ARN, with the qualifier when there is one. */
    public String arn() {
        return "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + name
                + (qualifier == null ? "" : ":" + qualifier);
    }

    @Override
    public int compareTo(FunctionResource other) {
        return arn().compareTo(other.arn());
    }
}
