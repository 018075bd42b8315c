package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ExpectedVersionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void reads_the_version_from_if_match_in_its_usual_spellings() {
        assertThat(ExpectedVersion.of("\"7\"", null)).isEqualTo(7L);
        assertThat(ExpectedVersion.of("7", null)).isEqualTo(7L);
        assertThat(ExpectedVersion.of("W/\"7\"", null)).isEqualTo(7L);
        assertThat(ExpectedVersion.of("*", null)).isNull();
        assertThat(ExpectedVersion.of(null, null)).isNull();
        assertThat(ExpectedVersion.etag(7)).isEqualTo("\"7\"");
    }

    @Test
    void reads_the_version_field_of_the_body_and_refuses_a_disagreement() {
        assertThat(ExpectedVersion.of(null, JSON.readTree("{\"weight\":5,\"version\":3}"))).isEqualTo(3L);
        assertThat(ExpectedVersion.of("\"3\"", JSON.readTree("{\"version\":3}"))).isEqualTo(3L);
        assertThat(ExpectedVersion.of(null, JSON.readTree("{\"weight\":5}"))).isNull();
        assertThatThrownBy(() -> ExpectedVersion.of("\"4\"", JSON.readTree("{\"version\":3}")))
                .hasMessageContaining("If-Match says version 4 but the body's \"version\" says 3");
    }

    @Test
    void refuses_what_is_no_version_naming_it() {
        assertThatThrownBy(() -> ExpectedVersion.of("\"v7\"", null)).hasMessageContaining("If-Match must name one route version")
                .hasMessageContaining("\"v7\"");
        assertThatThrownBy(() -> ExpectedVersion.of("\"1\", \"2\"", null)).hasMessageContaining("If-Match must name one");
        assertThatThrownBy(() -> ExpectedVersion.of(null, JSON.readTree("{\"version\":\"3\"}")))
                .hasMessageContaining("version must be the route's version as a whole number");
    }
}
