package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;

class NettyFactsTest {

    @Test
    void reads_the_method_the_raw_path_headers_and_the_first_cookie_of_a_name_over_every_cookie_header() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("X-User-Id", "u7")
                .add("Cookie", "theme=dark; JSESSIONID=s1")
                .add("Cookie", "JSESSIONID=s2; lang=fr");

        NettyFacts facts = new NettyFacts(HttpMethod.POST, "/orders/42?expand=lines", headers);

        assertThat(facts.method()).isEqualTo("POST");
        assertThat(facts.path()).isEqualTo("/orders/42");
        assertThat(facts.header("x-user-id")).isEqualTo("u7");
        assertThat(facts.cookie("JSESSIONID")).isEqualTo("s1");
        assertThat(facts.cookie("lang")).isEqualTo("fr");
        assertThat(facts.cookie("missing")).isNull();
        assertThat(new NettyFacts(HttpMethod.GET, "/", new DefaultHttpHeaders()).cookie("JSESSIONID")).isNull();
    }
}
