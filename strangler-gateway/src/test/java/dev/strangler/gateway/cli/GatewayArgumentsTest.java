package dev.strangler.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GatewayArgumentsTest {

    @Test
    void turns_launcher_options_into_spring_properties() {
        GatewayArguments arguments = GatewayArguments.parse(new String[] {"--routes", "routes.yml", "--monolith=http://127.0.0.1:8080",
                "--admin-port", "9001", "--event-loops", "2", "--logging.level.root=warn"});

        assertThat(arguments.springArguments()).containsExactly("--strangler.routes.file=routes.yml",
                "--strangler.monolith.uri=http://127.0.0.1:8080", "--strangler.admin.port=9001",
                "--strangler.event-loops=2", "--logging.level.root=warn");
    }

    @Test
    void turns_shutdown_options_into_the_drain_properties() {
        GatewayArguments arguments = GatewayArguments.parse(new String[] {"--drain-delay", "0s", "--shutdown-timeout=45s"});

        assertThat(arguments.springArguments()).containsExactly("--strangler.shutdown.drain-delay=0s",
                "--strangler.shutdown.timeout=45s");
        assertThat(GatewayArguments.USAGE).contains("--drain-delay DUR", "--shutdown-timeout DUR");
    }

    @Test
    void turns_the_route_store_options_into_its_properties() {
        GatewayArguments arguments = GatewayArguments.parse(new String[] {"--route-store", "jdbc:postgresql://db:5432/strangler",
                "--route-store-notifications=false", "--reload-interval", "500ms"});

        assertThat(arguments.springArguments()).containsExactly("--strangler.routes.store.url=jdbc:postgresql://db:5432/strangler",
                "--strangler.routes.store.notifications=false", "--strangler.routes.reload-interval=500ms");
        assertThat(GatewayArguments.USAGE).contains("STRANGLER_ROUTES_STORE_USER", "STRANGLER_ROUTES_STORE_PASSWORD");
    }

    @Test
    void refuses_unknown_options_and_missing_values() {
        assertThatThrownBy(() -> GatewayArguments.parse(new String[] {"--route", "x"})).hasMessageContaining("unknown option '--route'");
        assertThatThrownBy(() -> GatewayArguments.parse(new String[] {"--routes"})).hasMessageContaining("--routes needs a value");
    }
}
