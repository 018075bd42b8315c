package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #13: production traffic weighs the use cases and the extraction order. */
class TrafficWeighingTest {
    private static Decomposition shop() {
        return new Decomposer().decompose(ModelFixtures.shop(), DecompositionOptions.defaults(), ProgressListener.NONE);
    }

    @Test
    void each_candidate_gets_its_share_of_the_requests_and_errors_and_unmatched_paths_are_listed() {
        Decomposition weighed = shop().withTraffic("access.log", List.of(
                new RequestTally("GET", "/api/products", 600, 0),
                new RequestTally("GET", "/api/products/7", 200, 10),
                new RequestTally("POST", "/api/orders", 150, 30),
                new RequestTally("GET", "/api/customers/3", 50, 0),
                new RequestTally("GET", "/favicon.ico", 40, 0)), List.of());

        Traffic traffic = weighed.traffic();
        assertThat(traffic.requests()).isEqualTo(1040);
        assertThat(traffic.matched()).isEqualTo(1000);
        assertThat(traffic.errors()).isEqualTo(40);
        assertThat(traffic.unmatchedRequests()).isEqualTo(40);
        assertThat(traffic.unmatched()).extracting(RequestTally::path).containsExactly("/favicon.ico");
        Traffic.CandidateTraffic products = traffic.candidates().stream()
                .filter(c -> c.candidate().equals("products")).findFirst().orElseThrow();
        assertThat(products.requests()).isEqualTo(800);
        assertThat(products.share()).isEqualTo(0.8);
        assertThat(products.errorShare()).isEqualTo(0.25);
        assertThat(products.risk()).isEqualTo(40);
        assertThat(traffic.useCases()).extracting(Traffic.UseCaseTraffic::label, Traffic.UseCaseTraffic::requests)
                .contains(org.assertj.core.groups.Tuple.tuple("GET /api/products/{id}", 200L));
    }

    @Test
    void the_service_with_most_traffic_moves_later_in_the_extraction_order() {
        Decomposition plain = shop();
        String first = plain.services().get(0).name();

        Decomposition weighed = plain.withTraffic("counts.csv", List.of(
                new RequestTally("ANY", routeOf(plain, first), 10_000, 0)), List.of());

        assertThat(weighed.services()).extracting(ServiceCandidate::extractionOrder).containsExactly(1, 2, 3);
        assertThat(weighed.services().get(weighed.services().size() - 1).name()).isEqualTo(first);
        assertThat(weighed.traffic().candidates()).extracting(Traffic.CandidateTraffic::priority).isSorted();
        assertThat(weighed.candidates()).hasSameSizeAs(plain.candidates());
    }

    private static String routeOf(Decomposition decomposition, String candidate) {
        return decomposition.services().stream().filter(c -> c.name().equals(candidate)).findFirst().orElseThrow()
                .routes().get(0).path();
    }
}
