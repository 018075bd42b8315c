package dev.strangler.extraction.core;

import java.util.Objects;

/**
 * One Java source file of the generated project, already printed.
 *
 * @param className the fully qualified name of its top-level type
 * @param text the file's content
 */
public record SourceFile(String className, String text) {
    public SourceFile {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(text, "text");
        if (className.isBlank()) {
            throw new IllegalArgumentException("className must not be blank, but was '" + className + "'");
        }
    }

    /** Where the file goes below a source root: {@code a/b/C.java}. */
    public String path() {
        return className.replace('.', '/') + ".java";
    }

    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    public String packageName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
