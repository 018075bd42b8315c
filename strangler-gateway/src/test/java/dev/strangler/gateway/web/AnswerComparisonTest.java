package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.routing.Shadow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerComparisonTest {

    private static final Shadow SHADOW = new Shadow(100, false, Set.of("x-backend"));

    @Test
    void answers_differing_only_in_ignored_headers_and_cookie_values_match() {
        AnswerComparison.Answer monolith = new AnswerComparison.Answer(200, Map.of(
                "Content-Type", List.of("application/json"), "Date", List.of("Mon, 23 Nov 2026 22:00:00 GMT"),
                "X-Request-Id", List.of("r1"), "X-Backend", List.of("monolith"), "Set-Cookie", List.of("sid=1; Path=/"),
                "Content-Length", List.of("42")));
        AnswerComparison.Answer target = new AnswerComparison.Answer(200, Map.of(
                "content-type", List.of("application/json"), "set-cookie", List.of("sid=2; Path=/"),
                "transfer-encoding", List.of("chunked")));

        assertThat(AnswerComparison.differences(monolith, target, SHADOW)).isEmpty();
    }

    @Test
    void names_the_status_each_differing_header_and_the_cookies() {
        AnswerComparison.Answer monolith = new AnswerComparison.Answer(200, Map.of(
                "Content-Type", List.of("application/json"), "X-Multi", List.of("one", "two"),
                "Set-Cookie", List.of("sid=1")));
        AnswerComparison.Answer target = new AnswerComparison.Answer(201, Map.of(
                "content-type", List.of("text/plain"), "x-multi", List.of("one,two"), "x-extra", List.of("1")));

        assertThat(AnswerComparison.differences(monolith, target, SHADOW))
                .containsExactly("status 200 vs 201", "header content-type", "header x-extra", "cookies");
    }

    @Test
    void a_route_may_ignore_cookies_too() {
        AnswerComparison.Answer monolith = new AnswerComparison.Answer(200, Map.of("Set-Cookie", List.of("a=1")));
        AnswerComparison.Answer target = new AnswerComparison.Answer(200, Map.of());

        assertThat(AnswerComparison.differences(monolith, target, new Shadow(10, false, Set.of("set-cookie")))).isEmpty();
    }
}
