package dev.strangler.analyzer.report;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Fills {@code {{name}}} placeholders of the HTML report's page in one pass, so inserted text is never re-read. */
final class PageTemplate {
    private PageTemplate() {
    }

    /** Every placeholder must have a value, and every value must be used once at least. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder page = new StringBuilder(template.length()
                + values.values().stream().mapToInt(String::length).sum());
        Set<String> used = new HashSet<>();
        int from = 0;
        for (int open = template.indexOf("{{"); open >= 0; open = template.indexOf("{{", from)) {
            int close = template.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("template has '{{' without '}}' at offset " + open);
            }
            String name = template.substring(open + 2, close);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("template names {{" + name + "}}, which has no value; known: "
                        + values.keySet());
            }
            page.append(template, from, open).append(value);
            used.add(name);
            from = close + 2;
        }
        if (!used.containsAll(values.keySet())) {
            throw new IllegalArgumentException("template lacks placeholders for some of " + values.keySet()
                    + "; it has " + used);
        }
        return page.append(template, from, template.length()).toString();
    }
}
