package dev.strangler.extraction.plain;

import java.util.Map;
import java.util.Set;

/** Java source text the generator writes: string literals, boxed type names, reserved words. */
final class JavaText {

    private static final Map<String, String> BOXES = Map.of("boolean", "java.lang.Boolean", "byte", "java.lang.Byte",
            "short", "java.lang.Short", "int", "java.lang.Integer", "long", "java.lang.Long", "float",
            "java.lang.Float", "double", "java.lang.Double", "char", "java.lang.Character");
    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "env", "jpa");

    private JavaText() {
    }

    /** The text between the quotes of a Java string literal. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A quoted literal, or {@code null}. */
    static String literal(String text) {
        return text == null ? "null" : "\"" + escape(text) + "\"";
    }

    static String boxed(String type) {
        return BOXES.getOrDefault(type, type);
    }

    static boolean isReserved(String name) {
        return RESERVED.contains(name);
    }
}
