package dev.strangler.gateway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HttpApiEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LambdaRequest request(String contentType, byte[] body) {
        return new LambdaRequest("POST", "/api/orders/7", "a=1&a=2&b=x%2By",
                List.of(Map.entry("content-type", contentType), Map.entry("accept", "a/b"), Map.entry("accept", "c/d")),
                List.of("s=1"), body, "10.0.0.1", "req-1", "POST /api/orders/{id}", Map.of("id", "7"),
                1_700_000_000_000L, "HTTP/1.1", "shop.example");
    }

    @Test
    void builds_a_v2_event_with_joined_headers_and_query_values() {
        JsonNode event = JSON.readTree(HttpApiEvents.toEvent(request("application/json", "{\"x\":1}".getBytes()), "2.0"));

        assertThat(event.get("headers").get("accept").asString()).isEqualTo("a/b,c/d");
        assertThat(event.get("queryStringParameters").get("a").asString()).isEqualTo("1,2");
        assertThat(event.get("queryStringParameters").get("b").asString()).isEqualTo("x+y");
        assertThat(event.get("body").asString()).isEqualTo("{\"x\":1}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.get("requestContext").get("time").asString()).isEqualTo("14/Nov/2023:22:13:20 +0000");
        assertThat(event.get("requestContext").get("domainPrefix").asString()).isEqualTo("shop");
    }

    @Test
    void writes_the_whole_v2_event_in_api_gateways_field_order() {
        String event = new String(HttpApiEvents.toEvent(request("text/plain; charset=utf-8", "h\u00e9 \"q\"".getBytes(
                StandardCharsets.UTF_8)), "2.0"), StandardCharsets.UTF_8);

        assertThat(event).isEqualTo("{\"version\":\"2.0\",\"routeKey\":\"POST /api/orders/{id}\",\"rawPath\":\"/api/orders/7\","
                + "\"rawQueryString\":\"a=1&a=2&b=x%2By\",\"cookies\":[\"s=1\"],"
                + "\"headers\":{\"content-type\":\"text/plain; charset=utf-8\",\"accept\":\"a/b,c/d\"},"
                + "\"queryStringParameters\":{\"a\":\"1,2\",\"b\":\"x+y\"},\"pathParameters\":{\"id\":\"7\"},"
                + "\"requestContext\":{\"accountId\":\"anonymous\",\"apiId\":\"strangler-gateway\","
                + "\"domainName\":\"shop.example\",\"domainPrefix\":\"shop\",\"http\":{\"method\":\"POST\","
                + "\"path\":\"/api/orders/7\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"10.0.0.1\",\"userAgent\":\"\"},"
                + "\"requestId\":\"req-1\",\"routeKey\":\"POST /api/orders/{id}\",\"stage\":\"$default\","
                + "\"time\":\"14/Nov/2023:22:13:20 +0000\",\"timeEpoch\":1700000000000},"
                + "\"body\":\"h\u00e9 \\\"q\\\"\",\"isBase64Encoded\":false}");
    }

    @Test
    void writes_the_whole_v1_event_with_nulls_where_api_gateway_has_them() {
        LambdaRequest bare = new LambdaRequest("GET", "/health", "", List.of(Map.entry("user-agent", "probe")), List.of(),
                new byte[0], "10.0.0.2", "req-2", "GET /health", Map.of(), 0L, "HTTP/1.1", "");

        String event = new String(HttpApiEvents.toEvent(bare, "1.0"), StandardCharsets.UTF_8);

        assertThat(event).isEqualTo("{\"version\":\"1.0\",\"resource\":\"/health\",\"path\":\"/health\","
                + "\"httpMethod\":\"GET\",\"headers\":{\"user-agent\":\"probe\"},"
                + "\"multiValueHeaders\":{\"user-agent\":[\"probe\"]},\"queryStringParameters\":null,"
                + "\"multiValueQueryStringParameters\":null,\"pathParameters\":null,\"stageVariables\":null,"
                + "\"requestContext\":{\"accountId\":\"anonymous\",\"apiId\":\"strangler-gateway\","
                + "\"resourcePath\":\"/health\",\"httpMethod\":\"GET\",\"path\":\"/health\",\"protocol\":\"HTTP/1.1\","
                + "\"requestId\":\"req-2\",\"requestTime\":\"01/Jan/1970:00:00:00 +0000\",\"requestTimeEpoch\":0,"
                + "\"stage\":\"$default\",\"identity\":{\"sourceIp\":\"10.0.0.2\",\"userAgent\":\"probe\"}},"
                + "\"body\":null,\"isBase64Encoded\":false}");
    }

    @Test
    void encodes_binary_bodies_base64() {
        JsonNode event = JSON.readTree(HttpApiEvents.toEvent(request("image/png", new byte[] {1, 2, (byte) 0xff}), "2.0"));

        assertThat(event.get("body").asString()).isEqualTo("AQL/");
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        // padded, on one line, as java.util.Base64 and API Gateway write it
        byte[] large = new byte[100];
        Arrays.fill(large, (byte) 0xfb);
        JsonNode padded = JSON.readTree(HttpApiEvents.toEvent(request("application/octet-stream", large), "1.0"));
        assertThat(padded.get("body").asString()).isEqualTo(Base64.getEncoder().encodeToString(large));
    }

    @Test
    void builds_a_v1_event_with_multi_value_fields() {
        JsonNode event = JSON.readTree(HttpApiEvents.toEvent(request("text/plain", "hi".getBytes()), "1.0"));

        assertThat(event.get("resource").asString()).isEqualTo("/api/orders/{id}");
        assertThat(event.get("httpMethod").asString()).isEqualTo("POST");
        assertThat(event.get("multiValueHeaders").get("accept").toString()).isEqualTo("[\"a/b\",\"c/d\"]");
        assertThat(event.get("multiValueQueryStringParameters").get("a").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(event.get("requestContext").get("identity").get("sourceIp").asString()).isEqualTo("10.0.0.1");
    }

    @Test
    void maps_a_proxy_response_with_multi_value_headers_cookies_and_base64_body() {
        LambdaResponse response = HttpApiEvents.toResponse(("{\"statusCode\":201,\"headers\":{\"x-a\":\"1\"},"
                + "\"multiValueHeaders\":{\"x-b\":[\"2\",\"3\"]},\"cookies\":[\"c=1\",\"d=2\"],"
                + "\"body\":\"AQI=\",\"isBase64Encoded\":true}").getBytes(StandardCharsets.UTF_8), "2.0");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).containsEntry("x-a", List.of("1")).containsEntry("x-b", List.of("2", "3"));
        assertThat(response.cookies()).containsExactly("c=1", "d=2");
        assertThat(response.body()).containsExactly(1, 2);
    }

    @Test
    void returns_a_reply_without_status_code_as_200_json_in_v2_only() {
        byte[] payload = "{\"greeting\":\"Hello\"}".getBytes(StandardCharsets.UTF_8);

        LambdaResponse response = HttpApiEvents.toResponse(payload, "2.0");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("content-type", List.of("application/json"));
        assertThat(response.body()).isEqualTo(payload);
        assertThatThrownBy(() -> HttpApiEvents.toResponse(payload, "1.0")).isInstanceOf(MalformedReplyException.class).hasMessageContaining("no statusCode");
    }
}
