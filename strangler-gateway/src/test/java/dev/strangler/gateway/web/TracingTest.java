package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TracingTest {

    @Test
    void new_ids_are_lower_case_hex_of_the_asked_length_and_differ() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Tracing.hex(16);
            assertThat(id).matches("[0-9a-f]{32}");
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
        assertThat(Tracing.hex(8)).matches("[0-9a-f]{16}");
        // every digit shows up: the nibbles are not stuck
        StringBuilder all = new StringBuilder();
        seen.forEach(all::append);
        assertThat(all.chars().distinct().count()).isEqualTo(16);
    }

    @Test
    void keeps_a_sane_client_request_id_and_replaces_anything_else() {
        assertThat(Tracing.requestId("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
        assertThat(Tracing.requestId("bad id\r\nx")).matches("[0-9a-f]{32}");
        assertThat(Tracing.requestId(null)).matches("[0-9a-f]{32}");
    }

    @Test
    void continues_the_callers_trace_with_a_new_parent_span_or_starts_a_sampled_one() {
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertThat(Tracing.traceparent(incoming)).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                .isNotEqualTo(incoming);
        assertThat(Tracing.traceparent("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain("0".repeat(32));
        assertThat(Tracing.traceparent("garbage")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void writes_latency_in_milliseconds_with_three_decimals() {
        assertThat(AccessLog.millis(0)).isEqualTo("0.000");
        assertThat(AccessLog.millis(1_042_000)).isEqualTo("1.042");
        assertThat(AccessLog.millis(1_041_600)).isEqualTo("1.042");
        assertThat(AccessLog.millis(5_000)).isEqualTo("0.005");
        assertThat(AccessLog.millis(50_000)).isEqualTo("0.050");
        assertThat(AccessLog.millis(12_345_678_901L)).isEqualTo("12345.679");
        assertThat(AccessLog.millis(-5)).isEqualTo("0.000");
    }
}
