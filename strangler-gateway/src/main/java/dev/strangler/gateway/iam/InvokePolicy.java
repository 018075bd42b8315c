package dev.strangler.gateway.iam;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An IAM policy allowing {@code lambda:InvokeFunction} on exactly these resources, nothing else.
 *
 * @param resources the functions and qualifiers, at least one; kept sorted by ARN and distinct
 */
public record InvokePolicy(List<FunctionResource> resources) {

    /** The statement's id. */
    public static final String SID = "StranglerGatewayInvokesRouteFunctions";

    public InvokePolicy {
        resources = List.copyOf(new TreeSet<>(resources));
        if (resources.isEmpty()) {
            // IAM refuses a statement without a resource; a gateway with no function route needs no Lambda permission
            throw new IllegalArgumentException("a policy needs at least one function, but none was given");
        }
    }

    /** The policy document, as IAM reads it ({@code aws iam put-role-policy --policy-document file://...}). */
    public String toJson() {
        String arns = resources.stream().map(r -> "        \"" + r.arn() + "\"").collect(Collectors.joining(",\n"));
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "%s",
                      "Effect": "Allow",
                      "Action": "lambda:InvokeFunction",
                      "Resource": [
                %s
                      ]
                    }
                  ]
                }
                """.formatted(SID, arns);
    }
}
