package dev.strangler.gateway.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The admin API requests of {@code ./strangler routes rollout|pause|resume|abort}. The plan is sent as given (a file's
 * text, or the option's own text) and validated by the gateway with the route file's reader.
 */
final class RolloutRequests {

    private static final Set<String> COMMANDS = Set.of("rollout", "pause", "resume", "abort");

    private RolloutRequests() {
    }

    static boolean handles(List<String> positional) {
        return !positional.isEmpty() && COMMANDS.contains(positional.get(0));
    }

    static HttpRequest.Builder request(List<String> positional, URI admin, String plan) {
        String command = positional.get(0);
        if (positional.size() != 2) {
            throw new IllegalArgumentException("'" + command + "' needs exactly one route id, but got "
                    + positional.subList(1, positional.size()));
        }
        String route = positional.get(1);
        if (command.equals("rollout")) {
            if (plan == null || plan.isBlank()) {
                throw new IllegalArgumentException("'rollout' needs --plan FILE or --plan '{steps: [shadow, 10, 50, 100],"
                        + " hold: 5m}'");
            }
            return HttpRequest.newBuilder(URI.create(admin + "/routes/" + route + "/rollout"))
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(planText(plan), StandardCharsets.UTF_8));
        }
        if (plan != null) {
            throw new IllegalArgumentException("--plan belongs to 'rollout', not to '" + command + "'");
        }
        return HttpRequest.newBuilder(URI.create(admin + "/routes/" + route + "/rollout/" + command))
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    /** The file's text when {@code plan} names a file, else {@code plan} itself. */
    private static String planText(String plan) {
        Path file;
        try {
            file = Path.of(plan);
        } catch (InvalidPathException e) {
            return plan;
        }
        if (!Files.isRegularFile(file)) {
            return plan;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the plan file " + file + ": " + e.getMessage(), e);
        }
    }
}
