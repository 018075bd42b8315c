package dev.strangler.analyzer.core;

import java.util.Locale;

/** The one way table names are compared: unquoted and lower-cased, as most databases fold them. */
public final class Tables {
    private Tables() {
    }

    public static String normalize(String table) {
        String name = table.strip().replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("table must not be blank, but was '" + table + "'");
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
