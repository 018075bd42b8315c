package dev.strangler.analyzer.source.parse;

import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.observer.AstObserver;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Shrinks a parsed tree to what the analysis reads, so that a whole codebase's trees, all kept until extraction, cost
 * the garbage collector less to copy.
 *
 * <p>Every JavaParser node carries its token range and three lists of its own (children, orphan comments, observers),
 * and every {@link NodeList} in it (modifiers, annotations, arguments, statements...) two more (elements, observers),
 * each grown to ten slots by its first element. The analysis reads positions but never tokens, comments or
 * observers, and never changes a tree. So the token range is dropped (the node keeps its position range), lists
 * with elements are trimmed, and each empty list is replaced by one shared list that refuses changes (its parent is
 * not the node, which the analysis never asks a list for): about a third
 * of a tree's memory on the synthetic benchmark tree. Should a later change to the analysis modify a compacted tree,
 * the shared list fails loudly instead of sharing state. When the JavaParser in use has other field names,
 * compaction is skipped and only costs memory.
 */
public final class TreeCompactor {
    private static final Fields FIELDS = Fields.find();

    private TreeCompactor() {
    }

    public static void compact(Node root) {
        if (FIELDS == null) {
            return;
        }
        Trees.walk(root, FIELDS::compact);
    }

    /** An empty list shared by every compacted node; any change to it is a bug in the analysis. */
    private static final class Frozen<E> extends ArrayList<E> {
        Frozen() {
            super(0);
        }

        static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("compacted syntax trees are read-only");
        }

        @Override
        public boolean add(E e) {
            throw refused();
        }

        @Override
        public void add(int index, E element) {
            throw refused();
        }

        @Override
        public boolean addAll(Collection<? extends E> c) {
            throw refused();
        }

        @Override
        public boolean addAll(int index, Collection<? extends E> c) {
            throw refused();
        }

        @Override
        public E set(int index, E element) {
            throw refused();
        }

        @Override
        public void replaceAll(UnaryOperator<E> operator) {
            throw refused();
        }
    }

    /** An empty node list shared by every compacted node; any change to it is a bug in the analysis. */
    private static final class FrozenNodeList extends NodeList<Node> {
        @Override
        public boolean add(Node node) {
            throw Frozen.refused();
        }

        @Override
        public void add(int index, Node node) {
            throw Frozen.refused();
        }

        @Override
        public void addAll(NodeList<Node> nodes) {
            throw Frozen.refused();
        }

        @Override
        public boolean addAll(Collection<? extends Node> nodes) {
            throw Frozen.refused();
        }

        @Override
        public boolean addAll(int index, Collection<? extends Node> nodes) {
            throw Frozen.refused();
        }

        @Override
        public NodeList<Node> addFirst(Node node) {
            throw Frozen.refused();
        }

        @Override
        public NodeList<Node> addLast(Node node) {
            throw Frozen.refused();
        }

        @Override
        public NodeList<Node> addBefore(Node node, Node before) {
            throw Frozen.refused();
        }

        @Override
        public NodeList<Node> addAfter(Node node, Node after) {
            throw Frozen.refused();
        }

        @Override
        public Node set(int index, Node node) {
            throw Frozen.refused();
        }

        @Override
        public boolean replace(Node old, Node replacement) {
            throw Frozen.refused();
        }

        @Override
        public void replaceAll(UnaryOperator<Node> operator) {
            throw Frozen.refused();
        }

        @Override
        public NodeList<Node> setParentNode(Node parent) {
            throw Frozen.refused();
        }

        @Override
        public void register(AstObserver observer) {
            throw Frozen.refused();
        }
    }

    private record Fields(VarHandle tokenRange, VarHandle childNodes, VarHandle orphanComments, VarHandle observers,
                          VarHandle listElements, ClassValue<List<Field>> nodeLists, ArrayList<Node> noNodes,
                          ArrayList<Comment> noComments, ArrayList<AstObserver> noObservers, NodeList<Node> noList) {
        static Fields find() {
            try {
                MethodHandles.Lookup node = MethodHandles.privateLookupIn(Node.class, MethodHandles.lookup());
                MethodHandles.Lookup list = MethodHandles.privateLookupIn(NodeList.class, MethodHandles.lookup());
                return new Fields(node.findVarHandle(Node.class, "tokenRange", TokenRange.class),
                        node.findVarHandle(Node.class, "childNodes", ArrayList.class),
                        node.findVarHandle(Node.class, "orphanComments", ArrayList.class),
                        node.findVarHandle(Node.class, "observers", ArrayList.class),
                        list.findVarHandle(NodeList.class, "innerList", List.class),
                        new NodeListFields(), new Frozen<>(), new Frozen<>(), new Frozen<>(), new FrozenNodeList());
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        void compact(Node node) {
            tokenRange.set(node, (TokenRange) null);
            ArrayList<?> children = (ArrayList<?>) childNodes.get(node);
            if (children.isEmpty()) {
                childNodes.set(node, noNodes);
            } else {
                children.trimToSize();
            }
            if (((ArrayList<?>) orphanComments.get(node)).isEmpty()) {
                orphanComments.set(node, noComments);
            }
            if (((ArrayList<?>) observers.get(node)).isEmpty()) {
                observers.set(node, noObservers);
            }
            for (Field field : nodeLists.get(node.getClass())) {
                try {
                    if (field.get(node) instanceof NodeList<?> nodeList) {
                        if (nodeList.isEmpty()) {
                            field.set(node, noList);
                        } else if (listElements.get(nodeList) instanceof ArrayList<?> elements) {
                            elements.trimToSize();
                        }
                    }
                } catch (IllegalAccessException e) {
                    // not opened to us: that list keeps its memory
                }
            }
        }
    }

    /** The {@link NodeList} fields of each node class, its superclasses' included, opened for reading. */
    private static final class NodeListFields extends ClassValue<List<Field>> {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (field.getType() == NodeList.class && !Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers)) {
                        try {
                            field.setAccessible(true);
                            fields.add(field);
                        } catch (RuntimeException e) {
                            // not opened to us: that list keeps its memory
                        }
                    }
                }
            }
            return List.copyOf(fields);
        }
    }
}
