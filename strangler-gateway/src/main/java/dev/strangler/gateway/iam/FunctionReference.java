package dev.strangler.gateway.iam;

import java.util.List;

/** Turns a route's function (name, {@code name:qualifier}, partial or full ARN) into a {@link FunctionResource}. */
final class FunctionReference {

    private FunctionReference() {
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong with {@code function} and how to fix it. */
    static FunctionResource resolve(String function, String qualifier, AccountScope scope) {
        List<String> parts = List.of(function.split(":", -1));
        if (function.startsWith("arn:")) {
            // arn:partition:lambda:region:account:function:name[:qualifier]
            if (parts.size() < 7 || parts.size() > 8 || !parts.get(2).equals("lambda") || !parts.get(5).equals("function")) {
                throw new IllegalArgumentException("function '" + function + "' is no Lambda function ARN; expected"
                        + " arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]");
            }
            return resource(function, parts.get(1), parts.get(3), parts.get(4), parts.get(6),
                    qualifier(function, parts.size() == 8 ? parts.get(7) : null, qualifier));
        }
        if (parts.size() >= 3 && parts.get(1).equals("function")) {
            // account:function:name[:qualifier]
            if (parts.size() > 4) {
                throw new IllegalArgumentException("function '" + function + "' is no partial ARN; expected"
                        + " <account>:function:<name>[:<qualifier>]");
            }
            if (scope.region() == null) {
                throw new IllegalArgumentException("function '" + function + "' is a partial ARN without a region;"
                        + " give the region (--region, e.g. eu-west-1) or write the full ARN in the route file");
            }
            return resource(function, scope.partition(), scope.region(), parts.get(0), parts.get(2),
                    qualifier(function, parts.size() == 4 ? parts.get(3) : null, qualifier));
        }
        if (parts.size() > 2) {
            throw new IllegalArgumentException("function '" + function + "' is neither a name, name:qualifier nor an ARN");
        }
        if (scope.region() == null || scope.account() == null) {
            throw new IllegalArgumentException("function '" + function + "' is named without an ARN, so its ARN needs"
                    + " the region and the account: give both (--region eu-west-1 --account 123456789012)"
                    + " or write the full ARN in the route file");
        }
        return resource(function, scope.partition(), scope.region(), scope.account(), parts.get(0),
                qualifier(function, parts.size() == 2 ? parts.get(1) : null, qualifier));
    }

    private static String qualifier(String function, String embedded, String declared) {
        if (embedded != null && declared != null && !embedded.equals(declared)) {
            throw new IllegalArgumentException("function '" + function + "' carries qualifier '" + embedded
                    + "' but the route says qualifier '" + declared + "'; Lambda refuses both at once, keep one");
        }
        return embedded != null ? embedded : declared;
    }

    private static FunctionResource resource(String function, String partition, String region, String account,
                                             String name, String qualifier) {
        try {
            return new FunctionResource(partition, region, account, name, qualifier);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("function '" + function + "': " + e.getMessage(), e);
        }
    }
}
