package dev.strangler.analyzer.source.parse;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.strangler.analyzer.cache.ContentHash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed file's outline: its text with the insides of the braces of method, constructor and initializer bodies
 * removed but for their line breaks, and the hash of that text ({@link ContentHash}). Two versions of a file with the
 * same outline declare the same types, members, signatures, annotations, field initializers (constants) and imports, each on the
 * same line; what differs is inside bodies only. Stateless; thread-safe.
 *
 * <p>Must be taken before {@link TreeCompactor} drops the tokens; a tree without tokens gives the hash of the whole
 * text, so that any change to the file counts as a change of its outline. A later run that reads only declarations
 * rebuilds the tree with those {@link #bodies} empty from the per-file cache ({@link OutlineSource}).
 */
public final class Outline {
    private Outline() {
    }

    /**
     * A file's outline as taken from its tree.
     *
     * @param hash the hash of the stripped text ({@link ContentHash}), or of the whole text when the bodies could not
     *             be told
     * @param bodiesTold whether the bodies could be told apart in the text (if not, the file is always parsed in full)
     */
    public record Taken(String hash, boolean bodiesTold) {
    }

    /**
     * The outline of {@code unit}, parsed from {@code text}: the text outside the bodies (whitespace and comments
     * included, as in the tree's tokens) and each body's line breaks, hashed.
     */
    public static Taken of(CompilationUnit unit, String text) {
        List<Node> found = bodies(unit);
        boolean tokens = unit.getTokenRange().isPresent()
                && found.stream().allMatch(body -> body.getTokenRange().isPresent());
        int[] bodies = tokens ? offsets(found, text) : null;
        String stripped = bodies == null ? null : strip(text, bodies);
        return stripped == null ? new Taken(hash(text), false) : new Taken(hash(stripped), true);
    }

    /**
     * {@code text} with the insides of the bodies at {@code bodies} removed but for their line breaks, so every
     * declaration stays on its line; null when the offsets do not fit the text (each must point at a brace).
     */
    private static String strip(String text, int[] bodies) {
        if (!fits(text, bodies)) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() / 2);
        int copied = 0;
        for (int i = 0; i + 1 < bodies.length; i += 2) {
            int begin = bodies[i];
            int end = bodies[i + 1];
            out.append(text, copied, begin + 1);
            for (int at = begin + 1; at < end; at++) {
                char c = text.charAt(at);
                if (c == '\n' || c == '\r') {
                    out.append(c);
                }
            }
            copied = end;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static int[] offsets(List<Node> bodies, String text) {
        List<Integer> lineStarts = new ArrayList<>();
        lineStarts.add(0);
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '\n' || c == '\r' && (at + 1 == text.length() || text.charAt(at + 1) != '\n')) {
                lineStarts.add(at + 1);
            }
        }
        int[] offsets = new int[bodies.size() * 2];
        int i = 0;
        for (Node body : bodies) {
            com.github.javaparser.Range range = body.getRange().orElse(null);
            if (range == null || range.begin.line > lineStarts.size() || range.end.line > lineStarts.size()) {
                return null;
            }
            offsets[i++] = lineStarts.get(range.begin.line - 1) + range.begin.column - 1;
            offsets[i++] = lineStarts.get(range.end.line - 1) + range.end.column - 1;
        }
        int[] sorted = sortedPairs(offsets);
        return fits(text, sorted) ? sorted : null;
    }

    /** Whether each pair of {@code bodies} is a brace-to-brace span of {@code text}, in order, none overlapping. */
    private static boolean fits(String text, int[] bodies) {
        int copied = 0;
        for (int i = 0; i + 1 < bodies.length; i += 2) {
            int begin = bodies[i];
            int end = bodies[i + 1];
            if (begin < copied || end <= begin || end >= text.length() || text.charAt(begin) != '{'
                    || text.charAt(end) != '}') {
                return false;
            }
            copied = end;
        }
        return true;
    }

    private static int[] sortedPairs(int[] offsets) {
        Integer[] pairs = new Integer[offsets.length / 2];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = i;
        }
        java.util.Arrays.sort(pairs, java.util.Comparator.comparingInt(p -> offsets[2 * p]));
        int[] sorted = new int[offsets.length];
        for (int i = 0; i < pairs.length; i++) {
            sorted[2 * i] = offsets[2 * pairs[i]];
            sorted[2 * i + 1] = offsets[2 * pairs[i] + 1];
        }
        return sorted;
    }

    /**
     * The bodies an outline leaves empty: of each method, constructor and initializer of the file's types, their
     * member types and their enum constants' class bodies (not of classes declared inside a body or an initializer
     * expression, which stay as written).
     */
    public static List<Node> bodies(CompilationUnit unit) {
        List<Node> bodies = new ArrayList<>();
        collect(unit.getTypes(), bodies);
        return bodies;
    }

    private static void collect(List<? extends BodyDeclaration<?>> members, List<Node> bodies) {
        for (BodyDeclaration<?> member : members) {
            if (member instanceof MethodDeclaration method) {
                method.getBody().ifPresent(bodies::add);
            } else if (member instanceof ConstructorDeclaration constructor) {
                bodies.add(constructor.getBody());
            } else if (member instanceof CompactConstructorDeclaration constructor) {
                bodies.add(constructor.getBody());
            } else if (member instanceof InitializerDeclaration initializer) {
                bodies.add(initializer.getBody());
            } else if (member instanceof TypeDeclaration<?> type) {
                collect(type.getMembers(), bodies);
                if (type instanceof EnumDeclaration enumeration) {
                    for (EnumConstantDeclaration constant : enumeration.getEntries()) {
                        collect(constant.getClassBody(), bodies);
                    }
                }
            }
        }
    }

    private static String hash(String text) {
        return ContentHash.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
