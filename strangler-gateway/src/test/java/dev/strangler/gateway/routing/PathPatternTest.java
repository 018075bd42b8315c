package dev.strangler.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathPatternTest {

    @Test
    void matches_literal_segments_exactly() {
        PathPattern pattern = new PathPattern("/api/orders");

        assertThat(pattern.match("/api/orders")).isEmpty();
        assertThat(pattern.match("/api/orders/")).isEmpty();
        assertThat(pattern.match("/api/orders/1")).isNull();
        assertThat(pattern.match("/api/order")).isNull();
    }

    @Test
    void captures_path_parameters() {
        assertThat(new PathPattern("/api/orders/{id}/lines/{line}").match("/api/orders/7/lines/2"))
                .isEqualTo(Map.of("id", "7", "line", "2"));
    }

    @Test
    void greedy_parameter_takes_the_rest_and_needs_one_segment() {
        PathPattern pattern = new PathPattern("/files/{proxy+}");

        assertThat(pattern.match("/files/a/b/c")).isEqualTo(Map.of("proxy", "a/b/c"));
        assertThat(pattern.match("/files")).isNull();
    }

    @Test
    void double_star_matches_the_prefix_and_anything_below() {
        PathPattern pattern = new PathPattern("/api/customers/**");

        assertThat(pattern.match("/api/customers")).isEmpty();
        assertThat(pattern.match("/api/customers/1/addresses")).isEmpty();
        assertThat(pattern.match("/api/customer")).isNull();
    }

    @Test
    void refuses_malformed_patterns_with_the_pattern_in_the_message() {
        assertThatThrownBy(() -> new PathPattern("api")).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> new PathPattern("/a/**/b")).hasMessageContaining("may only end a path").hasMessageContaining("/a/**/b");
        assertThatThrownBy(() -> new PathPattern("/a/{id")).hasMessageContaining("check the braces");
        assertThatThrownBy(() -> new PathPattern("/a/x*")).hasMessageContaining("mixes '*'");
    }
}
