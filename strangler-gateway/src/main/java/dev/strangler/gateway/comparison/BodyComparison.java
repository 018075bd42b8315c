package dev.strangler.gateway.comparison;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares two answer bodies: as JSON structurally ({@link JsonDifference}) when both say JSON and parse, otherwise by
 * bytes; bodies over the size limit are not compared at all. Differences under an ignored pointer are dropped; those
 * under a learned noise pointer are reported apart, as noise. Stateless and thread-safe.
 */
public final class BodyComparison {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private BodyComparison() {
    }

    /** Compares the bodies with nothing ignored and no noise known. */
    public static BodyVerdict compare(Body monolith, Body target) {
        return compare(monolith, target, List.of(), List.of());
    }

    /**
     * Compares {@code monolith} with {@code target}, leaving out differences under {@code ignored} and reporting those
     * under {@code noise} as noise.
     */
    public static BodyVerdict compare(Body monolith, Body target, Collection<BodyPointer> ignored,
                                      Collection<BodyPointer> noise) {
        if (monolith.overLimit() || target.overLimit()) {
            return new BodyVerdict(List.of(), List.of(), "body over the size limit, compared by status and headers only");
        }
        Raw raw = raw(monolith, target);
        List<String> differences = new ArrayList<>();
        List<String> noisy = new ArrayList<>();
        for (String pointer : raw.pointers()) {
            if (ignored.stream().anyMatch(p -> p.covers(pointer))) {
                continue;
            }
            (noise.stream().anyMatch(p -> p.covers(pointer)) ? noisy : differences).add(pointer);
        }
        return new BodyVerdict(differences, noisy, raw.note());
    }

    /** Every place the bodies differ, before ignoring anything; what noise learning looks at. */
    static Raw raw(Body left, Body right) {
        if (left.isJson() && right.isJson()) {
            JsonNode l = parse(left);
            JsonNode r = parse(right);
            if (l != null && r != null) {
                return new Raw(JsonDifference.between(l, r), "");
            }
        }
        String note = left.isJson() || right.isJson() ? "not valid JSON, compared by bytes" : "compared by bytes";
        if (Arrays.equals(left.bytes(), right.bytes())) {
            return new Raw(List.of(), note);
        }
        return new Raw(List.of(""), note + " (" + left.length() + " vs " + right.length() + " bytes)");
    }

    private static JsonNode parse(Body body) {
        if (body.length() == 0) {
            return null;
        }
        try {
            return JSON.readTree(body.bytes());
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The pointers where two bodies differ and how they were compared. */
    record Raw(List<String> pointers, String note) {
        Raw {
            pointers = List.copyOf(pointers);
        }
    }
}
