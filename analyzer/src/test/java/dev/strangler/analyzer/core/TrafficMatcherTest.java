package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficMatcherTest {
    private static EntryPoint route(String method, String path) {
        MethodId handler = new MethodId(ClassName.of("shop.Api"), method.toLowerCase() + path.length());
        return new EntryPoint(EntryPointKind.HTTP, "spring-mvc", method, path, handler,
                new SourceLocation("src/main/java/shop/Api.java", 1));
    }

    private static final EntryPoint PRODUCT = route("GET", "/api/products/{id}");
    private static final EntryPoint SEARCH = route("GET", "/api/products/search");
    private static final EntryPoint ANY_FILES = route("ANY", "/files/**");
    private static final EntryPoint CREATE = route("POST", "/api/products");
    private final TrafficMatcher matcher = new TrafficMatcher(List.of(PRODUCT, SEARCH, ANY_FILES, CREATE));

    @Test
    void a_path_variable_matches_any_one_segment_and_a_literal_segment_wins_over_it() {
        assertThat(matcher.match("GET", "/api/products/42")).isEqualTo(PRODUCT);
        assertThat(matcher.match("GET", "/api/products/search?q=mug")).isEqualTo(SEARCH);
        assertThat(matcher.match("HEAD", "/api/products/42/")).isEqualTo(PRODUCT);
    }

    @Test
    void the_method_must_match_unless_either_side_is_any() {
        assertThat(matcher.match("DELETE", "/api/products/42")).isNull();
        assertThat(matcher.match("ANY", "/api/products")).isEqualTo(CREATE);
        assertThat(matcher.match("PUT", "/files/a/b/c.txt")).isEqualTo(ANY_FILES);
    }

    @Test
    void a_path_of_no_route_matches_nothing() {
        assertThat(matcher.match("GET", "/favicon.ico")).isNull();
        assertThat(matcher.match("GET", "/api/products/42/reviews")).isNull();
    }
}
