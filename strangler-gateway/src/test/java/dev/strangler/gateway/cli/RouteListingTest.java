package dev.strangler.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteListingTest {
    private static final String ROUTE = """
            {"id": "orders", "target": "lambda:orders-fn", "invocation": "request-response", "weight": 25,
             "stickyBy": null, "fallback": true, "shadow": {"percent": 0},
             "figures": {"monolithRequests": 3, "targetRequests": 1, "targetErrors": 0, "fallbacks": 0},
             "rollout": null, "version": 4}""";

    @Test
    void shows_a_refused_edit_of_the_route_file_under_the_table() {
        String listing = RouteListing.render("""
                {"file": "routes.yml", "store": "routes.yml",
                 "lastRefusal": "routes.yml:6: route 'orders': weight must be between 0 and 100, but was -5",
                 "routes": [%s], "default": {"monolithRequests": 7}}""".formatted(ROUTE));

        assertThat(listing).contains("orders").contains("25 %").contains("Route file: routes.yml")
                .contains("Refused edit, not in force (the routes above are the last good ones): routes.yml:6: route"
                        + " 'orders': weight must be between 0 and 100, but was -5");
    }

    @Test
    void says_nothing_of_a_refusal_when_the_file_in_force_is_the_file_on_disk() {
        String listing = RouteListing.render("""
                {"file": "routes.yml", "store": "routes.yml", "routes": [%s], "default": {"monolithRequests": 7}}"""
                .formatted(ROUTE));

        assertThat(listing).contains("Route file: routes.yml").doesNotContain("Refused");
    }

    @Test
    void shows_the_circuit_of_each_route_target_in_the_breaker_column() {
        String open = ROUTE.replace("\"rollout\": null", "\"circuit\": {\"target\": \"lambda:orders-fn\", \"state\": \"open\","
                + " \"failureRate\": 62.5}, \"rollout\": null");
        String monolith = ROUTE.replace("\"orders\"", "\"legacy\"").replace("lambda:orders-fn", "monolith");

        String listing = RouteListing.render("""
                {"file": "routes.yml", "store": "routes.yml", "routes": [%s, %s], "default": {"monolithRequests": 7}}"""
                .formatted(open, monolith));

        String header = listing.lines().findFirst().orElseThrow();
        assertThat(header).containsPattern("ROLLOUT\\s+BREAKER\\s+VERSION$");
        assertThat(listing).containsPattern("(?m)^orders .*open \\(62\\.5 % failed\\)\\s+4$")
                .containsPattern("(?m)^legacy .*-\\s+-\\s+4$");
    }

    @Test
    void marks_an_unhealthy_url_target_and_a_gateway_without_breakers() {
        assertThat(RouteListing.breaker(tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                "{\"state\": \"closed\", \"failureRate\": null, \"healthy\": false}"))).isEqualTo("closed, unhealthy");
        assertThat(RouteListing.breaker(tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                "{\"state\": \"off\", \"failureRate\": null}"))).isEqualTo("off");
    }
}
