package dev.strangler.analyzer.source.parse;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import dev.strangler.analyzer.cache.BinaryIn;
import dev.strangler.analyzer.cache.BinaryOut;

import java.lang.reflect.InvocationTargetException;
import java.util.Set;

/**
 * A syntax tree as bytes and back, so that a later run rebuilds a file's outline without reading or parsing it.
 *
 * <p>Generic over JavaParser's metamodel: each node is written as its kind, its position range and the properties its
 * all-fields constructor takes ({@link TreeShapes}: child nodes, lists of nodes, strings, flags, constants), and read
 * back through that constructor, so every kind of node the parser makes comes back with the same children, values and
 * ranges. Comments,
 * tokens and attached data are not kept: the analysis reads none of them (see {@link TreeCompactor}). The bytes hold
 * no version of their own: the cache that keeps them is keyed by the analyzer's build, JavaParser's included.
 * Stateless; thread-safe.
 */
public final class TreeCodec {
    private static final TreeShapes SHAPES = TreeShapes.find();

    private TreeCodec() {
    }

    /**
     * Loads JavaParser's metamodel and finds every kind of node's constructor and fields now rather than on the first
     * {@link #encode} or {@link #decode} (a tenth of a second or more in a fresh JVM): a run about to read trees
     * back calls it on a spare thread first.
     *
     * @return whether this JavaParser's trees can be kept at all
     */
    public static boolean prepare() {
        return SHAPES.failure() == null;
    }

    /**
     * The bytes of {@code unit}, with each node of {@code emptied} written with empty lists (a body without its
     * statements, say) but its range.
     *
     * @throws IllegalArgumentException when the tree holds a property of a kind this codec cannot write
     */
    public static byte[] encode(CompilationUnit unit, Set<Node> emptied) {
        BinaryOut out = new BinaryOut(4096);
        write(unit, emptied, out);
        return out.toByteArray();
    }

    /** {@link #encode}, onto the end of {@code out}: a tree among other values. */
    public static void write(CompilationUnit unit, Set<Node> emptied, BinaryOut out) {
        if (SHAPES.failure() != null) {
            throw new IllegalArgumentException(SHAPES.failure());
        }
        new Writer(out, emptied).node(unit, 1);
    }

