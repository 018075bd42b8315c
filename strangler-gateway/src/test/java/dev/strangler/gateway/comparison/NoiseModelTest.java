package dev.strangler.gateway.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseModelTest {

    private static Body json(String text) {
        return Body.of("application/json", text);
    }

    @Test
    void fields_the_monolith_varies_itself_are_learned_per_route_with_indices_widened() {
        NoiseModel model = new NoiseModel(10);
        assertThat(model.learn("orders", json("{\"at\":1,\"items\":[{\"id\":\"a\"}],\"n\":1}"),
                json("{\"at\":2,\"items\":[{\"id\":\"b\"}],\"n\":1}")))
                .extracting(BodyPointer::text).containsExactly("/at", "/items/*/id");
        assertThat(model.noiseOf("orders")).extracting(BodyPointer::text).containsExactly("/at", "/items/*/id");
        assertThat(model.noiseOf("invoices")).isEmpty();
    }

    @Test
    void learned_noise_turns_a_later_difference_into_noise() {
        NoiseModel model = new NoiseModel(10);
        model.learn("orders", json("{\"at\":1}"), json("{\"at\":2}"));
        BodyVerdict verdict = BodyComparison.compare(json("{\"at\":3,\"x\":1}"), json("{\"at\":4,\"x\":2}"), List.of(),
                model.noiseOf("orders"));
        assertThat(verdict.differences()).containsExactly("/x");
        assertThat(verdict.noise()).containsExactly("/at");
    }

    @Test
    void the_set_per_route_is_bounded_and_learning_again_adds_nothing_new() {
        NoiseModel model = new NoiseModel(2);
        model.learn("r", json("{\"a\":1,\"b\":1,\"c\":1}"), json("{\"a\":2,\"b\":2,\"c\":2}"));
        assertThat(model.noiseOf("r")).hasSize(2);
        assertThat(model.learn("r", json("{\"a\":1}"), json("{\"a\":3}"))).isEmpty();
        model.forget("r");
        assertThat(model.noiseOf("r")).isEmpty();
    }

    @Test
    void equal_answers_and_bodies_over_the_limit_teach_nothing() {
        NoiseModel model = new NoiseModel(5);
        assertThat(model.learn("r", json("{\"a\":1}"), json("{\"a\":1.0}"))).isEmpty();
        assertThat(model.learn("r", new Body("application/json", new byte[0], true), json("{\"a\":1}"))).isEmpty();
    }
}
