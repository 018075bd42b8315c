package dev.strangler.analyzer.source.parse;

import com.github.javaparser.ast.Node;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pre-order walks over a syntax tree, in the order of JavaParser's {@link Node#walk(Consumer)} and
 * {@link Node#findAll(Class)}, on an unsynchronized stack: JavaParser's own iterator keeps its nodes in a
 * {@link java.util.Stack}, whose lock on every push and pop is a measurable share of the analysis when each file is
 * walked several times. The children are read from the node's own list, not through {@link Node#getChildNodes()}, which
 * wraps it in a new unmodifiable view on every call (a hundred megabytes of views on a cold run of a large codebase);
 * the walk never changes a list.
 */
public final class Trees {
    /** {@code Node.childNodes}, or null when the JavaParser in use has no such field: then {@code getChildNodes()}. */
    private static final VarHandle CHILDREN = children();

    private Trees() {
    }

    private static VarHandle children() {
        try {
            return MethodHandles.privateLookupIn(Node.class, MethodHandles.lookup())
                    .findVarHandle(Node.class, "childNodes", java.util.ArrayList.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Calls {@code visitor} on {@code root} and every node below it, parents before children, children in order. */
    public static void walk(Node root, Consumer<? super Node> visitor) {
        ArrayDeque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            visitor.accept(node);
            List<?> children = CHILDREN == null ? node.getChildNodes() : (List<?>) CHILDREN.get(node);
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push((Node) children.get(i));
            }
        }
    }

    /** The 1-based line where {@code node} begins, or 0 when the parser recorded no position. */
    public static int line(Node node) {
        return node.getBegin().map(position -> position.line).orElse(0);
    }

    /** The nodes of {@code type} at or below {@code root}, in pre-order. */
    public static <T extends Node> List<T> findAll(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        walk(root, node -> {
            if (type.isInstance(node)) {
                found.add(type.cast(node));
            }
        });
        return found;
    }
}
