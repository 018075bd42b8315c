package dev.strangler.extraction.core;

import java.util.List;
import java.util.Objects;

/**
 * The monolith's route that answers an adapter method: an HTTP call replaces the in-process call.
 *
 * @param method the HTTP method
 * @param path the path template; {@code {name}} segments are filled from the method's parameters
 * @param pathParameters for each path variable, the adapter method's parameter that fills it, in template order
 * @param queryParameters query parameter name to the adapter method's parameter
 */
public record MonolithCall(String method, String path, List<String> pathParameters, List<QueryParameter> queryParameters) {
    public MonolithCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        pathParameters = List.copyOf(pathParameters);
        queryParameters = List.copyOf(queryParameters);
    }

    /**
     * A query parameter the call sends.
     *
     * @param name the query parameter's name
     * @param parameter the adapter method's parameter whose value is sent
     */
    public record QueryParameter(String name, String parameter) {
        public QueryParameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(parameter, "parameter");
        }
    }
}
