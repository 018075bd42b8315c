package dev.strangler.analyzer.source.parse;

import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The files of a source tree worth reading: main Java sources, XML descriptors, views, and properties and SQL files
 * (entry-point mappings, named SQL), with what was skipped and why.
 * Symbolic links are followed, but a link back into a folder already being walked is reported, not entered.
 */
public final class SourceTree {
    private static final Set<String> BUILD_FILES = Set.of("pom.xml", "build.gradle", "build.gradle.kts", "build.xml");
    private static final Set<String> OUTPUT_FOLDERS = Set.of("target", "build", "out", "bin");
    private static final Set<String> TEST_FOLDERS = Set.of("test", "tests", "testfixtures", "integrationtest",
            "integration-test", "it", "jmh", "testintegration");
    private static final Set<String> IGNORED_FOLDERS = Set.of("node_modules", "generated-sources",
            "generated-test-sources", "generated", "annotations");

    /** The endings of JSF and JSP views. */
    public static final List<String> VIEW_ENDINGS = List.of(".xhtml", ".jsp", ".jspx", ".jspf");

    private final Path root;
    private final long maxFileBytes;
    private final List<Path> javaFiles = new ArrayList<>();
    private final Map<Path, Long> sizes = new HashMap<>();
    private final List<Path> xmlFiles = new ArrayList<>();
    private final List<Path> otherFiles = new ArrayList<>();
    private final List<Path> namedSqlFiles = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int skippedFiles;

    private SourceTree(Path root, long maxFileBytes) {
        this.root = root;
        this.maxFileBytes = maxFileBytes;
    }

    /** Whether a file of this name is a view or a properties file, for the web files framework readers ask for. */
    static boolean webFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".properties") || VIEW_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    /** Whether a file of this name may hold named SQL: SQL files, and properties files that are not message bundles. */
    static boolean namedSqlFile(String fileName) {
        return fileName.endsWith(".sql") || (fileName.endsWith(".properties")
                && !fileName.matches(".*_[a-z]{2,3}(_[A-Za-z]{2,4})*\\.properties") && !fileName.startsWith("messages"));
    }

    public static SourceTree walk(Path root, long maxFileBytes) {
        SourceTree tree = new SourceTree(root, maxFileBytes);
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, tree.new Visitor());
        } catch (IOException e) {
            tree.problems.add(new Problem(".", 0, 0, Severity.ERROR, "could not walk the tree: " + e.getMessage()));
        }
        Collections.sort(tree.javaFiles);
        Collections.sort(tree.xmlFiles);
        Collections.sort(tree.otherFiles);
        Collections.sort(tree.namedSqlFiles);
        if (tree.javaFiles.isEmpty()) {
            tree.problems.add(new Problem(".", 0, 0, Severity.ERROR,
                    "no main Java sources found under the root; point the analyzer at a project or source folder"));
        }
        return tree;
    }

    public List<Path> javaFiles() {
        return javaFiles;
    }

    /** The positions of {@link #javaFiles()}, largest file first (ties in file order). */
    public List<Integer> largestFirst() {
        List<Integer> order = new ArrayList<>(javaFiles.size());
        for (int i = 0; i < javaFiles.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> sizes.getOrDefault(javaFiles.get(i), 0L)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        return order;
    }

    public List<Path> xmlFiles() {
        return xmlFiles;
    }

    /** Views and properties files that may name entry points ({@code .xhtml}, {@code .jsp}, {@code .properties}, ...). */
    public List<Path> otherFiles() {
        return otherFiles;
    }

    public List<Path> namedSqlFiles() {
        return namedSqlFiles;
    }

    public List<Problem> problems() {
        return problems;
    }

    public int skippedFiles() {
        return skippedFiles;
    }

    public String relative(Path file) {
        String text = root.relativize(file).toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }

    private String skipReason(Path dir) {
        if (dir.equals(root)) {
            return null;
        }
        String name = dir.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        Path parent = dir.getParent();
        boolean parentIsModule = parent != null && (parent.equals(root) || hasBuildFile(parent));
        boolean parentIsSrc = parent != null && parent.getFileName() != null
                && parent.getFileName().toString().equals("src");
        if (name.startsWith(".")) {
            return "hidden folder";
        }
        if (IGNORED_FOLDERS.contains(lower) && (lower.startsWith("generated") || lower.equals("node_modules")
                || parentIsModule)) {
            return "generated sources";
        }
        if (OUTPUT_FOLDERS.contains(lower) && parentIsModule) {
            return "build output";
        }
        if (TEST_FOLDERS.contains(lower) && (parentIsSrc || parentIsModule)) {
            return "test sources";
        }
        if (parentIsSrc && lower.endsWith("test")) {
            return "test sources";
        }
        return null;
    }

    private static boolean hasBuildFile(Path dir) {
        for (String file : BUILD_FILES) {
            if (Files.isRegularFile(dir.resolve(file))) {
                return true;
            }
        }
        return false;
    }

    private final class Visitor extends SimpleFileVisitor<Path> {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            String reason = skipReason(dir);
            if (reason != null) {
                if (!reason.equals("hidden folder")) {
                    problems.add(new Problem(relative(dir), 0, 0, Severity.NOTE, "skipped " + reason + " folder"));
                }
                return FileVisitResult.SKIP_SUBTREE;
            }
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isEmpty()) {
                    problems.add(new Problem(relative(dir), 0, 0, Severity.NOTE, "empty folder"));
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (name.endsWith(".java")) {
                if (attrs.size() > maxFileBytes) {
                    skippedFiles++;
                    problems.add(new Problem(relative(file), 0, 0, Severity.WARNING, "skipped: file has "
                            + attrs.size() + " bytes, more than the limit of " + maxFileBytes
                            + "; such files are usually generated"));
                } else if (!name.equals("module-info.java")) {
                    javaFiles.add(file);
                    sizes.put(file, attrs.size());
                }
            } else if (name.endsWith(".xml") && attrs.size() <= maxFileBytes) {
                xmlFiles.add(file);
            } else if (attrs.size() <= maxFileBytes && (webFile(name) || namedSqlFile(name))) {
                // a properties file may map entry points (a front controller's) and hold named SQL at once
                if (webFile(name)) {
                    otherFiles.add(file);
                }
                if (namedSqlFile(name)) {
                    namedSqlFiles.add(file);
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
                problems.add(new Problem(relative(file), 0, 0, Severity.WARNING,
                        "symbolic link loop: the link leads back to a folder being scanned; not followed"));
            } else {
                problems.add(new Problem(relative(file), 0, 0, Severity.ERROR, "could not read: " + e));
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
