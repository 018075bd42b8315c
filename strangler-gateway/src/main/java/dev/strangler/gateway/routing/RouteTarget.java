package dev.strangler.gateway.routing;

import java.net.URI;
import java.util.Objects;

/** Where a route's moved share of traffic goes: the monolith itself, a Lambda function, or an HTTP service. */
public sealed interface RouteTarget permits RouteTarget.Monolith, RouteTarget.LambdaFunction, RouteTarget.HttpService {

    /** A short human-readable form, as the route file writes it and logs show it. */
    String describe();

    /** The monolith: a route that is listed but not moved. */
    record Monolith() implements RouteTarget {
        @Override
        public String describe() {
            return "monolith";
        }
    }

    /**
     * A Lambda function invoked synchronously with an API Gateway HTTP API event.
     *
     * @param function name, partial ARN or full ARN of the function
     * @param qualifier version or alias, or null for $LATEST
     * @param payloadFormat "2.0" (HTTP API) or "1.0" (REST API proxy)
     */
    record LambdaFunction(String function, String qualifier, String payloadFormat) implements RouteTarget {
        public LambdaFunction {
            Objects.requireNonNull(function, "function");
            if (function.isBlank()) {
                throw new IllegalArgumentException("function must not be blank, but was '" + function + "'");
            }
            if (qualifier != null && qualifier.isBlank()) {
                qualifier = null;
            }
            payloadFormat = payloadFormat == null ? "2.0" : payloadFormat;
            if (!payloadFormat.equals("2.0") && !payloadFormat.equals("1.0")) {
                throw new IllegalArgumentException("payload format must be 2.0 or 1.0, but was '" + payloadFormat + "'");
            }
        }

        @Override
        public String describe() {
            return "lambda:" + function + (qualifier == null ? "" : ":" + qualifier);
        }
    }

    /**
     * An HTTP service (a container service, a Lambda Function URL); the request path is appended to the base URI.
     *
     * @param uri base URI with scheme http or https
     */
    record HttpService(URI uri) implements RouteTarget {
        public HttpService {
            Objects.requireNonNull(uri, "uri");
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("url must start with http:// or https://, but was '" + uri + "'");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("url must name a host, but was '" + uri + "'");
            }
        }

        @Override
        public String describe() {
            return "url:" + uri;
        }
    }
}
