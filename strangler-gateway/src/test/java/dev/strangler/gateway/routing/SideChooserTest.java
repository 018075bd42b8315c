package dev.strangler.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SideChooserTest {

    private static final RouteTarget FUNCTION = new RouteTarget.LambdaFunction("orders-fn", null, null);

    @Test
    void bucket_is_stable_for_a_key() {
        assertThat(SideChooser.bucket("user-42")).isEqualTo(SideChooser.bucket("user-42")).isBetween(0, 99);
    }

    @Test
    void raising_the_weight_only_moves_users_from_monolith_to_target() {
        for (int u = 0; u < 1000; u++) {
            Request request = new Request(Map.of("x-user", "u" + u));
            Side at30 = SideChooser.choose(route(30), request);
            Side at70 = SideChooser.choose(route(70), request);
            if (at30 == Side.TARGET) {
                assertThat(at70).as("user u%d", u).isEqualTo(Side.TARGET);
            }
        }
    }

    @Test
    void sticky_buckets_spread_about_evenly() {
        int onTarget = 0;
        for (int u = 0; u < 10_000; u++) {
            onTarget += SideChooser.choose(route(25), new Request(Map.of("x-user", "user-" + u))) == Side.TARGET ? 1 : 0;
        }

        // binomial(10000, 0.25): 4 standard deviations are about 175
        assertThat(onTarget).isBetween(2500 - 175, 2500 + 175);
    }

    @Test
    void tester_header_forces_either_side() {
        assertThat(SideChooser.choose(route(0), new Request(Map.of("x-strangler-side", "target")))).isEqualTo(Side.TARGET);
        assertThat(SideChooser.choose(route(100), new Request(Map.of("x-strangler-side", "monolith")))).isEqualTo(Side.MONOLITH);
        assertThat(SideChooser.choose(route(100), new Request(Map.of("x-strangler-side", "nonsense")))).isEqualTo(Side.TARGET);
    }

    @Test
    void monolith_target_always_stays_on_the_monolith() {
        Route route = new Route("r", List.of(new PathPattern("/a")), Set.of(), Map.of(), new RouteTarget.Monolith(), 0,
                null, null, false);

        assertThat(SideChooser.choose(route, new Request(Map.of("x-strangler-side", "target")))).isEqualTo(Side.MONOLITH);
    }

    private static Route route(int weight) {
        return new Route("orders", List.of(new PathPattern("/api/orders")), Set.of("POST"), Map.of(), FUNCTION, weight,
                Stickiness.parse("header:x-user"), null, false);
    }

    private record Request(Map<String, String> headers) implements RequestFacts {
        public String method() {
            return "POST";
        }

        public String path() {
            return "/api/orders";
        }

        public String header(String name) {
            return headers.get(name);
        }

        public String cookie(String name) {
            return null;
        }
    }
}
