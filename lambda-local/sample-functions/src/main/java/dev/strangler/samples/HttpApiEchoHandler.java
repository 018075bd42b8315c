package dev.strangler.samples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API Gateway HTTP API (payload format 2.0) handler that answers with a JSON echo of the event it received.
 *
 * <p>Request headers switch its behaviour, so tests of the gateway can provoke each case:
 * {@code x-sample-fail: <msg>} throws, {@code x-sample-sleep-ms: N} sleeps first, {@code x-sample-status: N} sets the
 * status code, {@code x-sample-set-cookie: a=b} sets a cookie, {@code x-sample-binary: true} answers the request body
 * bytes base64-encoded, {@code x-sample-multi-header: v1,v2} sets the response header {@code x-multi}.
 */
public class HttpApiEchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        APIGatewayV2HTTPEvent.RequestContext.Http http = httpOf(event);
        context.getLogger().log("Echoing " + (http == null ? "?" : http.getMethod()) + " " + event.getRawPath()
                + " in request " + context.getAwsRequestId() + "\n");

        sleepIfAsked(headers.get("x-sample-sleep-ms"));
        String failure = headers.get("x-sample-fail");
        if (failure != null) {
            throw new RuntimeException(failure);
        }
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        String multi = headers.get("x-sample-multi-header");
        if (multi != null) {
            responseHeaders.put("x-multi", multi);
        }
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(statusOf(headers.get("x-sample-status")));
        String cookie = headers.get("x-sample-set-cookie");
        if (cookie != null) {
            response.setCookies(List.of(cookie));
        }
        if ("true".equalsIgnoreCase(headers.get("x-sample-binary"))) {
            responseHeaders.put("content-type", "application/octet-stream");
            response.setBody(Base64.getEncoder().encodeToString(bodyBytes(event)));
            response.setIsBase64Encoded(true);
        } else {
            responseHeaders.put("content-type", "application/json");
            response.setBody(echo(event, http));
            response.setIsBase64Encoded(false);
        }
        response.setHeaders(responseHeaders);
        return response;
    }

    private static APIGatewayV2HTTPEvent.RequestContext.Http httpOf(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
    }

    private static void sleepIfAsked(String millis) {
        if (millis == null) {
            return;
        }
        try {
            Thread.sleep(Long.parseLong(millis.trim()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int statusOf(String status) {
        return status == null ? 200 : Integer.parseInt(status.trim());
    }

    private static byte[] bodyBytes(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded()
                ? Base64.getDecoder().decode(event.getBody())
                : event.getBody().getBytes(StandardCharsets.UTF_8);
    }

    private static String echo(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPEvent.RequestContext.Http http) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("version", event.getVersion());
        echo.put("routeKey", event.getRouteKey());
        echo.put("rawPath", event.getRawPath());
        echo.put("rawQueryString", event.getRawQueryString());
        echo.put("cookies", event.getCookies());
        echo.put("headers", event.getHeaders());
        echo.put("queryStringParameters", event.getQueryStringParameters());
        echo.put("pathParameters", event.getPathParameters());
        echo.put("body", event.getBody());
        echo.put("isBase64Encoded", event.getIsBase64Encoded());
        Map<String, Object> requestContext = new LinkedHashMap<>();
        requestContext.put("requestId", event.getRequestContext() == null ? null : event.getRequestContext().getRequestId());
        Map<String, Object> httpEcho = new LinkedHashMap<>();
        httpEcho.put("method", http == null ? null : http.getMethod());
        httpEcho.put("path", http == null ? null : http.getPath());
        httpEcho.put("sourceIp", http == null ? null : http.getSourceIp());
        requestContext.put("http", httpEcho);
        echo.put("requestContext", requestContext);
        try {
            return JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES).asString(echo);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the echo of request " + echo.get("rawPath") + " as JSON", e);
        }
    }
}
