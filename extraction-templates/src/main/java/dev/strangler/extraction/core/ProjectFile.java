package dev.strangler.extraction.core;

import java.util.Objects;

/**
 * One file of the generated project.
 *
 * @param path relative to the project's root, {@code /} separated
 * @param content the file's text
 */
public record ProjectFile(String path, String content) {
    public ProjectFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.isBlank() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("path must be relative, '/' separated and stay inside the project, but was '"
                    + path + "'");
        }
    }
}
