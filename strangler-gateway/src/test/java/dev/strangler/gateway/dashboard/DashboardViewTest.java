package dev.strangler.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.rollout.LastDecision;
import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.rollout.RolloutPlan;
import dev.strangler.gateway.rollout.RolloutState;
import dev.strangler.gateway.rollout.RolloutStatus;
import dev.strangler.gateway.rollout.RolloutStep;
import dev.strangler.gateway.routing.PathPattern;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTarget;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DashboardViewTest {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void counts_the_routes_on_functions_and_the_share_of_traffic_they_answer() {
        RouteRow orders = row(route("orders", new RouteTarget.LambdaFunction("orders-fn", null, null), 100), live(10, 30));
        RouteRow users = row(route("users", new RouteTarget.HttpService(URI.create("http://users:8080")), 25), live(30, 10));
        RouteRow legacy = row(route("legacy", new RouteTarget.Monolith(), 0), live(20, 0));
        RouteRow parked = row(route("parked", new RouteTarget.LambdaFunction("parked-fn", null, null), 0), live(0, 0));

        DashboardView view = DashboardView.of(AT, "routes.yml", null, 10, List.of(orders, users, legacy, parked),
                rates(10, 0, 10), 0);

        assertThat(view.progress()).isEqualTo(new Progress(4, 2, 1, 40.0 / 110, null));
        assertThat(users.side()).isEqualTo("service");
        assertThat(legacy.breaker()).isNull();
    }

    @Test
    void renders_rates_rollout_shadow_breaker_and_refusal_as_json() {
        Rollout rollout = new Rollout(new RolloutPlan(List.of(new RolloutStep.Shadowing(), new RolloutStep.Weight(10),
                new RolloutStep.Weight(100)), List.of(Duration.ofMinutes(5)), 20, null, null, null, 100),
                new RolloutState(1, AT, true, RolloutStatus.RUNNING, LastDecision.of("advance", AT, "error rate held")));
        Route route = route("orders", new RouteTarget.LambdaFunction("orders-fn", null, null), 10).withRollout(rollout);
        ShadowSummary shadow = ShadowSummary.of(5, 3, 1, List.of(new ShadowSummary.Difference("GET", "/orders/1?x=<b>", 200,
                500, List.of("status", "body /total"))));
        RouteRow row = RouteRow.of(route, 12345678901234567L, live(4, 2), Map.of("targetRequests", 7L), shadow,
                new Breaker("lambda:orders-fn", "open", 62.5, null));

        JsonNode json = JsonMapper.builder().build().readTree(DashboardJson.render(
                DashboardView.of(AT, "routes.yml", "routes.yml:3: weight must be a whole number", 10, List.of(row),
                        rates(1, 0, 10), 3)));

        JsonNode orders = json.get("routes").get(0);
        assertThat(json.get("refusal").asString()).contains("weight must be a whole number");
        assertThat(orders.get("version").asString()).isEqualTo("12345678901234567");
        assertThat(orders.get("side").asString()).isEqualTo("function");
        assertThat(orders.get("live").get("monolith").get("perSecond").asDouble()).isEqualTo(0.4);
        assertThat(orders.get("rollout").get("stepLabel").asString()).isEqualTo("10");
        assertThat(orders.get("rollout").get("paused").asBoolean()).isTrue();
        assertThat(orders.get("rollout").get("lastDecision").asString()).isEqualTo("advance: error rate held");
        assertThat(orders.get("shadow").get("matchRate").asDouble()).isEqualTo(0.75);
        assertThat(orders.get("shadow").get("recentDifferences").get(0).get("path").asString()).isEqualTo("/orders/1?x=<b>");
        assertThat(orders.get("breaker").get("state").asString()).isEqualTo("open");
        assertThat(orders.get("breaker").get("out").asBoolean()).isTrue();
        assertThat(json.get("progress").get("targetShareSinceStart").asDouble()).isEqualTo(0.7);
    }

    private static Route route(String id, RouteTarget target, int weight) {
        return new Route(id, List.of(new PathPattern("/" + id + "/**")), Set.of(), Map.of(), target, weight, null, null,
                false);
    }

    private static RouteRow row(Route route, RouteRates live) {
        return RouteRow.of(route, 1, live, Map.of(), ShadowSummary.of(0, 0, 0, List.of()),
                new Breaker(route.target().describe(), "closed", null, null));
    }

    private static RouteRates live(long monolith, long target) {
        return new RouteRates(rates(monolith, 0, 10), rates(target, 0, 10));
    }

    private static SideRates rates(long requests, long errors, double seconds) {
        return new SideRates(requests, errors, requests / seconds, requests == 0 ? null : (double) errors / requests, null, null);
    }
}
