package dev.strangler.analyzer.source.frameworks;

import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.source.parse.SourceText;
import dev.strangler.analyzer.source.parse.SourceTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The views and properties files of a source tree, read only when a framework reader asks for them, each once: JSF
 * and JSP views for expression-language references, {@code application.properties} and front-controller mapping
 * files.
 */
public final class WebFiles {
    private static final List<String> WEB_ROOTS = List.of("src/main/webapp/", "webapp/", "WebContent/", "WebRoot/",
            "web/", "war/");

    /** A text file and its path relative to the analysed root. */
    record TextFile(String path, String text) {
    }

    private final SourceTree tree;
    private final List<Problem> problems;
    private List<TextFile> views;

    public WebFiles(SourceTree tree, List<Problem> problems) {
        this.tree = tree;
        this.problems = problems;
    }

    /** The JSF and JSP views, in path order. */
    List<TextFile> views() {
        if (views == null) {
            views = new ArrayList<>();
            for (Path file : tree.otherFiles()) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (SourceTree.VIEW_ENDINGS.stream().anyMatch(name::endsWith)) {
                    String text = read(file);
                    if (text != null) {
                        views.add(new TextFile(tree.relative(file), text));
                    }
                }
            }
        }
        return views;
    }

    /** Every properties file with this file name, in path order. */
    List<TextFile> properties(String fileName) {
        List<TextFile> found = new ArrayList<>();
        for (Path file : tree.otherFiles()) {
            if (file.getFileName().toString().equals(fileName)) {
                String text = read(file);
                if (text != null) {
                    found.add(new TextFile(tree.relative(file), text));
                }
            }
        }
        return found;
    }

    /** A properties file's entries, in the order written ({@code Properties} would lose it). */
    static List<String[]> entries(String text) {
        Properties properties = new Properties();
        List<String[]> entries = new ArrayList<>();
        try {
            properties.load(new java.io.StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return entries;
        }
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            int separator = stripped.indexOf('=');
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!") || separator <= 0) {
                continue;
            }
            String key = stripped.substring(0, separator).strip();
            String value = properties.getProperty(key);
            if (value != null) {
                entries.add(new String[]{key, value.strip()});
            }
        }
        return entries;
    }

    /** The URL of a view: its path below the web root ({@code src/main/webapp}, {@code WebContent}, ...). */
    static String viewUrl(String path) {
        for (String root : WEB_ROOTS) {
            int at = path.startsWith(root) ? 0 : path.indexOf("/" + root);
            if (at >= 0) {
                return "/" + path.substring(at == 0 ? root.length() : at + 1 + root.length());
            }
        }
        return "/" + path;
    }

    private String read(Path file) {
        try {
            return SourceText.decode(Files.readAllBytes(file)).text();
        } catch (IOException e) {
            problems.add(new Problem(tree.relative(file), 0, 0, Severity.WARNING, "could not read: " + e));
            return null;
        }
    }
}
