package dev.strangler.gateway.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A JSON Pointer (RFC 6901) naming a place in a JSON body that a comparison leaves out, where a segment {@code *}
 * stands for any one array index or object key ({@code /items/*}{@code /createdAt}). A pointer also covers everything
 * below the place it names; {@code ""} names the whole document.
 *
 * @param text the pointer as written, like {@code /id} or {@code /items/*}{@code /createdAt}
 */
public record BodyPointer(String text) implements Comparable<BodyPointer> {

    private static final String ANY = "*";

    public BodyPointer {
        Objects.requireNonNull(text, "text");
        if (!text.isEmpty() && !text.startsWith("/")) {
            throw new IllegalArgumentException("a body path must be a JSON Pointer starting with '/', like '/id' or"
                    + " '/items/*/createdAt', but was '" + text + "'");
        }
        for (int i = text.indexOf('~'); i >= 0; i = text.indexOf('~', i + 1)) {
            if (i + 1 >= text.length() || (text.charAt(i + 1) != '0' && text.charAt(i + 1) != '1')) {
                throw new IllegalArgumentException("a body path may hold '~' only as '~0' (for '~') or '~1' (for '/'),"
                        + " but was '" + text + "'");
            }
        }
    }

    /** The pointer, throwing {@link IllegalArgumentException} with the fix when {@code text} is not one. */
    public static BodyPointer of(String text) {
        return new BodyPointer(text);
    }

    /** The pointer to the member {@code key} (or index) below {@code parent}, escaped. */
    static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** The unescaped segments; empty for the whole document. */
    List<String> segments() {
        List<String> segments = new ArrayList<>();
        if (text.isEmpty()) {
            return segments;
        }
        for (String raw : text.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    /** Whether {@code concrete} (a pointer without wildcards) names this place or one below it. */
    public boolean covers(String concrete) {
        List<String> mine = segments();
        List<String> theirs = new BodyPointer(concrete).segments();
        if (theirs.size() < mine.size()) {
            return false;
        }
        for (int i = 0; i < mine.size(); i++) {
            if (!mine.get(i).equals(ANY) && !mine.get(i).equals(theirs.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** This pointer with every all-digit segment (an array index) replaced by {@code *}. */
    BodyPointer withAnyIndex() {
        StringBuilder out = new StringBuilder();
        for (String raw : text.isEmpty() ? new String[0] : text.substring(1).split("/", -1)) {
            out.append('/').append(!raw.isEmpty() && raw.chars().allMatch(Character::isDigit) ? ANY : raw);
        }
        return new BodyPointer(out.toString());
    }

    @Override
    public int compareTo(BodyPointer other) {
        return text.compareTo(other.text);
    }

    @Override
    public String toString() {
        return text;
    }
}
