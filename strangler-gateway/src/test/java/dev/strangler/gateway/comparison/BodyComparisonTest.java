package dev.strangler.gateway.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BodyComparisonTest {

    private static Body json(String text) {
        return Body.of("application/json; charset=utf-8", text);
    }

    @Test
    void json_with_keys_in_another_order_matches() {
        BodyVerdict verdict = BodyComparison.compare(json("{\"a\":1,\"b\":{\"c\":\"x\",\"d\":[1,2]}}"),
                json("{\"b\":{\"d\":[1,2],\"c\":\"x\"},\"a\":1}"));
        assertThat(verdict.matches()).isTrue();
        assertThat(verdict.note()).isEmpty();
    }

    @Test
    void numbers_compare_by_value() {
        assertThat(BodyComparison.compare(json("{\"price\":1.0,\"n\":100}"), json("{\"price\":1,\"n\":1E2}")).matches())
                .isTrue();
        assertThat(BodyComparison.compare(json("{\"price\":1.0}"), json("{\"price\":1.01}")).differences())
                .containsExactly("/price");
    }

    @Test
    void a_differing_field_is_reported_by_its_pointer() {
        BodyVerdict verdict = BodyComparison.compare(json("{\"items\":[{\"sku\":\"A\",\"qty\":1}],\"total\":5}"),
                json("{\"items\":[{\"sku\":\"B\",\"qty\":1}],\"total\":\"5\"}"));
        assertThat(verdict.differences()).containsExactly("/items/0/sku", "/total");
    }

    @Test
    void arrays_compare_by_position_and_extra_elements_differ_at_their_index() {
        assertThat(BodyComparison.compare(json("[1,2,3]"), json("[2,1]")).differences())
                .containsExactly("/0", "/1", "/2");
    }

    @Test
    void a_member_on_one_side_only_differs_at_its_pointer_with_escapes() {
        assertThat(BodyComparison.compare(json("{\"a/b\":1,\"m~n\":2}"), json("{}")).differences())
                .containsExactly("/a~1b", "/m~0n");
    }

    @Test
    void ignored_paths_with_wildcards_drop_differences_under_them() {
        Body monolith = json("{\"id\":7,\"items\":[{\"createdAt\":\"t1\",\"sku\":\"A\"},{\"createdAt\":\"t2\"}],\"meta\":{\"x\":1}}");
        Body target = json("{\"id\":8,\"items\":[{\"createdAt\":\"u1\",\"sku\":\"A\"},{\"createdAt\":\"u2\"}],\"meta\":{\"x\":2}}");
        BodyVerdict verdict = BodyComparison.compare(monolith, target,
                List.of(BodyPointer.of("/id"), BodyPointer.of("/items/*/createdAt")), List.of());
        assertThat(verdict.differences()).containsExactly("/meta/x");
        assertThat(BodyComparison.compare(monolith, target, List.of(BodyPointer.of("")), List.of()).matches()).isTrue();
    }

    @Test
    void differences_under_noise_are_reported_apart_and_do_not_mismatch() {
        BodyVerdict verdict = BodyComparison.compare(json("{\"at\":\"t1\",\"a\":1}"), json("{\"at\":\"t2\",\"a\":1}"),
                List.of(), List.of(BodyPointer.of("/at")));
        assertThat(verdict.matches()).isTrue();
        assertThat(verdict.noise()).containsExactly("/at");
    }

    @Test
    void other_content_types_compare_by_bytes_with_a_length_note() {
        BodyVerdict verdict = BodyComparison.compare(Body.of("text/plain", "hello"), Body.of("text/plain", "hello!"));
        assertThat(verdict.differences()).containsExactly("");
        assertThat(verdict.note()).isEqualTo("compared by bytes (5 vs 6 bytes)");
        assertThat(BodyComparison.compare(Body.of("text/html", "<p>"), Body.of("text/html", "<p>")).matches()).isTrue();
    }

    @Test
    void json_that_does_not_parse_compares_by_bytes_and_says_so() {
        BodyVerdict verdict = BodyComparison.compare(json("{\"a\":1"), json("{\"a\": 1"));
        assertThat(verdict.differences()).containsExactly("");
        assertThat(verdict.note()).startsWith("not valid JSON, compared by bytes");
    }

    @Test
    void bodies_over_the_limit_are_not_compared_and_say_so() {
        BodyVerdict verdict = BodyComparison.compare(new Body("application/json", "{\"a\":".getBytes(), true),
                json("{\"a\":2}"));
        assertThat(verdict.matches()).isTrue();
        assertThat(verdict.note()).contains("over the size limit, compared by status and headers only");
    }

    @Test
    void a_body_path_that_is_no_json_pointer_is_refused_with_the_fix() {
        assertThatThrownBy(() -> BodyPointer.of("id")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a JSON Pointer starting with '/'").hasMessageContaining("'id'");
        assertThatThrownBy(() -> BodyPointer.of("/a~2")).hasMessageContaining("'~0'");
    }

    @Test
    void an_excerpt_is_cut_to_its_limit() {
        assertThat(Body.of("text/plain", "abcdef").excerpt(3)).isEqualTo("abc…");
        assertThat(Body.of("text/plain", "abc").excerpt(3)).isEqualTo("abc");
    }
}
