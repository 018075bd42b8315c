package dev.strangler.analyzer.report;

import java.util.Locale;

/** A minimal streaming JSON writer with two-space indentation; keys are written in the order given. */
final class JsonOutput {
    private final StringBuilder text = new StringBuilder();
    private int depth;
    private boolean first = true;
    private boolean afterKey;

    JsonOutput beginObject() {
        value("{");
        depth++;
        first = true;
        return this;
    }

    JsonOutput endObject() {
        return close('}');
    }

    JsonOutput beginArray() {
        value("[");
        depth++;
        first = true;
        return this;
    }

    JsonOutput endArray() {
        return close(']');
    }

    private JsonOutput close(char bracket) {
        depth--;
        if (!first) {
            newline();
        }
        text.append(bracket);
        first = false;
        return this;
    }

    JsonOutput key(String key) {
        separator();
        quote(key);
        text.append(": ");
        afterKey = true;
        return this;
    }

    JsonOutput string(String value) {
        if (value == null) {
            return value("null");
        }
        separatorUnlessKey();
        quote(value);
        return this;
    }

    JsonOutput number(long value) {
        return value(Long.toString(value));
    }

    /** Up to 4 decimals, trailing zeros dropped; NaN and infinities as null. */
    JsonOutput number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value("null");
        }
        return value(Decimals.plain(value, 4));
    }

    JsonOutput bool(boolean value) {
        return value(Boolean.toString(value));
    }

    JsonOutput nullValue() {
        return value("null");
    }

    JsonOutput field(String key, String value) {
        return key(key).string(value);
    }

    JsonOutput field(String key, long value) {
        return key(key).number(value);
    }

    JsonOutput field(String key, double value) {
        return key(key).number(value);
    }

    JsonOutput field(String key, boolean value) {
        return key(key).bool(value);
    }

    JsonOutput stringArray(String key, Iterable<?> values) {
        key(key).beginArray();
        for (Object value : values) {
            string(String.valueOf(value));
        }
        return endArray();
    }

    private JsonOutput value(String literal) {
        separatorUnlessKey();
        text.append(literal);
        return this;
    }

    private void separatorUnlessKey() {
        if (afterKey) {
            afterKey = false;
            first = false;
            return;
        }
        separator();
    }

    private void separator() {
        if (depth > 0) {
            if (!first) {
                text.append(',');
            }
            newline();
        }
        first = false;
    }

    private void newline() {
        text.append('\n');
        for (int level = 0; level < depth; level++) {
            text.append("  ");
        }
    }

    /** Runs of characters that need no escape are appended whole: most strings have none. */
    private void quote(String value) {
        text.append('"');
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                text.append(value, from, i);
                switch (c) {
                    case '"' -> text.append("\\\"");
                    case '\\' -> text.append("\\\\");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\t' -> text.append("\\t");
                    default -> text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
                from = i + 1;
            }
        }
        text.append(value, from, value.length());
        text.append('"');
    }

    @Override
    public String toString() {
        return text + "\n";
    }
}
