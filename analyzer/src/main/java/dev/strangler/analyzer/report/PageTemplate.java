package dev.strangler.analyzer.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills {@code {{name}}} placeholders of the HTML report's page in one pass, so inserted text is never re-read. The
 * page is written as it is filled: the report embedded in it can be several megabytes.
 */
final class PageTemplate {
    private PageTemplate() {
    }

    /** What goes in place of one placeholder, written as UTF-8. */
    @FunctionalInterface
    interface Piece {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Every placeholder must have a value, and every value must be used once at least; checked before writing. */
    static void write(String template, Map<String, Piece> values, OutputStream out) throws IOException {
        List<String> text = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int from = 0;
        for (int open = template.indexOf("{{"); open >= 0; open = template.indexOf("{{", from)) {
            int close = template.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("template has '{{' without '}}' at offset " + open);
            }
            String name = template.substring(open + 2, close);
            Piece value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("template names {{" + name + "}}, which has no value; known: "
                        + values.keySet());
            }
            text.add(template.substring(from, open));
            pieces.add(value);
            used.add(name);
            from = close + 2;
        }
        if (!used.containsAll(values.keySet())) {
            throw new IllegalArgumentException("template lacks placeholders for some of " + values.keySet()
                    + "; it has " + used);
        }
        for (int i = 0; i < pieces.size(); i++) {
            out.write(text.get(i).getBytes(StandardCharsets.UTF_8));
            pieces.get(i).writeTo(out);
        }
        out.write(template.substring(from).getBytes(StandardCharsets.UTF_8));
    }

    /** The page as text, each value inserted as it is. */
    static String fill(String template, Map<String, String> values) {
        Map<String, Piece> pieces = new HashMap<>();
        values.forEach((name, value) -> pieces.put(name, out -> out.write(value.getBytes(StandardCharsets.UTF_8))));
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        try {
            write(template, pieces, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return page.toString(StandardCharsets.UTF_8);
    }
}
