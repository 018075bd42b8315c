package dev.strangler.gateway.web;

import dev.strangler.gateway.comparison.Body;
import dev.strangler.gateway.routing.Shadow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the monolith's answer to a request with its shadow copy's: the status, every response header the route's
 * {@link Shadow} does not ignore (values of repeated headers joined in order), and the names of the cookies set
 * (their values always differ). Bodies are compared by {@code BodyComparison}, in {@link ShadowTraffic}. Stateless and thread-safe.
 */
final class AnswerComparison {

    private AnswerComparison() {
    }

    /**
     * The status and headers of one answer.
     *
     * @param status HTTP status
     * @param headers lower-case header name to its values in order
     * @param body the body as read for the comparison
     */
    record Answer(int status, Map<String, List<String>> headers, Body body) {
        Answer {
            TreeMap<String, List<String>> lower = new TreeMap<>();
            Objects.requireNonNull(headers, "headers").forEach((name, values) ->
                    lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
            lower.replaceAll((name, values) -> List.copyOf(values));
            headers = Map.copyOf(lower);
            Objects.requireNonNull(body, "body");
        }

        /** An answer with an empty body. */
        Answer(int status, Map<String, List<String>> headers) {
            this(status, headers, Body.of("", new byte[0]));
        }

        /** This answer with {@code bytes} as its body, marked over the limit (and cut) when longer than {@code maxBytes}. */
        Answer withBody(byte[] bytes, int maxBytes) {
            List<String> types = headers.getOrDefault("content-type", List.of());
            String type = types.isEmpty() ? "" : types.get(0);
            boolean over = bytes.length > maxBytes;
            return new Answer(status, headers, new Body(type, over ? Arrays.copyOf(bytes, maxBytes) : bytes, over));
        }

        /** This answer with {@code body}. */
        Answer withBody(Body body) {
            return new Answer(status, headers, body);
        }
    }

    /**
     * What differs between the two answers, for a log line: {@code status 200 vs 201}, {@code header x-total},
     * {@code cookies}; empty when they match.
     */
    static List<String> differences(Answer monolith, Answer target, Shadow shadow) {
        List<String> differences = new ArrayList<>();
        if (monolith.status() != target.status()) {
            differences.add("status " + monolith.status() + " vs " + target.status());
        }
        Set<String> names = new TreeSet<>(monolith.headers().keySet());
        names.addAll(target.headers().keySet());
        for (String name : names) {
            if (shadow.compares(name) && !String.valueOf(joined(monolith, name)).equals(String.valueOf(joined(target, name)))) {
                differences.add("header " + name);
            }
        }
        if (!shadow.ignoreHeaders().contains("set-cookie") && !cookieNames(monolith).equals(cookieNames(target))) {
            differences.add("cookies");
        }
        return differences;
    }

    private static String joined(Answer answer, String name) {
        List<String> values = answer.headers().get(name);
        return values == null ? null : String.join(",", values.stream().map(String::trim).toList());
    }

    private static Set<String> cookieNames(Answer answer) {
        Set<String> names = new TreeSet<>();
        for (String cookie : answer.headers().getOrDefault("set-cookie", List.of())) {
            int equals = cookie.indexOf('=');
            names.add((equals < 0 ? cookie : cookie.substring(0, equals)).trim());
        }
        return names;
    }
}
