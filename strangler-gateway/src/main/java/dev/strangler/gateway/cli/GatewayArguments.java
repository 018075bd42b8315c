package dev.strangler.gateway.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway's start-up options, turned into Spring properties. Every option also reads from the environment
 * (Spring's relaxed binding), e.g. {@code STRANGLER_MONOLITH_URI}, {@code STRANGLER_ADMIN_TOKEN}.
 *
 * @param springArguments the arguments for Spring, {@code --property=value}
 * @param isHelp whether {@code --help} was asked for
 */
public record GatewayArguments(List<String> springArguments, boolean isHelp) {

    /** The help text. */
    public static final String USAGE = """
            Usage: ./strangler gateway (--routes FILE | --route-store URL) --monolith URI [options]

              --routes FILE            route file (YAML)                       env STRANGLER_ROUTES_FILE
              --route-store URL        shared route store instead of a file, jdbc:postgresql://host:5432/db
                                       env STRANGLER_ROUTES_STORE_URL; user and password from
                                       STRANGLER_ROUTES_STORE_USER and STRANGLER_ROUTES_STORE_PASSWORD
              --route-store-notifications true|false
                                       follow changes by LISTEN/NOTIFY as well as polling (default true)
              --reload-interval DUR    how often the route file or store is checked (default 2s)
                                                                       env STRANGLER_ROUTES_RELOAD_INTERVAL
              --monolith URI           where unmoved traffic goes, http://host:port   env STRANGLER_MONOLITH_URI
              --lambda-endpoint URI    Lambda endpoint override (lambda-local)  env STRANGLER_LAMBDA_ENDPOINT
              --region NAME            AWS region (default: the SDK's region chain)  env STRANGLER_LAMBDA_REGION
              --port N                 gateway port (default 8080)              env SERVER_PORT
              --address IP             gateway listen address (default 127.0.0.1)  env SERVER_ADDRESS
              --admin-port N           admin API port (default 8081)            env STRANGLER_ADMIN_PORT
              --admin-token TOKEN      admin bearer token, 16+ characters       env STRANGLER_ADMIN_TOKEN
              --audit-log FILE         audit log (default: <routes file>.audit.log)  env STRANGLER_ROUTES_AUDIT_LOG
              --invoke-timeout DUR     Lambda invoke timeout (default 30s)      env STRANGLER_LAMBDA_INVOKE_TIMEOUT
              --event-loops N          I/O threads (default 0: one per core)    env STRANGLER_EVENT_LOOPS
              --drain-delay DUR        on SIGTERM, keep accepting this long after readiness turned false (default 5s)
                                                                       env STRANGLER_SHUTDOWN_DRAIN_DELAY
              --shutdown-timeout DUR   then wait this long for in-flight work (default 30s)
                                                                       env STRANGLER_SHUTDOWN_TIMEOUT
              --help                   this text
            Any Spring property can also be given as --name=value.""";

    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("--routes", "strangler.routes.file"),
            Map.entry("--route-store", "strangler.routes.store.url"),
            Map.entry("--route-store-notifications", "strangler.routes.store.notifications"),
            Map.entry("--reload-interval", "strangler.routes.reload-interval"),
            Map.entry("--monolith", "strangler.monolith.uri"),
            Map.entry("--lambda-endpoint", "strangler.lambda.endpoint"),
            Map.entry("--region", "strangler.lambda.region"),
            Map.entry("--port", "server.port"),
            Map.entry("--address", "server.address"),
            Map.entry("--admin-port", "strangler.admin.port"),
            Map.entry("--admin-token", "strangler.admin.token"),
            Map.entry("--audit-log", "strangler.routes.audit-log"),
            Map.entry("--invoke-timeout", "strangler.lambda.invoke-timeout"),
            Map.entry("--event-loops", "strangler.event-loops"),
            Map.entry("--drain-delay", "strangler.shutdown.drain-delay"),
            Map.entry("--shutdown-timeout", "strangler.shutdown.timeout"));

    public GatewayArguments {
        springArguments = List.copyOf(springArguments);
    }

    /** Parses {@code args}; an unknown option or one without its value is an {@link IllegalArgumentException}. */
    public static GatewayArguments parse(String[] args) {
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new GatewayArguments(List.of(), true);
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String property = OPTIONS.get(name);
            if (property != null) {
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("option " + arg + " needs a value");
                }
                spring.add("--" + property + "=" + value);
            } else if (arg.startsWith("--") && arg.contains("=") && arg.substring(2).contains(".")) {
                spring.add(arg);
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'; --help lists the options");
            }
        }
        return new GatewayArguments(spring, false);
    }
}