    /**
     * The tree {@link #encode} wrote.
     *
     * @throws RuntimeException when {@code bytes} are not such a tree (the cache's damage)
     */
    public static CompilationUnit decode(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes, 0, bytes.length);
        CompilationUnit unit = read(in, bytes.length);
        if (!in.atEnd()) {
            throw new IllegalArgumentException("bytes left over after a compilation unit");
        }
        return unit;
    }

    /**
     * The tree {@link #write} wrote, read from where {@code in} stands; no list is taken to hold more than
     * {@code limit} nodes (the bytes' length bounds it).
     *
     * @throws RuntimeException when the bytes are not such a tree (the cache's damage)
     */
    public static CompilationUnit read(BinaryIn in, int limit) {
        if (SHAPES.failure() != null) {
            throw new IllegalArgumentException(SHAPES.failure());
        }
        if (!(new Reader(in, limit).node(1) instanceof CompilationUnit unit)) {
            throw new IllegalArgumentException("not the bytes of a compilation unit");
        }
        return unit;
    }

    private record Writer(BinaryOut out, Set<Node> emptied) {
        /** A node (or 0 for none): its shape, its range relative to {@code parentLine}, its properties. */
        void node(Node node, int parentLine) {
            if (node == null) {
                out.varint(0);
                return;
            }
            TreeShapes.Shape shape = SHAPES.byClass().get(node.getClass());
            if (shape == null) {
                throw new IllegalArgumentException("no shape for " + node.getClass().getName());
            }
            out.varint(shape.id());
            Range range = node.getRange().orElse(null);
            int line = range == null ? parentLine : range.begin.line;
            if (range == null) {
                out.varint(0);
            } else {
                out.varint(zigzag(range.begin.line - parentLine) + 1);
                out.varint(range.begin.column);
                out.varint(range.end.line - range.begin.line);
                out.varint(range.end.column);
            }
            boolean empty = emptied.contains(node);
            for (TreeShapes.Slot slot : shape.slots()) {
                Object value = value(slot, node);
                switch (slot.kind()) {
                    case NODE -> node((Node) value, line);
                    case LIST -> list((NodeList<?>) value, empty, line);
                    case STRING -> {
                        out.bool(value != null);
                        if (value != null) {
                            out.string((String) value);
                        }
                    }
                    case FLAG -> out.bool((Boolean) value);
                    case CONSTANT -> out.varint(value == null ? 0 : ((Enum<?>) value).ordinal() + 1L);
                }
            }
        }

        private void list(NodeList<?> list, boolean empty, int line) {
            if (list == null) {
                out.varint(0);
                return;
            }
            int size = empty ? 0 : list.size();
            out.varint(size + 1L);
            for (int i = 0; i < size; i++) {
                node(list.get(i), line);
            }
        }

        private static Object value(TreeShapes.Slot slot, Node node) {
            try {
                return slot.field().get(node);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("field " + slot.field() + " made accessible, then refused", e);
            }
        }

        private static long zigzag(int value) {
            return ((long) value << 1) ^ (value >> 31);
        }
    }

    private record Reader(BinaryIn in, int limit) {
        Node node(int parentLine) {
            int id = in.count(SHAPES.byId().size());
            if (id == 0) {
                return null;
            }
            TreeShapes.Shape shape = SHAPES.byId().get(id - 1);
            Range range = range(parentLine);
            int line = range == null ? parentLine : range.begin.line;
            TreeShapes.Slot[] slots = shape.slots();
            Object[] arguments = new Object[slots.length];
            for (int i = 0; i < slots.length; i++) {
                arguments[i] = switch (slots[i].kind()) {
                    case NODE -> node(line);
                    case LIST -> list(slots[i].element(), line);
                    case STRING -> in.bool() ? in.string() : null;
                    case FLAG -> in.bool();
                    case CONSTANT -> {
                        int ordinal = in.count(slots[i].constants().length);
                        yield ordinal == 0 ? null : slots[i].constants()[ordinal - 1];
                    }
                };
            }
            Node node = construct(shape, arguments);
            if (range != null) {
                node.setRange(range);
            }
            return node;
        }

        private Range range(int parentLine) {
            long first = in.varint();
            if (first == 0) {
                return null;
            }
            long zigzag = first - 1;
            long line = parentLine + ((zigzag >>> 1) ^ -(zigzag & 1));
            long column = in.varint();
            long endLine = line + in.varint();
            long endColumn = in.varint();
            if (line < 1 || endLine > Integer.MAX_VALUE || column > Integer.MAX_VALUE || endColumn > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a range out of bounds: line " + line + " to " + endLine);
            }
            return new Range(new Position((int) line, (int) column), new Position((int) endLine, (int) endColumn));
        }

        private NodeList<Node> list(Class<?> element, int line) {
            int size = in.count(limit);
            if (size == 0) {
                return null;
            }
            NodeList<Node> list = new NodeList<>();
            for (int i = 1; i < size; i++) {
                Node node = node(line);
                if (!element.isInstance(node)) {
                    throw new IllegalArgumentException("a list of " + element.getSimpleName() + " holds "
                            + (node == null ? "no node" : "a " + node.getClass().getSimpleName()) + " at its place " + i);
                }
                list.add(node);
            }
            return list;
        }

        private static Node construct(TreeShapes.Shape shape, Object[] arguments) {
            try {
                return (Node) shape.constructor().newInstance(arguments);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("a " + shape.constructor().getDeclaringClass().getSimpleName()
                        + " refused its properties: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("a " + shape.constructor().getDeclaringClass().getSimpleName()
                        + " could not be made: " + e, e);
            }
        }
    }
}
