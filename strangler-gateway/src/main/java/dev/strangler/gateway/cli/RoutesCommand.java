package dev.strangler.gateway.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./strangler routes list|set|promote|rollback|shadow|rollout|pause|resume|abort}: a client of a running gateway's admin API, without Spring.
 * Prints a table for {@code list} (the API's JSON with {@code --json}) and the API's JSON answer for changes on
 * stdout; errors go to stderr. Exit codes: 0 done, 1 refused by the gateway or
 * unreachable, 2 usage error. {@code routes seed} and {@code routes iam} work offline: see {@link RouteSeedCommand}
 * and {@link RouteIamCommand}.
 */
public final class RoutesCommand {

    static final String USAGE = """
            Usage: ./strangler routes <command> [options]

              list [--json]                         routes with target, weight, version and live figures
              set ROUTE [--lambda FN [--qualifier Q] | --url URL | --monolith] [--weight 0-100]
              promote ROUTE                         send all of the route's traffic to its target
              rollback ROUTE                        send all of the route's traffic back to the monolith
              shadow ROUTE PERCENT                  copy PERCENT (0-100) of the route's monolith-served requests
                                                    to its target and compare the answers; 0 stops copying
              rollout ROUTE --plan FILE_OR_INLINE   move the route to its target step by step, judged against the
                                                    monolith; the plan as in the route file, e.g.
                                                    --plan '{steps: [shadow, 10, 50, 100], hold: 5m,
                                                    max-error-rate-increase: 1%, max-p99-ratio: 1.5}'
              pause ROUTE | resume ROUTE            suspend or resume the rollout's automatic decisions
              abort ROUTE                           stop the rollout: the route goes back to the monolith
              seed --from REPORT [--out FILE [--force]]
                                                    a route file with every HTTP route of the analyzer's report
                                                    (decomposition.json or its folder), all to the monolith at
                                                    weight 0; offline, no gateway needed
              iam --from ROUTES [--region R --account ID] [--partition P] [--out FILE [--force]]
                                                    the IAM policy the gateway needs: lambda:InvokeFunction
                                                    on exactly the functions the route file names; offline
              import --from FILE --store URL [--replace]
                                                    fill the shared route store from a route file
              export --store URL [--out FILE [--force]]
                                                    the shared route store's table as a route file

            Options:
              --admin URL     admin API of the gateway (default http://127.0.0.1:8081, env STRANGLER_ADMIN_URL)
              --token TOKEN   admin bearer token (env STRANGLER_ADMIN_TOKEN)
              --actor NAME    who is making the change, for the audit log (default: $USER)
              --reason TEXT   why, for the audit log
              --if-version N  change only if the route is still at version N (the VERSION of 'list'); a route
                              changed meanwhile is refused with its current version. Without it the change
                              applies to the route as it is then (last writer wins)""";

    private RoutesCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("seed")) {
            return RouteSeedCommand.run(List.of(args).subList(1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("iam")) {
            return RouteIamCommand.run(List.of(args).subList(1, args.length), out, err);
        }
        if (args.length > 0 && (args[0].equals("import") || args[0].equals("export"))) {
            return RouteStoreCommand.run(args[0], List.of(args).subList(1, args.length), env, out, err);
        }
        List<String> positional = new ArrayList<>();
        String admin = env.getOrDefault("STRANGLER_ADMIN_URL", "http://127.0.0.1:8081");
        String token = env.get("STRANGLER_ADMIN_TOKEN");
        String actor = env.getOrDefault("USER", "cli");
        String lambda = null;
        String qualifier = null;
        String url = null;
        boolean monolith = false;
        boolean asJson = false;
        Integer weight = null;
        String plan = null;
        String reason = null;
        Long ifVersion = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--admin" -> admin = value(args, ++i, "--admin");
                    case "--token" -> token = value(args, ++i, "--token");
                    case "--actor" -> actor = value(args, ++i, "--actor");
                    case "--lambda" -> lambda = value(args, ++i, "--lambda");
                    case "--qualifier" -> qualifier = value(args, ++i, "--qualifier");
                    case "--url" -> url = value(args, ++i, "--url");
                    case "--monolith" -> monolith = true;
                    case "--json" -> asJson = true;
                    case "--plan" -> plan = value(args, ++i, "--plan");
                    case "--weight" -> weight = percent(value(args, ++i, "--weight"), "--weight");
                    case "--reason" -> reason = value(args, ++i, "--reason");
                    case "--if-version" -> ifVersion = version(value(args, ++i, "--if-version"));
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                        }
                        positional.add(args[i]);
                    }
                }
            }
            if (positional.isEmpty()) {
                throw new IllegalArgumentException("missing command: list, set, promote, rollback, shadow, rollout, pause,"
                        + " resume, abort, seed or iam");
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("missing admin token: pass --token or set STRANGLER_ADMIN_TOKEN");
            }
            URI adminUri = URI.create(admin.replaceAll("/+$", ""));
            HttpRequest.Builder builder = (RolloutRequests.handles(positional)
                    ? RolloutRequests.request(positional, adminUri, plan)
                    : request(positional, adminUri, lambda, qualifier, url, monolith, weight))
                    .header("Authorization", "Bearer " + token).header("X-Strangler-Actor", actor)
                    .timeout(Duration.ofSeconds(30));
            if (reason != null) {
                builder.header("X-Strangler-Reason", reason);
            }
            if (ifVersion != null) {
                builder.header("If-Match", "\"" + ifVersion + "\"");
            }
            HttpRequest request = builder.build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                boolean listing = positional.get(0).equals("list");
                out.print(listing && !asJson ? RouteListing.render(response.body()) : response.body() + System.lineSeparator());
                return 0;
            }
            if (response.statusCode() == 409) {
                err.println("strangler routes: " + RouteListing.conflict(response.body()));
                return 1;
            }
            err.println("strangler routes: the gateway refused (" + response.statusCode() + "): " + response.body());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("strangler routes: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (ConnectException e) {
            err.println("strangler routes: cannot reach the admin API at " + admin + "; is the gateway running"
                    + " (./strangler gateway) and is --admin right?");
            return 1;
        } catch (IOException e) {
            err.println("strangler routes: talking to " + admin + " failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static HttpRequest.Builder request(List<String> positional, URI admin, String lambda, String qualifier,
                                               String url, boolean monolith, Integer weight) {
        String command = positional.get(0);
        if (command.equals("list")) {
            return HttpRequest.newBuilder(URI.create(admin + "/routes")).GET();
        }
        if (command.equals("shadow")) {
            if (positional.size() != 3) {
                throw new IllegalArgumentException("'shadow' needs a route id and a percentage, like 'shadow orders-read 10',"
                        + " but got " + positional.subList(1, positional.size()));
            }
            int percent = percent(positional.get(2), "shadow PERCENT");
            return HttpRequest.newBuilder(URI.create(admin + "/routes/" + positional.get(1) + "/shadow"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"percent\":" + percent + "}"));
        }
        if (positional.size() != 2) {
            throw new IllegalArgumentException("'" + command + "' needs exactly one route id, but got " + positional.subList(1, positional.size()));
        }
        String route = positional.get(1);
        switch (command) {
            case "promote", "rollback" -> {
                return HttpRequest.newBuilder(URI.create(admin + "/routes/" + route + "/" + command))
                        .POST(HttpRequest.BodyPublishers.noBody());
            }
            case "set" -> {
                int targets = (lambda != null ? 1 : 0) + (url != null ? 1 : 0) + (monolith ? 1 : 0);
                if (targets > 1) {
                    throw new IllegalArgumentException("give at most one of --lambda, --url and --monolith");
                }
                if (targets == 0 && weight == null) {
                    throw new IllegalArgumentException("'set' needs a target (--lambda, --url, --monolith) or --weight");
                }
                List<String> fields = new ArrayList<>();
                if (lambda != null) {
                    fields.add("\"target\":{\"lambda\":" + json(lambda) + (qualifier == null ? "" : ",\"qualifier\":" + json(qualifier)) + "}");
                } else if (url != null) {
                    fields.add("\"target\":{\"url\":" + json(url) + "}");
                } else if (monolith) {
                    fields.add("\"target\":\"monolith\"");
                }
                if (weight != null) {
                    fields.add("\"weight\":" + weight);
                }
                return HttpRequest.newBuilder(URI.create(admin + "/routes/" + route))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{" + String.join(",", fields) + "}"));
            }
            default -> throw new IllegalArgumentException("unknown command '" + command + "'; use list, set, promote, rollback,"
                    + " shadow, rollout, pause, resume or abort"
                    + (command.equals("seed") ? " (seed comes first: ./strangler routes seed --from REPORT)" : ", or seed"));
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args[i];
    }

    private static int percent(String text, String name) {
        try {
            int percent = Integer.parseInt(text);
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException(name + " must be between 0 and 100, but was " + percent);
            }
            return percent;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number 0-100, but was '" + text + "'");
        }
    }

    private static long version(String text) {
        try {
            long version = Long.parseLong(text);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("--if-version must be a route's version (the VERSION column of 'routes list'),"
                + " but was '" + text + "'");
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
