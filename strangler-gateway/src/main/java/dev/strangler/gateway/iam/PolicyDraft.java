package dev.strangler.gateway.iam;

import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import dev.strangler.gateway.routing.RouteTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions a route table names, completed into ARNs, and what could not be completed (one problem per route,
 * naming it). Every route with a Lambda target counts, whatever its weight: the admin API can raise a weight at any
 * time without a new policy.
 *
 * @param resources the functions found, in route order, possibly repeated
 * @param problems why a route's function could not be made an ARN, with the fix
 */
public record PolicyDraft(List<FunctionResource> resources, List<String> problems) {

    public PolicyDraft {
        resources = List.copyOf(resources);
        problems = List.copyOf(problems);
    }

    /** Collects every Lambda target of {@code table}, completing names with {@code scope}. */
    public static PolicyDraft of(RouteTable table, AccountScope scope) {
        List<FunctionResource> resources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Route route : table.routes()) {
            if (route.target() instanceof RouteTarget.LambdaFunction lambda) {
                try {
                    resources.add(FunctionReference.resolve(lambda.function(), lambda.qualifier(), scope));
                } catch (IllegalArgumentException e) {
                    problems.add("route '" + route.id() + "': " + e.getMessage());
                }
            }
        }
        if (resources.isEmpty() && problems.isEmpty()) {
            problems.add("no route names a Lambda function, so the gateway needs no lambda:InvokeFunction permission");
        }
        return new PolicyDraft(resources, problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The policy; only when there are no problems. */
    public InvokePolicy policy() {
        if (hasProblems()) {
            throw new IllegalStateException("no policy while there are problems: " + problems);
        }
        return new InvokePolicy(resources);
    }
}
