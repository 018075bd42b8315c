package dev.strangler.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestChecksTest {

    @Test
    void reads_a_cookie_by_name_among_others() {
        assertThat(RequestChecks.cookie("a=1; strangler_session=abc-_9; b=2", "strangler_session")).isEqualTo("abc-_9");
        assertThat(RequestChecks.cookie("xstrangler_session=abc", "strangler_session")).isNull();
        assertThat(RequestChecks.cookie(null, "strangler_session")).isNull();
    }

    @Test
    void accepts_a_change_from_the_admin_ports_own_origin_or_without_one() {
        assertThat(RequestChecks.isSameOrigin("http://127.0.0.1:8081", "127.0.0.1:8081")).isTrue();
        assertThat(RequestChecks.isSameOrigin("https://admin.example", "admin.example")).isTrue();
        assertThat(RequestChecks.isSameOrigin(null, "127.0.0.1:8081")).isTrue();
    }

    @Test
    void refuses_a_change_from_another_origin() {
        assertThat(RequestChecks.isSameOrigin("http://evil.example", "127.0.0.1:8081")).isFalse();
        assertThat(RequestChecks.isSameOrigin("http://127.0.0.1:9999", "127.0.0.1:8081")).isFalse();
        assertThat(RequestChecks.isSameOrigin("null", "127.0.0.1:8081")).isFalse();
        assertThat(RequestChecks.isSameOrigin("file:///x", "127.0.0.1:8081")).isFalse();
        assertThat(RequestChecks.isSameOrigin("http://127.0.0.1:8081", null)).isFalse();
    }
}
