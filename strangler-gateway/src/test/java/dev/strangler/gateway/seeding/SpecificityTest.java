package dev.strangler.gateway.seeding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecificityTest {

    @Test
    void puts_more_literal_segments_first_then_rest_wildcards_last() {
        List<String> templates = new ArrayList<>(List.of("/api/**", "/api/{x}/items", "/api/products/{id}",
                "/api/products/search", "/api/{a}/{b}"));

        templates.sort(Specificity.ORDER);

        assertThat(templates).containsExactly("/api/products/search", "/api/products/{id}", "/api/{x}/items",
                "/api/{a}/{b}", "/api/**");
    }

    @Test
    void tells_which_templates_can_match_one_path() {
        assertThat(Specificity.overlap("/api/products/{id}", "/api/products/search")).isTrue();
        assertThat(Specificity.overlap("/api/products/{id}", "/api/orders/{id}")).isFalse();
        assertThat(Specificity.overlap("/api/products/{id}", "/api/products")).isFalse();
        assertThat(Specificity.overlap("/api/**", "/api")).isTrue();
        assertThat(Specificity.overlap("/api/{rest+}", "/api")).isFalse();
        assertThat(Specificity.overlap("/api/{rest+}", "/api/a/b")).isTrue();
        assertThat(Specificity.overlap("/other/**", "/api/a")).isFalse();
        assertThat(Specificity.sameShape("/a/{id}", "/a/{key}")).isTrue();
        assertThat(Specificity.sameShape("/a/{id}", "/a/b")).isFalse();
    }
}
