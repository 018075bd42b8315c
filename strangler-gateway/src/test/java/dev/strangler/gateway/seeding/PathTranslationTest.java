package dev.strangler.gateway.seeding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathTranslationTest {

    private static String template(String path, String framework) {
        PathTranslation translation = PathTranslation.of(path, framework);
        assertThat(translation.problem()).as(path).isNull();
        return translation.template();
    }

    @Test
    void keeps_literals_and_whole_segment_variables() {
        assertThat(template("/api/orders/{orderId}/shipments", "spring-mvc")).isEqualTo("/api/orders/{orderId}/shipments");
        assertThat(template("/", "spring-mvc")).isEqualTo("/");
        assertThat(template("/api/orders/", "spring-mvc")).isEqualTo("/api/orders");
    }

    @Test
    void drops_a_regular_expression_left_in_a_variable() {
        assertThat(template("/api/items/{id:\\d+}", "jax-rs")).isEqualTo("/api/items/{id}");
        assertThat(template("/api/items/{ id : [a-z]+ }", "jax-rs")).isEqualTo("/api/items/{id}");
    }

    @Test
    void turns_spring_wildcards_into_gateway_ones() {
        assertThat(template("/files/**", "spring-mvc")).isEqualTo("/files/**");
        assertThat(template("/files/{*path}", "spring-mvc")).isEqualTo("/files/**");
        assertThat(template("/api/*/items/*", "spring-mvc")).isEqualTo("/api/{wildcard}/items/{wildcard2}");
    }

    @Test
    void reads_a_servlet_prefix_mapping_and_the_default_servlet_as_the_rest_of_the_path() {
        assertThat(template("/legacy/*", "servlet-web-xml")).isEqualTo("/legacy/**");
        assertThat(template("/legacy/*", "servlet")).isEqualTo("/legacy/**");
        assertThat(template("/*", "servlet")).isEqualTo("/**");
        assertThat(template("/", "servlet-web-xml")).as("the default servlet").isEqualTo("/**");
    }

    @Test
    void keeps_the_path_of_a_stripes_event_and_says_the_query_is_dropped() {
        PathTranslation translation = PathTranslation.of("/orders/Edit.action?save", "stripes");

        assertThat(translation.template()).isEqualTo("/orders/Edit.action");
        assertThat(translation.droppedQuery()).isEqualTo("?save");
    }

    @Test
    void refuses_what_the_gateway_cannot_express_and_says_why() {
        assertThat(PathTranslation.of("/*.do", "servlet").problem()).contains("wildcard inside the segment '*.do'");
        assertThat(PathTranslation.of("/api/v{version}/items", "spring-mvc").problem())
                .contains("mixes a path variable with text in the segment 'v{version}'");
        assertThat(PathTranslation.of("/files/{name}.{ext}", "spring-mvc").problem()).contains("'{name}.{ext}'");
        assertThat(PathTranslation.of("/a/**/b", "spring-mvc").problem()).contains("'**' before its end");
        assertThat(PathTranslation.of("/a/{id:[0-9]{3}}", "jax-rs").isExpressible()).isFalse();
        assertThat(PathTranslation.of("/a/*.json", "spring-mvc").template()).isNull();
    }
}
